from __future__ import annotations

from django.urls import path

from tend.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.json", views.export_json, name="export_json"),
    path("export/", views.export_page, name="export_page"),
    path("delete/", views.delete_account, name="delete_account"),
]
