"""Accounts in export and deletion: the profile and the personal access tokens."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import AccessToken, User
from tend.privacy import registry


def _export_profile(user: User) -> list[dict[str, Any]]:
    return [
        {
            "email": user.email,
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "reminder_hour": user.reminder_hour,
            "quiet_start": user.quiet_start.isoformat(),
            "quiet_end": user.quiet_end.isoformat(),
            "joined_at": user.date_joined.isoformat(),
        }
    ]


def _export_tokens(user: User) -> list[dict[str, Any]]:
    # Only names and dates: the token itself was never stored.
    return [
        {
            "name": token.name,
            "hint": token.hint,
            "created_at": token.created_at.isoformat(),
            "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        }
        for token in AccessToken.objects.filter(user=user)
    ]


def _delete_tokens(user: User) -> None:
    AccessToken.objects.filter(user=user).delete()


def _delete_nothing(user: User) -> None:
    """The user row itself is removed last by privacy.services.delete_account."""


registry.register(
    "profile", title=_("Profile"), export=_export_profile, delete=_delete_nothing, models=(User,)
)
registry.register(
    "access_tokens",
    title=_("Personal access tokens"),
    export=_export_tokens,
    delete=_delete_tokens,
    models=(AccessToken,),
)
