from __future__ import annotations

from django.urls import path

from tend.appreciation import views

app_name = "appreciation"

urlpatterns = [
    path("", views.index, name="index"),
    path("send/", views.send, name="send"),
    path("a/<str:code>/thank/", views.thank, name="thank"),
    path("a/<str:code>/react/", views.react, name="react"),
    path("jar/", views.jar, name="jar"),
    path("gratitude/", views.gratitude, name="gratitude"),
    path("gratitude/<str:code>/send/", views.gratitude_send, name="gratitude_send"),
    path("three-things/", views.three_things, name="three_things"),
    path("news/", views.news, name="news"),
    path("news/<str:code>/", views.news_detail, name="news_detail"),
    path("news/<str:code>/reply/", views.news_reply, name="news_reply"),
]
