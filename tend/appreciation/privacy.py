"""Appreciation in export and deletion.

Exported as far as the person can see: appreciations I sent and the ones I
received (they were written for me, so they are mine to keep a copy of); my
gratitude notes (nobody else's); three-things entries, my partner's only once
mine were written; good news and replies in my pairs. Deleting an account deletes
what the person wrote; an appreciation the partner wrote stays with the partner.
The rounds of the three-things exercise are the pair's and go with the pair.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.appreciation.models import (
    Appreciation,
    GoodNews,
    Gratitude,
    NewsReply,
    ThreeThings,
    ThreeThingsEntry,
)
from tend.pairs.models import Pair
from tend.privacy import registry


def serialize_appreciation(item: Appreciation, user: User) -> dict[str, Any]:
    return {
        "to_me": item.recipient_id == user.pk,
        "kind": item.kind,
        "source": item.source,
        "appreciation": item.text,
        "reaction": item.reaction,
        "thanked_at": item.thanked_at.isoformat() if item.thanked_at else None,
    }


def serialize_gratitude(item: Gratitude, user: User) -> dict[str, Any]:
    return {
        "day": item.date.isoformat(),
        "note": item.text,
        "sent_as": item.sent_as.code if item.sent_as_id and item.sent_as else None,
    }


def serialize_entry(item: ThreeThingsEntry, user: User) -> dict[str, Any]:
    return {"round_code": item.round.code, "things": item.things}


def serialize_news(item: GoodNews, user: User) -> dict[str, Any]:
    return {"good_news": item.text}


def serialize_reply(item: NewsReply, user: User) -> dict[str, Any]:
    return {"good_news_code": item.news.code, "reply": item.text}


def _export_rounds(user: User) -> list[dict[str, Any]]:
    rounds = ThreeThings.objects.filter(pair__in=Pair.objects.of(user)).select_related("pair")
    return [
        {
            "code": r.code,
            "pair": r.pair.name,
            "started_by_me": r.started_by_id == user.pk,
            "created_at": r.created_at.isoformat(),
            "finished_at": r.finished_at.isoformat() if r.finished_at else None,
        }
        for r in rounds.order_by("created_at", "pk")
    ]


registry.register_owned(
    "appreciations",
    Appreciation,
    title=_("Appreciations sent and received"),
    serialize=serialize_appreciation,
)
registry.register_owned(
    "gratitude_notes",
    Gratitude,
    title=_("End-of-day gratitude notes"),
    serialize=serialize_gratitude,
    related=("sent_as",),
)
registry.register_owned(
    "three_things",
    ThreeThingsEntry,
    title=_("Three things I appreciate about you"),
    serialize=serialize_entry,
    related=("round",),
)
registry.register_owned("good_news", GoodNews, title=_("Good news"), serialize=serialize_news)
registry.register_owned(
    "good_news_replies",
    NewsReply,
    title=_("Replies to good news"),
    serialize=serialize_reply,
    related=("news",),
)
registry.register_pair_owned(
    "three_things_rounds",
    title=_("Rounds of the three-things exercise"),
    export=_export_rounds,
    models=(ThreeThings,),
)
