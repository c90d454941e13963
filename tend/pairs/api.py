"""API: my pairs, invites into them, and leaving them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from tend.accounts.models import User
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, ErrorOut
from tend.lib.http import AuthenticatedHttpRequest
from tend.pairs import services
from tend.pairs.access import get_pair_for, pairs_of
from tend.pairs.models import Pair
from tend.pairs.schemas import InviteCreatedOut, InviteOut, PairIn, PairOut, PairPatch

router = Router(tags=["pairs"])

INVITE_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 409: ErrorOut, 410: ErrorOut}


def pair_out(pair: Pair, user: User) -> dict[str, Any]:
    return {
        "code": pair.code,
        "name": pair.name,
        "kind": pair.kind,
        "started_on": pair.started_on,
        "time_zone": pair.time_zone,
        "is_open": pair.is_open,
        "created_at": pair.created_at,
        "closed_at": pair.closed_at,
        "members": [
            {
                "display_name": m.user.display_name,
                "is_me": m.user_id == user.pk,
                "has_left": m.left_at is not None,
            }
            for m in pair.member_list()
        ],
    }


def _invite_failure(token: str, exc: services.PairError) -> HttpError:
    """The service's reason, with the status that tells a client what kind of failure it is."""
    invite = services.find_invite(token)
    if invite is None:
        status = 404
    elif not invite.is_pending or not invite.pair.is_open:
        status = 410  # it was real once: used, declined, replaced, expired or its pair ended
    else:
        status = 409  # valid, but not for this person now (already in it, or it is full)
    return HttpError(status, str(exc))


@router.get("", response={200: list[PairOut], **COMMON_ERRORS}, summary="My pairs")
def list_pairs(request: AuthenticatedHttpRequest) -> object:
    return [pair_out(p, request.user) for p in pairs_of(request.user)]


@router.post("", response={201: PairOut, **WRITE_ERRORS}, summary="Create a pair")
def create_pair(request: AuthenticatedHttpRequest, payload: PairIn) -> object:
    pair = services.create_pair(
        request.user, name=payload.name, kind=payload.kind, started_on=payload.started_on
    )
    return Status(201, pair_out(get_pair_for(request.user, pair.code), request.user))


# The invite routes come before "/{code}" ones so that "invites" is never read as a code.
@router.get(
    "/invites/{token}", response={200: InviteOut, **INVITE_ERRORS}, summary="Who invites me"
)
def get_invite(request: AuthenticatedHttpRequest, token: str) -> object:
    try:
        invite = services.check_invite_for(services.find_invite(token), request.user)
    except services.PairError as exc:
        raise _invite_failure(token, exc) from exc
    return {
        "inviter": invite.inviter.display_name,
        "pair_name": invite.pair.name,
        "pair_kind": invite.pair.kind,
        "expires_at": invite.expires_at,
    }


@router.post(
    "/invites/{token}/accept", response={200: PairOut, **INVITE_ERRORS}, summary="Accept an invite"
)
def accept_invite(request: AuthenticatedHttpRequest, token: str) -> object:
    try:
        pair = services.accept_invite(token, request.user)
    except services.PairError as exc:
        raise _invite_failure(token, exc) from exc
    return pair_out(get_pair_for(request.user, pair.code), request.user)


@router.post(
    "/invites/{token}/decline", response={204: None, **INVITE_ERRORS}, summary="Decline an invite"
)
def decline_invite(request: AuthenticatedHttpRequest, token: str) -> object:
    try:
        services.decline_invite(token, request.user)
    except services.PairError as exc:
        raise _invite_failure(token, exc) from exc
    return Status(204, None)


@router.get("/{code}", response={200: PairOut, **COMMON_ERRORS}, summary="One of my pairs")
def get_pair(request: AuthenticatedHttpRequest, code: str) -> object:
    return pair_out(get_pair_for(request.user, code), request.user)


@router.patch(
    "/{code}", response={200: PairOut, 409: ErrorOut, **WRITE_ERRORS}, summary="Change a pair"
)
def patch_pair(request: AuthenticatedHttpRequest, code: str, payload: PairPatch) -> object:
    pair = get_pair_for(request.user, code)
    if not pair.is_open:
        raise HttpError(409, _("This pair has ended, so it can no longer be changed."))
    changes = payload.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(pair, name, value)
    pair.full_clean()
    if changes:
        pair.save(update_fields=list(changes))
    return pair_out(pair, request.user)


@router.post(
    "/{code}/invites",
    response={201: InviteCreatedOut, 409: ErrorOut, **WRITE_ERRORS},
    summary="Invite someone",
    description="A new single-use link; earlier pending links of the pair stop working.",
)
def create_invite(request: AuthenticatedHttpRequest, code: str) -> object:
    pair = get_pair_for(request.user, code)
    try:
        issued = services.issue_invite(pair, request.user)
    except services.PairError as exc:
        raise HttpError(409, str(exc)) from exc
    return Status(
        201,
        {
            "token": issued.token,
            "url": settings.SITE_URL + reverse("pairs:join", args=[issued.token]),
            "expires_at": issued.invite.expires_at,
        },
    )


@router.post(
    "/{code}/leave",
    response={204: None, **COMMON_ERRORS},
    summary="Leave a pair",
    description="Sharing ends at once for both people; each keeps what they wrote.",
)
def leave_pair(request: AuthenticatedHttpRequest, code: str) -> object:
    services.leave_pair(get_pair_for(request.user, code), request.user)
    return Status(204, None)
