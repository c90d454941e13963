"""Export everything a person can see; delete everything a person wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tend.privacy import registry

if TYPE_CHECKING:
    from tend.accounts.models import User

EXPORT_FORMAT = "tend-export/1"


def export_for(user: User) -> dict[str, Any]:
    """Everything ``user`` may see, by kind. Each kind decides its rows through
    ``visible_to``, so sealed and private items of the partner never appear."""
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
    }
    for kind in registry.kinds():
        data[kind.key] = kind.export(user)
    return data


def export_sections(user: User) -> list[tuple[str, list[dict[str, Any]]]]:
    """The same data, titled for the printable page."""
    return [(str(kind.title), kind.export(user)) for kind in registry.kinds()]


def delete_account(user: User) -> None:
    """Remove the person, everything they wrote and their memberships.

    One transaction: a failure half-way leaves the account whole rather than
    half-deleted.
    """
    with transaction.atomic():
        for kind in reversed(registry.kinds()):
            kind.delete(user)
        get_user_model().objects.filter(pk=user.pk).delete()
