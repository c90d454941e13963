"""Read-side queries for check-in pages: the Today panels, history and charts.

Every function runs a fixed number of queries whatever the length of a pair's
history, so that a pair with years of check-ins costs the database what a new
pair does. Privacy rules come only from ``visible_to`` and ``sealed_for``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.lib.timezones import week_start
from tend.pairs.models import Pair

HISTORY_WEEKS_PER_PAGE = 2
# Far enough back for any real history, near enough that date arithmetic never overflows.
MAX_HISTORY_PAGE = 5000
CHART_RANGES = (30, 90, 365)
DEFAULT_CHART_RANGE = 90


def writing_pair(pair: Pair | None) -> Pair | None:
    """The pair a new check-in belongs to: an ended pair takes no new writing."""
    if pair is not None and pair.is_open:
        return pair
    return None


def _looking_back(qs: QuerySet[Any], user: Any, pair: Pair | None) -> QuerySet[Any]:
    """What history and charts cover: the pair's check-ins, or without a pair all of mine.

    Someone whose only pair ended still keeps what they wrote there, so their
    solo history includes it alongside what they wrote on their own.
    """
    return qs.filter(owner=user) if pair is None else qs.filter(pair=pair)


@dataclass(frozen=True)
class DailyStatus:
    day: dt.date
    mine: DailyCheckIn | None
    partner: DailyCheckIn | None
    partner_sealed: bool


@dataclass(frozen=True)
class WeeklyStatus:
    week_start: dt.date
    mine: WeeklyCheckIn | None
    partner: WeeklyCheckIn | None
    partner_sealed: bool


def daily_status(user: Any, pair: Pair | None, day: dt.date) -> DailyStatus:
    """Mine and my partner's check-in for ``day`` (the same date value for both). One query."""
    answers = DailyCheckIn.objects.answers_for(user, pair, date=day)
    return DailyStatus(day, answers.mine, answers.partner, answers.partner_sealed)


def weekly_status(user: Any, pair: Pair | None, monday: dt.date) -> WeeklyStatus:
    """Mine and my partner's state of us for the week starting ``monday``. One query."""
    answers = WeeklyCheckIn.objects.answers_for(user, pair, week_start=monday)
    return WeeklyStatus(monday, answers.mine, answers.partner, answers.partner_sealed)


@dataclass
class HistoryDay:
    day: dt.date
    # A list: without a pair, history spans solo check-ins and ended pairs,
    # which may both hold one of mine for the same date.
    mine: list[DailyCheckIn] = field(default_factory=list)
    partner: DailyCheckIn | None = None
    partner_sealed: bool = False


@dataclass
class HistoryWeek:
    week_start: dt.date
    mine: list[WeeklyCheckIn] = field(default_factory=list)
    partner: WeeklyCheckIn | None = None
    partner_sealed: bool = False
    days: list[HistoryDay] = field(default_factory=list)

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)

    @property
    def has_weekly(self) -> bool:
        return bool(self.mine) or self.partner is not None or self.partner_sealed

    @property
    def is_empty(self) -> bool:
        return not self.days and not self.has_weekly


@dataclass(frozen=True)
class HistoryPage:
    number: int
    start: dt.date
    end: dt.date
    weeks: list[HistoryWeek]
    has_older: bool

    @property
    def has_newer(self) -> bool:
        return self.number > 1

    @property
    def is_empty(self) -> bool:
        return all(week.is_empty for week in self.weeks)


def clamp_page(raw: Any) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_HISTORY_PAGE)


def history_page(user: Any, pair: Pair | None, number: int, today: dt.date) -> HistoryPage:
    """One page of history: two local weeks, newest first, in five queries.

    Pages are calendar windows rather than "the next N dates with entries" so that
    each page is found by a date range on an index instead of counting and
    offsetting through the whole history.
    """
    newest_monday = week_start(today) - dt.timedelta(weeks=HISTORY_WEEKS_PER_PAGE * (number - 1))
    mondays = [newest_monday - dt.timedelta(weeks=i) for i in range(HISTORY_WEEKS_PER_PAGE)]
    start, end = mondays[-1], newest_monday + dt.timedelta(days=6)

    daily_visible = _looking_back(DailyCheckIn.objects.visible_to(user), user, pair)
    daily_sealed = _looking_back(DailyCheckIn.objects.sealed_for(user), user, pair)
    weekly_visible = _looking_back(WeeklyCheckIn.objects.visible_to(user), user, pair)
    weekly_sealed = _looking_back(WeeklyCheckIn.objects.sealed_for(user), user, pair)

    weeks = {monday: HistoryWeek(monday) for monday in mondays}
    days: dict[dt.date, HistoryDay] = {}

    for item in daily_visible.filter(date__range=(start, end)):
        row = days.setdefault(item.date, HistoryDay(item.date))
        if item.owner_id == user.pk:
            row.mine.append(item)
        else:
            row.partner = item
    sealed_days = daily_sealed.filter(date__range=(start, end)).values_list("date", flat=True)
    for day in sealed_days:
        days.setdefault(day, HistoryDay(day)).partner_sealed = True

    for weekly in weekly_visible.filter(week_start__range=(start, newest_monday)):
        if weekly.owner_id == user.pk:
            weeks[weekly.week_start].mine.append(weekly)
        else:
            weeks[weekly.week_start].partner = weekly
    sealed_weeks = weekly_sealed.filter(week_start__range=(start, newest_monday))
    for monday in sealed_weeks.values_list("week_start", flat=True):
        weeks[monday].partner_sealed = True

    for day in sorted(days, reverse=True):
        weeks[week_start(day)].days.append(days[day])

    # Anything older that history would list (opened or sealed): an indexed probe
    # that stops at the first row, whatever the length of the history.
    older_daily = _looking_back(DailyCheckIn.objects.known_to(user), user, pair)
    older_weekly = _looking_back(WeeklyCheckIn.objects.known_to(user), user, pair)
    has_older = (
        older_daily.filter(date__lt=start)
        .order_by()
        .values_list("pk")
        .union(older_weekly.filter(week_start__lt=start).order_by().values_list("pk"), all=True)
        .exists()
    )
    return HistoryPage(number, start, end, [weeks[m] for m in mondays], has_older)


@dataclass(frozen=True)
class ChartPoint:
    when: dt.date
    mine: int | None
    partner: int | None


def _points(rows: Any, key: str, value: str, user: Any) -> list[ChartPoint]:
    by_date: dict[dt.date, dict[str, int]] = {}
    for row in rows:
        who = "mine" if row["owner_id"] == user.pk else "partner"
        by_date.setdefault(row[key], {})[who] = row[value]
    return [
        ChartPoint(when, values.get("mine"), values.get("partner"))
        for when, values in sorted(by_date.items())
    ]


def mood_points(user: Any, pair: Pair | None, since: dt.date) -> list[ChartPoint]:
    """Daily mood of both people, only what is opened for ``user``. One query."""
    rows = (
        _looking_back(DailyCheckIn.objects.visible_to(user), user, pair)
        .filter(date__gte=since)
        .order_by("date")
        .values("date", "mood", "owner_id")
    )
    return _points(rows, "date", "mood", user)


def closeness_points(user: Any, pair: Pair | None, since: dt.date) -> list[ChartPoint]:
    """Weekly closeness of both people, only what is opened for ``user``. One query."""
    rows = (
        _looking_back(WeeklyCheckIn.objects.visible_to(user), user, pair)
        .filter(week_start__gte=week_start(since))
        .order_by("week_start")
        .values("week_start", "closeness", "owner_id")
    )
    return _points(rows, "week_start", "closeness", user)
