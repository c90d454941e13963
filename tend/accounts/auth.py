"""API authentication: the browser session (with CSRF) or a personal access token."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth
from ninja.utils import check_csrf

from tend.accounts.models import AccessToken, User

# Writing last_used_at on every request would turn each read into a write.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer tend_...``: a personal access token.

    A browser never adds this header on its own, so requests that carry it need
    no CSRF token.
    """

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        if not token.startswith(AccessToken.PREFIX):
            return None
        found = AccessToken.objects.for_raw(token)
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_RESOLUTION:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class CsrfSessionAuth(SessionAuth):
    """The signed-in browser session; writes need the CSRF token.

    Unlike ninja's ``django_auth`` the CSRF check runs only for a signed-in
    session, so an anonymous request gets 401 ("sign in") rather than 403.
    """

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(
                403, _("The CSRF token is missing or wrong. Reload the page and try again.")
            )
        return request.user


api_auth = [TokenAuth(), CsrfSessionAuth()]
