"""The combined figures a pair sees: counts and sums, never a single entry.

For a window of days: how many warm and hard moments were noted, their ratio
and the "emotional bank account" balance (the sum of each kind's weight, see
``kinds.yaml``). One aggregate query reads counts per day and kind for the
whole span the page shows; everything else is arithmetic on those counts, so the
cost does not grow with history and no row of anyone's ledger leaves the database.

Days are each entry's ``happened_on`` (the writer's local date); the window
ends on the pair's local date. A partner a few hours ahead may already have
noted tomorrow: such a moment counts in the newest window and week, not in none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from tend.accounts.models import User
from tend.lib.timezones import local_date, week_start
from tend.moments import content
from tend.moments.models import Moment
from tend.pairs.models import Pair

WEEKS = 26
#: Below this many moments in a window the ratio says little; pages say so.
FEW = 5

Row = tuple[dt.date, str, int]  # (day, kind, how many)


@dataclass(frozen=True)
class Tally:
    positives: int = 0
    negatives: int = 0
    balance: int = 0
    #: The pair's figures for a period with only a few moments are not shown: with
    #: one or two, the other person could read a single entry (its kind, from the
    #: balance) out of them. See :func:`figures_from`.
    hidden: bool = False

    @property
    def total(self) -> int:
        return self.positives + self.negatives

    @property
    def ratio(self) -> float | None:
        """Warm moments per hard one; None when no hard moment was noted (not infinity)."""
        if self.negatives == 0:
            return None
        return round(self.positives / self.negatives, 1)

    @property
    def few(self) -> bool:
        return self.total < FEW

    def meets(self, target: int) -> bool:
        if self.hidden:
            return False
        if self.negatives == 0:
            return self.positives > 0
        return self.positives >= target * self.negatives

    @property
    def meets_target(self) -> bool:
        """Exact (not the rounded ratio): 4.96 warm per hard one is below 5:1."""
        return self.meets(content.target())


@dataclass(frozen=True)
class Week:
    start: dt.date
    tally: Tally


@dataclass(frozen=True)
class Figures:
    scope: str  # "pair": both members combined; "me": only the viewer's own
    today: dt.date
    target: int
    last_7: Tally
    last_30: Tally
    weeks: list[Week]

    @property
    def empty(self) -> bool:
        return self.last_30.total == 0 and all(w.tally.total == 0 for w in self.weeks)


def tally(rows: Iterable[Row], since: dt.date) -> Tally:
    """The counts and balance of every row on or after ``since``."""
    kinds = content.by_slug()
    positives = negatives = balance = 0
    for day, slug, count in rows:
        kind = kinds.get(slug)
        if kind is None or day < since:
            continue
        if kind.positive:
            positives += count
        else:
            negatives += count
        balance += kind.weight * count
    return Tally(positives, negatives, balance)


def weekly(rows: Iterable[Row], today: dt.date, weeks: int = WEEKS) -> list[Week]:
    """One tally per week (Monday first), oldest first, ending with this week."""
    last = week_start(today)
    starts = [last - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    buckets: dict[dt.date, list[Row]] = {start: [] for start in starts}
    for row in rows:
        # Ahead of the pair's day (another zone): this week, not a week to come.
        start = min(week_start(row[0]), last)
        if start in buckets:
            buckets[start].append(row)
    return [Week(start, tally(buckets[start], start)) for start in starts]


def span_start(today: dt.date, weeks: int = WEEKS) -> dt.date:
    return min(week_start(today) - dt.timedelta(weeks=weeks - 1), today - dt.timedelta(days=29))


def daily_counts(moments: QuerySet[Moment], since: dt.date) -> list[Row]:
    """Counts per day and kind from ``since`` on: the one query behind the figures."""
    rows = (
        moments.filter(happened_on__gte=since)
        .order_by()
        .values_list("happened_on", "kind")
        .annotate(n=Count("id"))
    )
    return [(day, kind, n) for day, kind, n in rows]


def _shareable(found: Tally) -> Tally:
    """A period of the pair's figures as the pair may see it: withheld when it holds
    some moments but fewer than :data:`FEW`."""
    return Tally(hidden=True) if 0 < found.total < FEW else found


def figures_from(rows: list[Row], scope: str, today: dt.date, weeks: int = WEEKS) -> Figures:
    shown = _shareable if scope == "pair" else (lambda found: found)
    return Figures(
        scope=scope,
        today=today,
        target=content.target(),
        last_7=shown(tally(rows, today - dt.timedelta(days=6))),
        last_30=shown(tally(rows, today - dt.timedelta(days=29))),
        weeks=[Week(w.start, shown(w.tally)) for w in weekly(rows, today, weeks)],
    )


def shares_figures(user: User, pair: Pair | None) -> bool:
    """Whether ``pair`` is one whose combined figures ``user`` sees: open, with a partner."""
    return (
        pair is not None
        and pair.is_open
        and any(m.user_id == user.pk and m.left_at is None for m in pair.member_list())
        and pair.partner_of(user) is not None
    )


def for_pair(pair: Pair, now: dt.datetime | None = None, weeks: int = WEEKS) -> Figures:
    """Both members' moments in ``pair`` combined, by the pair's calendar."""
    today = local_date(pair.time_zone, now)
    members = [m.user_id for m in pair.member_list() if m.left_at is None]
    moments = Moment.objects.filter(pair=pair, owner_id__in=members)
    return figures_from(daily_counts(moments, span_start(today, weeks)), "pair", today, weeks)


def for_person(user: User, now: dt.datetime | None = None, weeks: int = WEEKS) -> Figures:
    """Only the person's own moments, wherever noted, by their own calendar."""
    today = user.local_today(now)
    moments = Moment.objects.filter(owner=user)
    return figures_from(daily_counts(moments, span_start(today, weeks)), "me", today, weeks)


def for_viewer(user: User, pair: Pair | None, now: dt.datetime | None = None) -> Figures:
    """What a page shows ``user``: the pair's combined figures when they share one."""
    if pair is not None and shares_figures(user, pair):
        return for_pair(pair, now)
    return for_person(user, now)
