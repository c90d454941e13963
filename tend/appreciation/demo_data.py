"""The demo pair's appreciations (``tend demo``): a living jar both ways, some a year
back so "on this day" has something, a finished three-things round and good news
with warm replies."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tend.appreciation.models import (
    Appreciation,
    GoodNews,
    NewsReply,
    ThreeThings,
    ThreeThingsEntry,
)
from tend.demo.contributions import DemoContext, register
from tend.privacy.models import Visibility

DATA_FILE = Path(__file__).with_name("demo.yaml")


@cache
def load() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _at(ctx: DemoContext, days_ago: int, hour: int = 20) -> dt.datetime:
    day = ctx.today - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(hour, 15), tzinfo=dt.UTC)


@register(order=40)
def appreciations(ctx: DemoContext) -> str:
    pair = ctx.pair
    if Appreciation.objects.filter(pair=pair).exists():
        return "appreciations already there"
    data = load()
    people = ctx.people
    for spec in data["appreciations"]:
        owner = people[spec["by"]]
        item = Appreciation.objects.create(
            owner=owner,
            pair=pair,
            recipient=people[1 - spec["by"]],
            kind=spec["kind"],
            text=spec["text"],
            visibility=Visibility.SHARED,
        )
        when = _at(ctx, spec["days_ago"])
        # Most were thanked the next morning; the newest are still waiting.
        thanked = when + dt.timedelta(hours=12) if spec["days_ago"] > 2 else None
        Appreciation.objects.filter(pk=item.pk).update(
            created_at=when, updated_at=when, thanked_at=thanked
        )
    three = data["three_things"]
    finished = _at(ctx, three["days_ago"])
    round_ = ThreeThings.objects.create(pair=pair, started_by=people[0])
    ThreeThings.objects.filter(pk=round_.pk).update(created_at=finished, finished_at=finished)
    for index, things in enumerate(three["entries"]):
        ThreeThingsEntry.objects.create(
            owner=people[index],
            pair=pair,
            round=round_,
            first=things[0],
            second=things[1],
            third=things[2],
            visibility=Visibility.SHARED,
        )
    ThreeThingsEntry.objects.filter(round=round_).update(created_at=finished, updated_at=finished)
    for spec in data["good_news"]:
        news = GoodNews.objects.create(
            owner=people[spec["by"]], pair=pair, text=spec["text"], visibility=Visibility.SHARED
        )
        reply = NewsReply.objects.create(
            owner=people[1 - spec["by"]],
            pair=pair,
            news=news,
            text=spec["reply"],
            visibility=Visibility.SHARED,
        )
        when = _at(ctx, spec["days_ago"], 18)
        GoodNews.objects.filter(pk=news.pk).update(created_at=when, updated_at=when)
        later = when + dt.timedelta(minutes=40)
        NewsReply.objects.filter(pk=reply.pk).update(created_at=later, updated_at=later)
    return (
        f"{len(data['appreciations'])} appreciations, a three-things round, "
        f"{len(data['good_news'])} good news"
    )
