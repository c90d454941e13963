"""Time-zone helpers: the backend keeps aware UTC; people see their own local time."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache

from django.utils import timezone


@cache
def all_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_valid_timezone(name: str) -> bool:
    return name in all_timezones()


def local_now(tz_name: str, now: dt.datetime | None = None) -> dt.datetime:
    now = now or timezone.now()
    return now.astimezone(zoneinfo.ZoneInfo(tz_name))


def local_date(tz_name: str, now: dt.datetime | None = None) -> dt.date:
    return local_now(tz_name, now).date()


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` falls in."""
    return day - dt.timedelta(days=day.weekday())
