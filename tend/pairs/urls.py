from __future__ import annotations

from django.urls import path

from tend.pairs import views

app_name = "pairs"

urlpatterns: list = []
