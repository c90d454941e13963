"""Conversation in export and deletion.

Answers, replies and the prompts a pair wrote are the person's own writing:
exported as far as they can see them (a partner's answer only once opened),
deleted with the account. Reactions and favourites are the person's marks, theirs
alone. Questions and the pair's settings belong to the pair and go when the
pair does.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.conversation.models import (
    Answer,
    ConversationSettings,
    Favourite,
    PairPrompt,
    Question,
    Reaction,
    Reply,
)
from tend.pairs.models import Pair
from tend.privacy import registry


def serialize_answer(item: Answer, user: User) -> dict[str, Any]:
    return {
        "day": item.question.day.isoformat(),
        "question": item.question.text,
        "question_code": item.question.code,
        "answer": item.text,
    }


def serialize_reply(item: Reply, user: User) -> dict[str, Any]:
    return {"question_code": item.question.code, "reply": item.text}


def serialize_prompt(item: PairPrompt, user: User) -> dict[str, Any]:
    return {
        "question": item.text,
        "depth": item.depth,
        "removed_at": item.retired_at.isoformat() if item.retired_at else None,
    }


def _export_questions(user: User) -> list[dict[str, Any]]:
    questions = (
        Question.objects.filter(pair__in=Pair.objects.of(user))
        .select_related("pair", "pair_prompt", "asked_by")
        .order_by("day", "created_at")
    )
    return [
        {
            "code": q.code,
            "pair": q.pair.name,
            "day": q.day.isoformat(),
            "kind": q.kind,
            "asked_by_me": q.asked_by_id == user.pk if q.asked_by_id else None,
            "question": q.text,
        }
        for q in questions
    ]


def _export_reactions(user: User) -> list[dict[str, Any]]:
    return [
        {
            "question_code": r.answer.question.code,
            "reaction": r.kind,
            "created_at": r.created_at.isoformat(),
        }
        for r in Reaction.objects.filter(owner=user).select_related("answer__question")
    ]


def _delete_reactions(user: User) -> None:
    Reaction.objects.filter(owner=user).delete()


def _export_favourites(user: User) -> list[dict[str, Any]]:
    return [
        {"question_code": f.question.code, "marked_at": f.created_at.isoformat()}
        for f in Favourite.objects.filter(owner=user).select_related("question")
    ]


def _delete_favourites(user: User) -> None:
    Favourite.objects.filter(owner=user).delete()


registry.register_owned(
    "question_answers",
    Answer,
    title=_("Answers to questions"),
    serialize=serialize_answer,
    related=("question", "question__pair_prompt"),
)
registry.register_owned(
    "question_replies",
    Reply,
    title=_("Replies under questions"),
    serialize=serialize_reply,
    related=("question",),
)
registry.register_owned(
    "written_prompts",
    PairPrompt,
    title=_("Questions we wrote"),
    serialize=serialize_prompt,
)
registry.register(
    "question_reactions",
    title=_("My reactions to answers"),
    export=_export_reactions,
    delete=_delete_reactions,
    models=(Reaction,),
)
registry.register(
    "question_favourites",
    title=_("Questions I marked as favourites"),
    export=_export_favourites,
    delete=_delete_favourites,
    models=(Favourite,),
)
registry.register_pair_owned(
    "questions",
    title=_("Questions"),
    export=_export_questions,
    models=(Question, ConversationSettings),
)
