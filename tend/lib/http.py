"""The request of a signed-in person, as the type checker should see it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.http import HttpRequest

if TYPE_CHECKING:
    from tend.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """An ``HttpRequest`` whose ``user`` is a person, never ``AnonymousUser``.

    For annotations only; Django never builds one. The promise is kept by
    ``login_required`` on views and by ``api_auth`` on API operations, so use it
    only behind one of them.
    """

    user: User


def signed_in(request: HttpRequest) -> User:
    """The person behind ``request``, for code reached only after sign-in that is
    typed with a plain ``HttpRequest`` (a Today panel builder, for one)."""
    return cast("User", request.user)
