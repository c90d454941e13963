from __future__ import annotations

from django.urls import path

from tend.checkins import views

app_name = "checkins"

urlpatterns: list = []
