from __future__ import annotations

from django.urls import path

from tend.checkins import views

app_name = "checkins"

urlpatterns = [
    path("today/", views.daily, name="daily"),
    path("daily/<str:code>/", views.daily_detail, name="daily_detail"),
    path("week/", views.weekly, name="weekly"),
    path("weekly/<str:code>/", views.weekly_detail, name="weekly_detail"),
    path("history/", views.history, name="history"),
    path("chart/", views.chart, name="chart"),
]
