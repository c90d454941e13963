"""Moments in export and deletion.

A moment is its writer's alone: the export lists only the moments the person
noted themself (never a partner's, whatever the visibility says), and deleting
the account deletes them. The pair's figures are sums worked out on reading, so
they simply change.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.moments import content
from tend.moments.models import Moment
from tend.privacy import registry


def export_moments(user: User) -> list[dict[str, Any]]:
    kinds = content.by_slug()
    rows = Moment.objects.filter(owner=user).select_related("pair").order_by("created_at", "pk")
    return [
        {
            **registry.owned_fields(m, user),
            "kind": m.kind,
            "kind_label": kinds[m.kind].label if m.kind in kinds else m.kind,
            "positive": bool(m.kind in kinds and kinds[m.kind].positive),
            "whose": m.whose,
            "happened_on": m.happened_on.isoformat(),
            "note": m.note,
        }
        for m in rows
    ]


def delete_moments(user: User) -> None:
    Moment.objects.filter(owner=user).delete()


registry.register(
    "moments",
    title=_("Moments I noted"),
    export=export_moments,
    delete=delete_moments,
    models=(Moment,),
)
