"""Test data for deep talks: an evening in progress, finished ones, marks and notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from tend.deep_talk import services
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote, TalkState
from tend.privacy.models import Visibility

EVENING = "evening-one"


def talking(alice: Any, pair: Any, now: dt.datetime | None = None) -> Talk:
    """An evening alice started and began: question one of set one, clock running."""
    talk = services.start_talk(alice, pair, EVENING, now=now)
    return services.step(alice, talk, "begin", now=now)


def finished(pair: Any, starter: Any, *, days_ago: int = 7) -> Talk:
    when = timezone.now() - dt.timedelta(days=days_ago)
    return Talk.objects.create(
        pair=pair,
        session=EVENING,
        started_by=starter,
        first_speaker=starter,
        state=TalkState.FINISHED,
        finished_at=when,
        created_at=when,
    )


def mark(owner: Any, talk: Talk, moment: str, value: int) -> ClosenessRating:
    return ClosenessRating.objects.create(
        owner=owner, pair=talk.pair, talk=talk, moment=moment, value=value
    )


def note(owner: Any, talk: Talk, text: str) -> TalkNote:
    return TalkNote.objects.create(
        owner=owner, pair=talk.pair, talk=talk, text=text, visibility=Visibility.PRIVATE
    )
