"""The question pages cost the same number of queries after years of questions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.conversation import content, services
from tend.conversation.models import Answer, Question, QuestionKind, Reply
from tend.privacy.models import Visibility

pytestmark = pytest.mark.django_db


def years_of_questions(pair, alice, bob, days: int) -> None:
    """``days`` past questions, both answered and a reply under each: bulk, for speed."""
    today = services.pair_today(pair)
    ids = list(content.prompts_by_id())
    questions = Question.objects.bulk_create(
        Question(pair=pair, day=today - dt.timedelta(days=n), prompt_id=ids[n % len(ids)])
        for n in range(1, days + 1)
    )
    Answer.objects.bulk_create(
        Answer(owner=person, pair=pair, question=q, text="words", visibility=Visibility.SHARED)
        for q in questions
        for person in (alice, bob)
    )
    Reply.objects.bulk_create(
        Reply(owner=bob, pair=pair, question=q, text="reply") for q in questions
    )


def count(client, url: str) -> int:
    client.get(url)  # warm up per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "name", ["today:today", "conversation:index", "conversation:history", "conversation:ours"]
)
def test_pages_cost_the_same_with_years_of_history(pair, alice, bob, alice_client, name):
    services.question_for(pair)
    url = reverse(name)
    new_pair = count(alice_client, url)
    years_of_questions(pair, alice, bob, days=3 * 365)
    assert count(alice_client, url) == new_pair


def test_an_opened_question_costs_the_same_with_years_of_history(pair, alice, bob, alice_client):
    question = services.question_for(pair)
    services.answer(alice, question, "a")
    services.answer(bob, question, "b")
    services.reply(bob, question, "r")
    url = reverse("conversation:question", kwargs={"code": question.code})
    new_pair = count(alice_client, url)
    years_of_questions(pair, alice, bob, days=3 * 365)
    assert count(alice_client, url) == new_pair


def test_the_today_panel_costs_the_same_in_every_state(pair, alice, alice_client):
    services.question_for(pair)
    with_panel = count(alice_client, reverse("today:today"))
    question = Question.objects.get(pair=pair, kind=QuestionKind.DAILY)
    services.answer(alice, question, "mine")
    # Whatever the state, the panel is one query.
    assert count(alice_client, reverse("today:today")) == with_panel


def test_the_api_question_costs_the_same_with_years_of_history(pair, alice, bob, alice_client):
    question = services.question_for(pair)
    services.answer(alice, question, "a")
    services.answer(bob, question, "b")
    url = f"/api/v1/conversation/questions/{question.code}"
    new_pair = count(alice_client, url)
    years_of_questions(pair, alice, bob, days=3 * 365)
    assert count(alice_client, url) == new_pair
