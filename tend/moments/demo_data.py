"""The demo pair's moments ledger (``tend demo``): months of one-tap notes with
a rougher stretch in the middle, so the weekly chart has a shape to read."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tend.demo.contributions import DemoContext, register
from tend.lib.timezones import local_date
from tend.moments import content
from tend.moments.models import Moment, Whose
from tend.privacy.models import Visibility

DATA_FILE = Path(__file__).with_name("demo.yaml")


@cache
def load() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    unknown = [slug for slug in data["notes"] if slug not in content.by_slug()]
    if unknown:
        raise ValueError(f"demo notes name unknown kinds: {unknown}")
    return data


def _daily_rates(total_days: int) -> list[tuple[float, float]]:
    """(warm, hard) per person for each day, oldest first, ending today."""
    rates: list[tuple[float, float]] = []
    for stretch in load()["rhythm"]:
        rates += [(stretch["warm"], stretch["hard"])] * (7 * stretch["weeks"])
    rates = rates[-total_days:]
    return [rates[0]] * (total_days - len(rates)) + rates


def _count(rng: Any, rate: float) -> int:
    whole = int(rate)
    return whole + (1 if rng.random() < rate - whole else 0)


@register(order=45)
def logged_moments(ctx: DemoContext) -> str:
    if Moment.objects.filter(pair=ctx.pair).exists():
        return "moments already there"
    today = local_date(ctx.pair.time_zone, ctx.now)
    days = min(ctx.days, 7 * sum(s["weeks"] for s in load()["rhythm"]))
    warm, hard = content.positives(), content.negatives()
    notes: dict[str, str] = load()["notes"]
    rows = []
    for back, (warm_rate, hard_rate) in zip(
        range(days - 1, -1, -1), _daily_rates(days), strict=True
    ):
        day = today - dt.timedelta(days=back)
        for person in ctx.people:
            rng = ctx.rng("moments", person.pk, day)
            picks = [rng.choice(warm) for _ in range(_count(rng, warm_rate))]
            picks += [rng.choice(hard) for _ in range(_count(rng, hard_rate))]
            for kind in picks:
                whose = kind.whose if kind.positive else rng.choice([Whose.MINE, Whose.OURS])
                rows.append(
                    Moment(
                        owner=person,
                        pair=ctx.pair,
                        visibility=Visibility.PRIVATE,
                        kind=kind.slug,
                        whose=whose,
                        happened_on=day,
                        note=notes.get(kind.slug, "") if rng.random() < 0.15 else "",
                    )
                )
    Moment.objects.bulk_create(rows)
    return f"{len(rows)} moments noted"
