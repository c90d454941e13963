from __future__ import annotations

from django.urls import path

from tend.deep_talk import views

app_name = "deep_talk"

urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/step/", views.step, name="step"),
    path("<str:code>/notes/", views.note, name="note"),
    path("<str:code>/closeness/<str:moment>/", views.closeness, name="closeness"),
    path("<str:code>/summary/", views.summary, name="summary"),
]
