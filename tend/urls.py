from __future__ import annotations

from django.urls import include, path

from tend.api import api

urlpatterns = [
    path("", include("tend.today.urls")),
    path("accounts/", include("tend.accounts.urls")),
    path("pairs/", include("tend.pairs.urls")),
    path("checkins/", include("tend.checkins.urls")),
    path("privacy/", include("tend.privacy.urls")),
    path("talk/love-map/", include("tend.love_map.urls")),
    path("talk/", include("tend.conversation.urls")),
    path("talk/deep/", include("tend.deep_talk.urls")),
    path("thanks/", include("tend.appreciation.urls")),
    path("moments/", include("tend.moments.urls")),
    path("coach/", include("tend.coach.urls")),
    path("api/v1/", api.urls),
]
