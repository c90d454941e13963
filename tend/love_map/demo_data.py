"""The demo pair's past love-map rounds, in both directions (``tend demo``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tend.demo.contributions import DemoContext, register
from tend.love_map.models import Entry, Kind, Round
from tend.privacy.models import Visibility

DATA_FILE = Path(__file__).with_name("demo.yaml")


@cache
def load() -> list[dict[str, Any]]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        rounds: list[dict[str, Any]] = yaml.safe_load(handle)["rounds"]
    return rounds


@register(order=40)
def love_map_rounds(ctx: DemoContext) -> str:
    if Round.objects.filter(pair=ctx.pair).exists():
        return "love-map rounds already there"
    made = 0
    for spec in load():
        subject = ctx.people[spec["subject"]]
        guesser = ctx.people[1 - spec["subject"]]
        when = ctx.now - dt.timedelta(days=spec["days_ago"])
        round = Round.objects.create(
            pair=ctx.pair,
            subject=subject,
            guesser=guesser,
            created_by=subject,
            prompt_ids=[e["prompt"] for e in spec["entries"]],
            marked_at=when + dt.timedelta(hours=20),
        )
        entries = []
        for item in spec["entries"]:
            for owner, kind, text, mark in (
                (subject, Kind.ABOUT_ME, item["answer"], ""),
                (guesser, Kind.GUESS, item["guess"], item["mark"]),
            ):
                entries.append(
                    Entry(
                        owner=owner,
                        pair=ctx.pair,
                        visibility=Visibility.SHARED,
                        round=round,
                        prompt_id=item["prompt"],
                        kind=kind,
                        text=text,
                        mark=mark,
                    )
                )
        Entry.objects.bulk_create(entries)
        # The history reads as if it happened then, not when the demo was built.
        Round.objects.filter(pk=round.pk).update(created_at=when)
        Entry.objects.filter(round=round).update(created_at=when, updated_at=when)
        made += 1
    return f"{made} love-map rounds"
