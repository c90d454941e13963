"""Pairs in export and deletion.

Deleting an account removes the person's memberships and closes their open
pairs, so sharing ends for the partner at once, as when someone leaves.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.pairs.access import pairs_of
from tend.pairs.models import Invite, Membership, Pair
from tend.privacy import registry


def _export_pairs(user: User) -> list[dict[str, Any]]:
    return [
        {
            "name": pair.name,
            "kind": pair.kind,
            "started_on": pair.started_on.isoformat() if pair.started_on else None,
            "created_at": pair.created_at.isoformat(),
            "ended_at": pair.closed_at.isoformat() if pair.closed_at else None,
            "members": [
                {
                    "display_name": m.user.display_name,
                    "is_me": m.user_id == user.pk,
                    "joined_at": m.joined_at.isoformat(),
                }
                for m in pair.member_list()
                if m.left_at is None or m.user_id == user.pk
            ],
        }
        for pair in pairs_of(user)
    ]


def _delete_memberships(user: User) -> None:
    now = timezone.now()
    pair_ids = list(Membership.objects.filter(user=user).values_list("pair_id", flat=True))
    Pair.objects.filter(pk__in=pair_ids, closed_at__isnull=True).update(closed_at=now)
    Invite.objects.filter(pair_id__in=pair_ids).pending(now).update(revoked_at=now)
    Invite.objects.filter(inviter=user).delete()
    Membership.objects.filter(user=user).delete()
    # A pair nobody belongs to any more has nothing left to show anyone.
    Pair.objects.filter(pk__in=pair_ids, memberships__isnull=True).delete()


registry.register(
    "pairs",
    title=_("Pairs"),
    export=_export_pairs,
    delete=_delete_memberships,
    models=(Pair, Membership, Invite),
)
