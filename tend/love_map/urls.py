from __future__ import annotations

from django.urls import path

from tend.love_map import views

app_name = "love_map"

urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("rounds/<str:code>/", views.round_page, name="round"),
    path("rounds/<str:code>/mark/", views.mark, name="mark"),
    path("learned/", views.learned, name="learned"),
]
