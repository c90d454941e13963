"""Test data for check-in pages: single check-ins on given dates and long histories."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.lib.timezones import week_start
from tend.privacy.models import Visibility


def daily(
    owner: Any,
    pair: Any,
    day: dt.date,
    *,
    mood: int = 4,
    win: str = "",
    private: bool = False,
    **extra: Any,
) -> DailyCheckIn:
    """A check-in written straight to the database, for a date in the past or future."""
    return DailyCheckIn.objects.create(
        owner=owner,
        pair=pair,
        date=day,
        mood=mood,
        win=win,
        visibility=Visibility.PRIVATE if private else Visibility.SHARED,
        **extra,
    )


def weekly(
    owner: Any,
    pair: Any,
    monday: dt.date,
    *,
    closeness: int = 7,
    went_well: str = "",
    private: bool = False,
) -> WeeklyCheckIn:
    return WeeklyCheckIn.objects.create(
        owner=owner,
        pair=pair,
        week_start=monday,
        closeness=closeness,
        went_well=went_well,
        visibility=Visibility.PRIVATE if private else Visibility.SHARED,
    )


def years_of_history(people: list[Any], pair: Any, until: dt.date, days: int) -> None:
    """Daily and weekly check-ins of every person for ``days`` days before ``until``."""
    dailies, weeklies = [], []
    for n in range(1, days + 1):
        day = until - dt.timedelta(days=n)
        for i, person in enumerate(people):
            dailies.append(
                DailyCheckIn(
                    owner=person,
                    pair=pair,
                    date=day,
                    mood=1 + (n + i) % 5,
                    win=f"win {n}",
                    challenge="a challenge",
                    carrying="",
                    support="tea",
                )
            )
            if day.weekday() == 6:
                weeklies.append(
                    WeeklyCheckIn(
                        owner=person,
                        pair=pair,
                        week_start=week_start(day),
                        closeness=1 + (n + i) % 10,
                        went_well="a walk",
                    )
                )
    DailyCheckIn.objects.bulk_create(dailies, batch_size=500)
    WeeklyCheckIn.objects.bulk_create(weeklies, batch_size=500)
