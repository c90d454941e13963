from __future__ import annotations

from django.urls import path

from tend.conversation import views

app_name = "conversation"

urlpatterns = [
    path("", views.index, name="index"),
    path("today/", views.today, name="today"),
    path("q/<str:code>/", views.question, name="question"),
    path("q/<str:code>/answer/", views.answer, name="answer"),
    path("q/<str:code>/skip/", views.skip, name="skip"),
    path("q/<str:code>/react/", views.react, name="react"),
    path("q/<str:code>/reply/", views.reply, name="reply"),
    path("q/<str:code>/favourite/", views.favourite, name="favourite"),
    path("past/", views.history, name="history"),
    path("decks/", views.deck, name="deck"),
    path("decks/<slug:slug>/", views.category, name="category"),
    path("ask/", views.ask, name="ask"),
    path("ours/", views.ours, name="ours"),
    path("ours/<str:code>/remove/", views.ours_remove, name="ours_remove"),
    path("settings/", views.settings, name="settings"),
]
