"""Check-ins in export and deletion: what the person can see, what they wrote."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.privacy import registry


def serialize_daily(item: DailyCheckIn, user: User) -> dict[str, Any]:
    return {
        "date": item.date.isoformat(),
        "mood": item.mood,
        "feelings": list(item.feelings),
        "win": item.win,
        "challenge": item.challenge,
        "carrying": item.carrying,
        "support": item.support,
    }


def serialize_weekly(item: WeeklyCheckIn, user: User) -> dict[str, Any]:
    return {
        "week_start": item.week_start.isoformat(),
        "went_well": item.went_well,
        "was_hard": item.was_hard,
        "need": item.need,
        "appreciation": item.appreciation,
        "closeness": item.closeness,
    }


registry.register_owned(
    "daily_checkins", DailyCheckIn, title=_("Daily check-ins"), serialize=serialize_daily
)
registry.register_owned(
    "weekly_checkins", WeeklyCheckIn, title=_("Weekly check-ins"), serialize=serialize_weekly
)
