"""Access helper for personal access tokens, used by the profile page and the API."""

from __future__ import annotations

from django.http import Http404

from tend.accounts.models import AccessToken, User


def get_token_for(user: User, code: str) -> AccessToken:
    """One of ``user``'s own access tokens, or 404 (someone else's looks just like none)."""
    token = AccessToken.objects.filter(user=user, code=code).first()
    if token is None:
        raise Http404
    return token
