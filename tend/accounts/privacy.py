"""Accounts in export and deletion: the profile and the personal access tokens."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
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


def _login_records(user: User) -> Any:
    # django-axes keeps these by the e-mail address typed at log-in.
    return (
        AccessLog.objects.filter(username__iexact=user.email),
        AccessAttempt.objects.filter(username__iexact=user.email),
        AccessFailureLog.objects.filter(username__iexact=user.email),
    )


def _export_sign_ins(user: User) -> list[dict[str, Any]]:
    logs, _attempts, failures = _login_records(user)
    signed_in = [
        {
            "at": log.attempt_time.isoformat(),
            "signed_out_at": log.logout_time.isoformat() if log.logout_time else None,
            "ip_address": log.ip_address,
            "browser": log.user_agent,
            "succeeded": True,
        }
        for log in logs.order_by("attempt_time")
    ]
    failed = [
        {
            "at": failure.attempt_time.isoformat(),
            "signed_out_at": None,
            "ip_address": failure.ip_address,
            "browser": failure.user_agent,
            "succeeded": False,
        }
        for failure in failures.order_by("attempt_time")
    ]
    return sorted(signed_in + failed, key=lambda row: str(row["at"]))


def _delete_sign_ins(user: User) -> None:
    for records in _login_records(user):
        records.delete()


registry.register(
    "sign_ins",
    title=_("Sign-ins"),
    export=_export_sign_ins,
    delete=_delete_sign_ins,
    models=(AccessLog, AccessAttempt, AccessFailureLog),
)
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
