from __future__ import annotations

from django.urls import path

from tend.privacy import views

app_name = "privacy"

urlpatterns: list = []
