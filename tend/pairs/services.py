"""Writes that touch pairs, memberships and invites together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.lib.errors import RuleBroken
from tend.pairs.access import forget_pairs
from tend.pairs.models import (
    INVITE_LIFETIME,
    MAX_MEMBERS,
    Invite,
    Membership,
    Pair,
    hash_invite_token,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tend.accounts.models import User


class PairError(RuleBroken):
    """A rule of pairs was broken; the message is safe to show to the person."""


@dataclass(frozen=True)
class IssuedInvite:
    invite: Invite
    token: str


def create_pair(user: User, *, name: str, kind: str, started_on: dt.date | None = None) -> Pair:
    with transaction.atomic():
        pair = Pair.objects.create(
            name=name, kind=kind, started_on=started_on, time_zone=user.time_zone
        )
        Membership.objects.create(pair=pair, user=user)
    forget_pairs(user)
    return pair


def issue_invite(pair: Pair, inviter: User) -> IssuedInvite:
    """A new single-use link. Earlier pending links of the pair are revoked."""
    with transaction.atomic():
        pair = Pair.objects.select_for_update().get(pk=pair.pk)
        if not pair.is_open:
            raise PairError(_("This pair has ended, so nobody new can join it."))
        if pair.memberships.filter(left_at__isnull=True).count() >= MAX_MEMBERS:
            raise PairError(_("This pair already has two people."))
        now = timezone.now()
        Invite.objects.filter(pair=pair).pending(now).update(revoked_at=now)
        token = Invite.new_token()
        invite = Invite.objects.create(
            pair=pair,
            inviter=inviter,
            token_hash=hash_invite_token(token),
            expires_at=now + INVITE_LIFETIME,
        )
    return IssuedInvite(invite, token)


def find_invite(token: str) -> Invite | None:
    return (
        Invite.objects.select_related("pair", "inviter")
        .filter(token_hash=hash_invite_token(token))
        .first()
    )


def check_invite_for(invite: Invite | None, user: User | AnonymousUser) -> Invite:
    """Raise PairError with a clear reason if ``user`` cannot accept ``invite``."""
    if invite is None:
        raise PairError(_("This invite link is not valid. Ask for a new one."))
    if invite.used_at is not None:
        raise PairError(_("This invite link has already been used. Ask for a new one."))
    if invite.declined_at is not None or invite.revoked_at is not None:
        raise PairError(_("This invite link is no longer active. Ask for a new one."))
    if invite.expires_at <= timezone.now():
        raise PairError(_("This invite link has expired. Ask for a new one."))
    if not invite.pair.is_open:
        raise PairError(_("This pair has ended."))
    if user.is_authenticated and invite.pair.memberships.filter(user=user).exists():
        raise PairError(_("You are already in this pair."))
    return invite


def accept_invite(token: str, user: User) -> Pair:
    # The pair row is locked so that two people accepting two links at the same
    # moment cannot both become the second member.
    with transaction.atomic():
        invite = find_invite(token)
        if invite is not None:
            invite = (
                Invite.objects.select_for_update()
                .select_related("pair", "inviter")
                .get(pk=invite.pk)
            )
            Pair.objects.select_for_update().filter(pk=invite.pair_id).first()
        invite = check_invite_for(invite, user)
        pair = invite.pair
        if pair.memberships.filter(left_at__isnull=True).count() >= MAX_MEMBERS:
            raise PairError(_("This pair already has two people."))
        Membership.objects.create(pair=pair, user=user)
        invite.used_at = timezone.now()
        invite.used_by = user
        invite.save(update_fields=["used_at", "used_by"])
    forget_pairs(user)
    return pair


def decline_invite(token: str, user: User | AnonymousUser) -> Invite:
    with transaction.atomic():
        invite = check_invite_for(find_invite(token), user)
        invite.declined_at = timezone.now()
        invite.save(update_fields=["declined_at"])
    return invite


def leave_pair(pair: Pair, user: User) -> None:
    """End sharing at once for both; each keeps what they wrote."""
    with transaction.atomic():
        now = timezone.now()
        Membership.objects.filter(pair=pair, user=user, left_at__isnull=True).update(left_at=now)
        Pair.objects.filter(pk=pair.pk, closed_at__isnull=True).update(closed_at=now)
        Invite.objects.filter(pair=pair).pending(now).update(revoked_at=now)
    forget_pairs(user)
