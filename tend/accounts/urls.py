from __future__ import annotations

from django.urls import path

from tend.accounts import views

app_name = "accounts"

urlpatterns: list = []
