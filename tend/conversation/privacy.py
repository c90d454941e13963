"""The question of the day in export and deletion.

Answers are the person's own writing: exported as far as they can see them
(a partner's only once opened), deleted with the account. Questions and the
pair's settings belong to the pair and go when the pair does.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.conversation.models import Answer, ConversationSettings, Question
from tend.pairs.models import Pair
from tend.privacy import registry


def serialize_answer(item: Answer, user: User) -> dict[str, Any]:
    prompt = item.question.prompt
    return {
        "day": item.question.day.isoformat(),
        "question": prompt.text if prompt is not None else item.question.prompt_id,
        "answer": item.text,
    }


def _export_questions(user: User) -> list[dict[str, Any]]:
    questions = Question.objects.filter(pair__in=Pair.objects.of(user)).select_related("pair")
    return [
        {
            "pair": q.pair.name,
            "day": q.day.isoformat(),
            "question": q.prompt.text if q.prompt is not None else q.prompt_id,
        }
        for q in questions.order_by("day")
    ]


def _pair_owned(user: User) -> None:
    """Questions and settings are the pair's; they go when the pair is deleted."""


registry.register_owned(
    "question_answers",
    Answer,
    title=_("Answers to the question of the day"),
    serialize=serialize_answer,
    related=("question",),
)
registry.register(
    "questions",
    title=_("Questions of the day"),
    export=_export_questions,
    delete=_pair_owned,
    models=(Question, ConversationSettings),
)
