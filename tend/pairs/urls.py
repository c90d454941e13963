from __future__ import annotations

from django.urls import path

from tend.pairs import views

app_name = "pairs"

urlpatterns = [
    path("", views.pair_list, name="list"),
    path("new/", views.pair_create, name="create"),
    path("join/<str:token>/", views.join, name="join"),
    path("join/<str:token>/decline/", views.join_decline, name="join_decline"),
    path("<str:code>/", views.pair_detail, name="detail"),
    path("<str:code>/edit/", views.pair_edit, name="edit"),
    path("<str:code>/invite/", views.pair_invite, name="invite"),
    path("<str:code>/leave/", views.pair_leave, name="leave"),
    path("<str:code>/switch/", views.pair_switch, name="switch"),
]
