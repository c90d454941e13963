"""API authentication: the browser session (with CSRF) or a personal access token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from tend.accounts.models import AccessToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = AccessToken.objects.for_raw(token)
        if found is None:
            return None
        # Touch last_used_at at most once a minute to keep reads cheap.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


api_auth = [TokenAuth(), django_auth]
