"""Build the demo pair: two people and months of varied, realistic history."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from tend.accounts.models import User
from tend.checkins.models import DailyCheckIn, Feeling, WeeklyCheckIn
from tend.demo.contributions import DemoContext, contributions
from tend.lib.timezones import week_start
from tend.pairs.models import Membership, Pair
from tend.privacy.models import Visibility

DEMO_PASSWORD = "tend-demo-2026"
DATA_FILE = Path(__file__).with_name("data") / "history.yaml"

_GOOD = [
    Feeling.CALM,
    Feeling.GRATEFUL,
    Feeling.HOPEFUL,
    Feeling.JOYFUL,
    Feeling.LOVED,
    Feeling.PROUD,
    Feeling.CURIOUS,
    Feeling.ENERGISED,
]
_HARD = [
    Feeling.TIRED,
    Feeling.STRESSED,
    Feeling.ANXIOUS,
    Feeling.LONELY,
    Feeling.SAD,
    Feeling.FRUSTRATED,
    Feeling.OVERWHELMED,
    Feeling.RESTLESS,
]


@cache
def load_content() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    for key in ("wins", "challenges", "carrying", "support"):
        if not data["daily"][key]:
            raise ValueError(f"demo content: daily.{key} is empty")
    return data


@dataclass(frozen=True)
class DemoResult:
    people: list[User]
    pair: Pair
    daily_created: int
    weekly_created: int
    notes: list[str]


def _person(spec: dict[str, Any]) -> User:
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        user = User.objects.create_user(
            spec["email"],
            DEMO_PASSWORD,
            display_name=spec["display_name"],
            time_zone=spec["time_zone"],
        )
    elif not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _pair(people: list[User], spec: dict[str, Any], today: dt.date) -> Pair:
    first, second = people
    pair = (
        Pair.objects.filter(memberships__user=first, closed_at__isnull=True)
        .filter(memberships__user=second)
        .first()
    )
    if pair is None:
        started_on = today.replace(year=today.year - int(spec["together_years"]))
        pair = Pair.objects.create(
            name=spec["name"],
            kind=spec["kind"],
            time_zone=first.time_zone,
            started_on=started_on,
        )
        Membership.objects.bulk_create([Membership(pair=pair, user=p) for p in people])
        # They have shared the pair since its start, not since the demo was made.
        joined = dt.datetime.combine(started_on, dt.time(12), tzinfo=dt.UTC)
        Membership.objects.filter(pair=pair).update(joined_at=joined)
    return pair


def _mood(rng: random.Random, day: dt.date, days_ago: int, base: float) -> int:
    value = base + rng.gauss(0, 0.8)
    if day.weekday() in (5, 6):
        value += 0.4
    if day.weekday() == 0:
        value -= 0.3
    if 55 <= days_ago <= 68:  # a rough patch about two months ago: the charts show it
        value -= 1.2
    return max(1, min(5, round(value)))


def build(days: int = 120, *, seed: int = 2026, now: dt.datetime | None = None) -> DemoResult:
    content = load_content()
    now = now or timezone.now()
    with transaction.atomic():
        people = [_person(spec) for spec in content["people"]]
        today = people[0].local_today(now)
        pair = _pair(people, content["pair"], today)
        daily = _daily(seed, content["daily"], people, pair, today, days)
        weekly = _weekly(seed, content["weekly"], people, pair, today, days)
        context = DemoContext(people, pair, today, now, days, seed)
        notes = [contribution(context) for contribution in contributions()]
    return DemoResult(people, pair, daily, weekly, notes)


def _day_rng(seed: int, *parts: object) -> random.Random:
    # One generator per person and day: a second run skips what exists without
    # shifting every later choice, so `tend demo` stays idempotent.
    return random.Random("-".join(str(p) for p in (seed, *parts)))


def _daily(
    seed: int,
    lines: dict[str, list[str]],
    people: list[User],
    pair: Pair,
    today: dt.date,
    days: int,
) -> int:
    existing = set(DailyCheckIn.objects.filter(pair=pair).values_list("owner_id", "date"))
    rows = []
    for person_index, person in enumerate(people):
        base = 3.6 if person_index == 0 else 3.3
        for days_ago in range(days, 0, -1):
            day = today - dt.timedelta(days=days_ago)
            rng = _day_rng(seed, person.email, day)
            if rng.random() < 0.12 or (person.pk, day) in existing:
                continue  # some days nobody has time: that is fine
            mood = _mood(rng, day, days_ago, base)
            pool = _GOOD if mood >= 4 else _HARD if mood <= 2 else _GOOD + _HARD
            feelings = rng.sample(pool, k=rng.choice([0, 1, 2, 2, 3]))
            rows.append(
                DailyCheckIn(
                    owner=person,
                    pair=pair,
                    date=day,
                    mood=mood,
                    feelings=[str(f) for f in feelings],
                    win=rng.choice(lines["wins"]) if rng.random() < 0.85 else "",
                    challenge=rng.choice(lines["challenges"]) if rng.random() < 0.75 else "",
                    carrying=rng.choice(lines["carrying"]) if rng.random() < 0.6 else "",
                    support=rng.choice(lines["support"]) if rng.random() < 0.7 else "",
                    visibility=Visibility.PRIVATE if rng.random() < 0.08 else Visibility.SHARED,
                )
            )
    DailyCheckIn.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _weekly(
    seed: int,
    lines: dict[str, list[str]],
    people: list[User],
    pair: Pair,
    today: dt.date,
    days: int,
) -> int:
    existing = set(WeeklyCheckIn.objects.filter(pair=pair).values_list("owner_id", "week_start"))
    this_week = week_start(today)
    rows = []
    for week in range(days // 7, 0, -1):
        monday = this_week - dt.timedelta(weeks=week)
        closeness_base = 7.5 - (2.5 if 7 <= week <= 10 else 0)
        for person in people:
            rng = _day_rng(seed, person.email, "week", monday)
            if rng.random() < 0.15 or (person.pk, monday) in existing:
                continue
            rows.append(
                WeeklyCheckIn(
                    owner=person,
                    pair=pair,
                    week_start=monday,
                    went_well=rng.choice(lines["went_well"]),
                    was_hard=rng.choice(lines["was_hard"]),
                    need=rng.choice(lines["need"]),
                    appreciation=rng.choice(lines["appreciation"]),
                    closeness=max(1, min(10, round(closeness_base + rng.gauss(0, 1)))),
                )
            )
    WeeklyCheckIn.objects.bulk_create(rows, batch_size=500)
    return len(rows)
