"""Saving check-ins: one per person, pair and local date, editable only on that day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.lib.errors import RuleBroken
from tend.lib.timezones import week_start
from tend.pairs.models import Pair

if TYPE_CHECKING:
    from tend.accounts.models import User

DAILY_FIELDS = ("mood", "feelings", "win", "challenge", "carrying", "support", "visibility")
WEEKLY_FIELDS = ("went_well", "was_hard", "need", "appreciation", "closeness", "visibility")

_Item = TypeVar("_Item", DailyCheckIn, WeeklyCheckIn)


class CheckInError(RuleBroken):
    """A rule of check-ins was broken; the message is safe to show."""


def todays_daily(user: User, pair: Pair | None) -> DailyCheckIn | None:
    return DailyCheckIn.objects.filter(owner=user, pair=pair, date=user.local_today()).first()


def this_weeks(user: User, pair: Pair | None) -> WeeklyCheckIn | None:
    return WeeklyCheckIn.objects.filter(
        owner=user, pair=pair, week_start=week_start(user.local_today())
    ).first()


def _save(item: _Item, *, duplicate_message: str) -> _Item:
    item.full_clean()
    try:
        # The savepoint keeps an outer transaction usable if the unique
        # constraint catches a second check-in that raced this one.
        with transaction.atomic():
            item.save()
    except IntegrityError as exc:
        raise CheckInError(duplicate_message) from exc
    return item


def record_daily(user: User, pair: Pair | None, data: dict[str, Any]) -> DailyCheckIn:
    """A new check-in for the person's local today."""
    if pair is not None and not pair.is_open:
        raise CheckInError(_("This pair has ended; check in on your own or in another pair."))
    today = user.local_today()
    if DailyCheckIn.objects.filter(owner=user, pair=pair, date=today).exists():
        raise CheckInError(_("You have already checked in today. You can edit today's check-in."))
    item = DailyCheckIn(owner=user, pair=pair, date=today, **_only(data, DAILY_FIELDS))
    return _save(item, duplicate_message=_("You have already checked in today."))


def update_daily(user: User, item: DailyCheckIn, data: dict[str, Any]) -> DailyCheckIn:
    if item.owner_id != user.pk:
        raise CheckInError(_("Only the person who wrote a check-in can change it."))
    if not item.is_editable_by(user):
        raise CheckInError(_("A check-in can only be changed on its own day."))
    for name, value in _only(data, DAILY_FIELDS).items():
        setattr(item, name, value)
    return _save(item, duplicate_message=_("You have already checked in today."))


def record_weekly(user: User, pair: Pair | None, data: dict[str, Any]) -> WeeklyCheckIn:
    if pair is not None and not pair.is_open:
        raise CheckInError(_("This pair has ended; check in on your own or in another pair."))
    monday = week_start(user.local_today())
    if WeeklyCheckIn.objects.filter(owner=user, pair=pair, week_start=monday).exists():
        raise CheckInError(_("You have already written this week's state of us. You can edit it."))
    item = WeeklyCheckIn(owner=user, pair=pair, week_start=monday, **_only(data, WEEKLY_FIELDS))
    return _save(item, duplicate_message=_("You have already written this week's state of us."))


def update_weekly(user: User, item: WeeklyCheckIn, data: dict[str, Any]) -> WeeklyCheckIn:
    if item.owner_id != user.pk:
        raise CheckInError(_("Only the person who wrote a check-in can change it."))
    if not item.is_editable_by(user):
        raise CheckInError(_("A weekly check-in can only be changed during its own week."))
    for name, value in _only(data, WEEKLY_FIELDS).items():
        setattr(item, name, value)
    return _save(item, duplicate_message=_("You have already written this week's state of us."))


def _only(data: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in allowed}


class MoodRow(TypedDict):
    date: dt.date
    mood: int
    owner_id: int


def mood_series(user: User, pair: Pair | None, since: dt.date) -> list[MoodRow]:
    """Daily mood of both members (what the person may see) since ``since``, for charts."""
    rows = (
        DailyCheckIn.objects.visible_to(user)
        .filter(pair=pair, date__gte=since)
        .values("date", "mood", "owner_id")
        .order_by("date")
    )
    return list(rows)


__all__ = ["CheckInError", "ValidationError", "record_daily", "record_weekly"]
