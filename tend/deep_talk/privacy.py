"""Deep talks in export and deletion.

Closeness marks and notes are the person's own: exported as far as they can see
them (a partner's mark only once opened, a partner's note never), deleted with the
account. The talks themselves belong to the pair and go when the pair does.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote
from tend.pairs.models import Pair
from tend.privacy import registry


def _evening_title(talk: Talk) -> str:
    evening = talk.evening
    return evening.title if evening is not None else talk.session


def serialize_rating(item: ClosenessRating, user: User) -> dict[str, Any]:
    return {
        "talk": item.talk.code,
        "evening": _evening_title(item.talk),
        "moment": item.moment,
        "closeness": item.value,
    }


def serialize_note(item: TalkNote, user: User) -> dict[str, Any]:
    return {
        "talk": item.talk.code,
        "evening": _evening_title(item.talk),
        "question": item.question_text or None,
        "note": item.text,
    }


def _export_talks(user: User) -> list[dict[str, Any]]:
    talks = Talk.objects.filter(pair__in=Pair.objects.of(user)).select_related("pair")
    return [
        {
            "code": talk.code,
            "pair": talk.pair.name,
            "evening": _evening_title(talk),
            "state": talk.state,
            "sets_reached": talk.current_set + 1,
            "started_at": talk.created_at.isoformat(),
            "finished_at": talk.finished_at.isoformat() if talk.finished_at else None,
        }
        for talk in talks.order_by("created_at", "pk")
    ]


registry.register_owned(
    "deep_talk_closeness",
    ClosenessRating,
    title=_("Deep talk: how close you felt"),
    serialize=serialize_rating,
    related=("talk",),
)
registry.register_owned(
    "deep_talk_notes",
    TalkNote,
    title=_("Deep talk: your notes"),
    serialize=serialize_note,
    related=("talk",),
)
registry.register_pair_owned(
    "deep_talks",
    title=_("Deep talks"),
    export=_export_talks,
    models=(Talk,),
)
