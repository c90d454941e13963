"""API: export everything I can see, and delete my account."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import logout
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS
from tend.lib.http import AuthenticatedHttpRequest
from tend.privacy import services
from tend.privacy.schemas import DeleteAccountIn

router = Router(tags=["privacy"])


@router.get(
    "/export",
    response={200: dict[str, Any], **COMMON_ERRORS},
    summary="Export everything I can see",
    description="The same JSON as the download on the privacy page: one list per kind of data.",
)
def export(request: AuthenticatedHttpRequest, response: HttpResponse) -> object:
    response["Cache-Control"] = "no-store"
    return services.export_for(request.user)


@router.delete(
    "/account",
    response={204: None, **WRITE_ERRORS},
    summary="Delete my account",
    description="Deletes me and everything I wrote, at once and for good. "
    "Needs my password in the body.",
)
def delete_account(request: AuthenticatedHttpRequest, payload: DeleteAccountIn) -> object:
    user = request.user
    if not user.check_password(payload.password):
        raise HttpError(400, _("That password is not right."))
    logout(request)
    services.delete_account(user)
    return Status(204, None)
