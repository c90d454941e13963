"""The demo pair's answered questions of the past months (``tend demo``).

Today's question is left for whoever tries the demo: answer it as one person, then
as the other, and watch it open.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tend.conversation import content
from tend.conversation.models import Answer, Question, QuestionKind, Reaction, Reply
from tend.conversation.services import pair_today
from tend.demo.contributions import DemoContext, register
from tend.privacy.models import Visibility

DATA_FILE = Path(__file__).with_name("demo.yaml")
PEOPLE = {"alex": 0, "sam": 1}


@cache
def load() -> list[dict[str, Any]]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        questions: list[dict[str, Any]] = yaml.safe_load(handle)["questions"]
    known = content.prompts_by_id()
    missing = [q["prompt"] for q in questions if q["prompt"] not in known]
    if missing:
        raise ValueError(f"demo questions name unknown prompts: {missing}")
    return questions


def _days_back(count: int, span: int) -> list[int]:
    """``count`` days spread over the ``span`` days before today, oldest first: the
    pair answers every two or three days, not every day."""
    if count <= 1:
        return [span][:count]
    days = [round(span - i * (span - 1) / (count - 1)) for i in range(count)]
    return sorted(set(days), reverse=True)


@register(order=30)
def answered_questions(ctx: DemoContext) -> str:
    pair = ctx.pair
    today = pair_today(pair, ctx.now)
    if Question.objects.filter(pair=pair, day__lt=today).exists():
        return "answered questions already there"
    specs = load()
    days = _days_back(len(specs), ctx.days)
    made = 0
    for spec, days_ago in zip(specs, days, strict=False):
        day = today - dt.timedelta(days=days_ago)
        when = dt.datetime.combine(day, dt.time(19, 30), tzinfo=dt.UTC)
        question = Question.objects.create(
            pair=pair, day=day, kind=QuestionKind.DAILY, prompt_id=spec["prompt"]
        )
        answers = {}
        for name, index in PEOPLE.items():
            answers[name] = Answer.objects.create(
                owner=ctx.people[index],
                pair=pair,
                question=question,
                text=spec[name],
                visibility=Visibility.SHARED,
            )
        if reaction := spec.get("reaction"):
            # A reaction goes on the other person's answer.
            other = "sam" if reaction["by"] == "alex" else "alex"
            Reaction.objects.create(
                answer=answers[other],
                owner=ctx.people[PEOPLE[reaction["by"]]],
                kind=reaction["kind"],
            )
        if reply := spec.get("reply"):
            Reply.objects.create(
                owner=ctx.people[PEOPLE[reply["by"]]],
                pair=pair,
                question=question,
                text=reply["text"],
                visibility=Visibility.SHARED,
            )
        # They wrote on that evening, not when the demo was built.
        Answer.objects.filter(question=question).update(created_at=when, updated_at=when)
        Reply.objects.filter(question=question).update(
            created_at=when + dt.timedelta(hours=1), updated_at=when + dt.timedelta(hours=1)
        )
        made += 1
    return f"{made} answered questions"
