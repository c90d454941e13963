from __future__ import annotations

from django.urls import path

from tend.coach import views

app_name = "coach"

urlpatterns = [
    path("", views.draft, name="draft"),
]
