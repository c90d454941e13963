from __future__ import annotations

from django.urls import path

from tend.moments import views

app_name = "moments"

urlpatterns = [
    path("", views.index, name="index"),
    path("note/", views.note, name="note"),
    path("mine/", views.mine, name="mine"),
    path("chart/", views.chart, name="chart"),
    path("about/", views.explain, name="explain"),
    path("m/<str:code>/", views.entry, name="entry"),
    path("m/<str:code>/delete/", views.delete, name="delete"),
]
