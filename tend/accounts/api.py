"""API: the signed-in person's profile and personal access tokens."""

from __future__ import annotations

from ninja import Router, Status

from tend.accounts.access import get_token_for
from tend.accounts.models import AccessToken
from tend.accounts.schemas import ProfileOut, ProfilePatch, TokenCreatedOut, TokenIn, TokenOut
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS
from tend.lib.http import AuthenticatedHttpRequest

router = Router(tags=["accounts"])


@router.get("/me", response={200: ProfileOut, **COMMON_ERRORS}, summary="My profile")
def get_me(request: AuthenticatedHttpRequest) -> object:
    return request.user


@router.patch("/me", response={200: ProfileOut, **WRITE_ERRORS}, summary="Change my profile")
def patch_me(request: AuthenticatedHttpRequest, payload: ProfilePatch) -> object:
    user = request.user
    changes = payload.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(user, name, value)
    # The model's own rules run too, so the API cannot store what the form would refuse.
    user.full_clean()
    if changes:
        user.save(update_fields=list(changes))
    return user


@router.get("/tokens", response={200: list[TokenOut], **COMMON_ERRORS}, summary="My tokens")
def list_tokens(request: AuthenticatedHttpRequest) -> object:
    return AccessToken.objects.filter(user=request.user)


@router.post("/tokens", response={201: TokenCreatedOut, **WRITE_ERRORS}, summary="Create a token")
def create_token(request: AuthenticatedHttpRequest, payload: TokenIn) -> object:
    token, raw = AccessToken.issue(request.user, payload.name)
    return Status(201, {**TokenOut.model_validate(token).model_dump(), "token": raw})


@router.delete("/tokens/{code}", response={204: None, **COMMON_ERRORS}, summary="Revoke a token")
def revoke_token(request: AuthenticatedHttpRequest, code: str) -> object:
    get_token_for(request.user, code).delete()
    return Status(204, None)
