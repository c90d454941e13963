"""Getting a pair's question of the day and answering it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _

from tend.accounts.models import User
from tend.conversation import content
from tend.conversation.models import Answer, ConversationSettings, Question
from tend.conversation.selection import Candidate, choose
from tend.lib.errors import RuleBroken
from tend.lib.timezones import local_date
from tend.pairs.models import Pair
from tend.privacy.models import Visibility


class AnswerError(RuleBroken):
    """A rule of answering was broken; the message is safe to show."""


def pair_today(pair: Pair, now: dt.datetime | None = None) -> dt.date:
    """The pair's own day: both people get the same question whatever their zones."""
    return local_date(pair.time_zone, now)


def pool_for(pair: Pair) -> list[Candidate]:
    """The prompts of the categories the pair switched on (all when none is chosen)."""
    chosen = (
        ConversationSettings.objects.filter(pair=pair).values_list("categories", flat=True).first()
    )
    wanted = set(chosen or [])
    return [
        Candidate(prompt.id, category.category, prompt.depth)
        for category in content.categories().values()
        if not wanted or category.category in wanted
        for prompt in category.prompts
    ]


def answered_together(pair: Pair) -> int:
    """Questions both people answered and shared: how far the pair has come."""
    return (
        Question.objects.filter(pair=pair)
        .annotate(
            sharers=Count(
                "answers__owner",
                distinct=True,
                filter=Q(answers__visibility=Visibility.SHARED),
            )
        )
        .filter(sharers__gte=2)
        .count()
    )


def question_for(pair: Pair, day: dt.date | None = None) -> Question:
    """The pair's question for ``day`` (default: the pair's today), chosen once."""
    day = day or pair_today(pair)
    existing = Question.objects.filter(pair=pair, day=day).first()
    if existing is not None:
        return existing
    seen: dict[str, dt.date] = {}
    category_last_used: dict[str, dt.date] = {}
    by_id = content.prompts_by_id()
    for prompt_id, shown_on in Question.objects.filter(pair=pair).values_list("prompt_id", "day"):
        seen[prompt_id] = max(shown_on, seen.get(prompt_id, shown_on))
        if prompt_id in by_id:
            category = by_id[prompt_id][0].category
            category_last_used[category] = max(shown_on, category_last_used.get(category, shown_on))
    pick = choose(
        pool_for(pair),
        seen=seen,
        answered_together=answered_together(pair),
        day=day,
        seed=pair.code,
        category_last_used=category_last_used,
    )
    if pick is None:
        raise AnswerError(_("There are no prompts in the categories this pair chose."))
    try:
        # Both people may open Today at the same moment: the unique constraint
        # lets one of them create the question and the other read it.
        with transaction.atomic():
            return Question.objects.create(pair=pair, day=day, prompt_id=pick.id)
    except IntegrityError:
        return Question.objects.get(pair=pair, day=day)


def get_question_for(user: User, code: str) -> Question:
    """A question of an open pair ``user`` is in, or 404."""
    question = (
        Question.objects.select_related("pair")
        .filter(code=code, pair__in=Pair.objects.open_for(user))
        .first()
    )
    if question is None:
        raise Http404
    return question


def answer(
    user: User, question: Question, text: str, visibility: str = Visibility.SHARED
) -> Answer:
    """Answer once; the partner's answer opens for ``user`` when this one is shared."""
    if not Pair.objects.open_for(user).filter(pk=question.pair_id).exists():
        raise AnswerError(_("You can only answer your own pair's question."))
    item = Answer(
        owner=user, pair=question.pair, question=question, text=text, visibility=visibility
    )
    item.full_clean(exclude=["owner", "pair", "question"])
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as exc:
        raise AnswerError(_("You have already answered this question.")) from exc
    return item


def answers_for(user: User, question: Question) -> Any:
    """Mine and my partner's answer, the partner's only once opened (one query)."""
    return Answer.objects.answers_for(user, question.pair, question=question)
