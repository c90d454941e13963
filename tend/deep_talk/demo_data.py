"""The demo pair's part of deep talk: one finished evening some weeks ago.

Both placed how close they felt before and after (the end shows it moved), and each
kept one private note. Running ``tend demo`` again adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tend.deep_talk.models import ClosenessRating, Moment, Talk, TalkNote, TalkState
from tend.demo.contributions import DemoContext, register
from tend.privacy.models import Visibility

DATA_FILE = Path(__file__).with_name("demo.yaml")
EVENING_MINUTES = 95


@cache
def load() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@register(order=70)
def finished_deep_talk(ctx: DemoContext) -> str:
    data = load()
    if Talk.objects.filter(pair=ctx.pair, session=data["evening"]).exists():
        return "a finished deep-talk evening (already there)"
    first, second = ctx.people
    started = ctx.now - dt.timedelta(weeks=int(data["weeks_ago"]))
    started = started.replace(hour=19, minute=30, second=0, microsecond=0)
    ended = started + dt.timedelta(minutes=EVENING_MINUTES)
    talk = Talk.objects.create(
        pair=ctx.pair,
        session=data["evening"],
        started_by=first,
        first_speaker=second,
        current_set=int(data["sets_reached"]) - 1,
        current_question=11,
        state=TalkState.FINISHED,
        set_elapsed_seconds=17 * 60,
        finished_at=ended,
        created_at=started,
    )
    ratings = []
    for person, (before, after) in zip(ctx.people, data["closeness"], strict=True):
        for moment, value in ((Moment.BEFORE, before), (Moment.AFTER, after)):
            ratings.append(
                ClosenessRating(
                    owner=person,
                    pair=ctx.pair,
                    talk=talk,
                    moment=moment,
                    value=value,
                    visibility=Visibility.SHARED,
                )
            )
    ClosenessRating.objects.bulk_create(ratings)
    TalkNote.objects.bulk_create(
        TalkNote(
            owner=person,
            pair=ctx.pair,
            talk=talk,
            question_id=line["question"],
            text=line["text"],
            visibility=Visibility.PRIVATE,
        )
        for person, line in zip(ctx.people, data["notes"], strict=True)
    )
    # auto_now_add stamps today; the evening happened weeks ago.
    ClosenessRating.objects.filter(talk=talk, moment=Moment.BEFORE).update(created_at=started)
    ClosenessRating.objects.filter(talk=talk, moment=Moment.AFTER).update(created_at=ended)
    TalkNote.objects.filter(talk=talk).update(created_at=ended, updated_at=ended)
    return "a finished deep-talk evening"
