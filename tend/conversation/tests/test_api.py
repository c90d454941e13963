"""The conversation API: the same rules as the pages, as JSON."""

from __future__ import annotations

import json

import pytest

from tend.conversation import services
from tend.conversation.models import Answer, PairPrompt, Question, QuestionKind, Reply
from tend.lib.limits import ANSWER_TEXT

pytestmark = pytest.mark.django_db
API = "/api/v1/conversation"


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def put(client, url, data=None):
    return client.put(url, json.dumps(data or {}), content_type="application/json")


def test_today_is_the_same_for_both_and_sealed_until_both_answered(pair, alice_client, bob_client):
    mine = alice_client.get(f"{API}/today").json()
    assert mine == {**mine, "state": "to_answer", "mine": None, "kind": "daily"}
    assert mine["partner"]["state"] == "none"
    assert bob_client.get(f"{API}/today").json()["code"] == mine["code"]

    created = post(alice_client, f"{API}/questions/{mine['code']}/answer", {"text": "sealed one"})
    assert created.status_code == 201
    bobs_view = bob_client.get(f"{API}/questions/{mine['code']}").json()
    assert bobs_view["state"] == "to_open"
    assert bobs_view["partner"] == {"display_name": "Alice", "state": "sealed", "answer": None}
    assert "sealed one" not in json.dumps(bobs_view)

    post(bob_client, f"{API}/questions/{mine['code']}/answer", {"text": "bob's"})
    opened = bob_client.get(f"{API}/questions/{mine['code']}").json()
    assert opened["state"] == "opened"
    assert opened["partner"]["answer"]["text"] == "sealed one"


@pytest.mark.parametrize("text", ["", "   ", "x" * (ANSWER_TEXT + 1)])
def test_bad_answers_get_422_and_save_nothing(pair, alice_client, text):
    code = alice_client.get(f"{API}/today").json()["code"]
    response = post(alice_client, f"{API}/questions/{code}/answer", {"text": text})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"
    assert not Answer.objects.exists()


def test_a_second_answer_is_a_conflict(pair, alice_client):
    code = alice_client.get(f"{API}/today").json()["code"]
    post(alice_client, f"{API}/questions/{code}/answer", {"text": "one"})
    response = post(alice_client, f"{API}/questions/{code}/answer", {"text": "two"})
    assert response.status_code == 409
    assert "already answered" in response.json()["detail"]


def test_another_pairs_question_is_404(pair, charlie_client, charlie_pair):
    question = services.question_for(pair)
    assert charlie_client.get(f"{API}/questions/{question.code}").status_code == 404
    answer = post(charlie_client, f"{API}/questions/{question.code}/answer", {"text": "x"})
    assert answer.status_code == 404
    assert not Answer.objects.exists()


def test_reacting_and_replying_before_opening_is_400(pair, alice, bob, alice_client):
    question = services.question_for(pair)
    bobs = services.answer(bob, question, "bob words")
    react = post(
        alice_client,
        f"{API}/questions/{question.code}/reactions",
        {"answer": bobs.code, "kind": "heart"},
    )
    assert react.status_code == 400
    reply = post(alice_client, f"{API}/questions/{question.code}/replies", {"text": "hi"})
    assert reply.status_code == 400
    services.answer(alice, question, "alice words")
    react = post(
        alice_client,
        f"{API}/questions/{question.code}/reactions",
        {"answer": bobs.code, "kind": "heart"},
    )
    assert react.json() == {"kind": "heart"}
    reply = post(alice_client, f"{API}/questions/{question.code}/replies", {"text": "hi"})
    assert reply.status_code == 201
    assert Reply.objects.get().text == "hi"


def test_a_reaction_of_an_unknown_kind_is_422(pair, alice, bob, alice_client):
    question = services.question_for(pair)
    bobs = services.answer(bob, question, "b")
    services.answer(alice, question, "a")
    response = post(
        alice_client,
        f"{API}/questions/{question.code}/reactions",
        {"answer": bobs.code, "kind": "meh"},
    )
    assert response.status_code == 422


def test_skip_ask_favourite_and_list(pair, alice_client, bob_client):
    code = alice_client.get(f"{API}/today").json()["code"]
    skipped = post(alice_client, f"{API}/questions/{code}/skip")
    assert skipped.status_code == 201
    assert skipped.json()["code"] != code
    asked = post(alice_client, f"{API}/questions", {"prompt_id": "memories-001"})
    assert asked.status_code == 201
    assert asked.json()["asked_by_me"] is True
    assert bob_client.get(f"{API}/questions/{asked.json()['code']}").json()["asked_by_me"] is False
    assert put(alice_client, f"{API}/questions/{asked.json()['code']}/favourite").status_code == 204
    listed = alice_client.get(f"{API}/questions?favourites=true").json()
    assert [q["code"] for q in listed["items"]] == [asked.json()["code"]]
    everything = alice_client.get(f"{API}/questions").json()
    assert code not in {q["code"] for q in everything["items"]}  # skipped ones are left out
    assert everything["count"] == 2


def test_asking_nothing_or_two_things_is_400(pair, alice_client):
    assert post(alice_client, f"{API}/questions", {}).status_code == 400
    response = post(alice_client, f"{API}/questions", {"prompt_id": "zzz-001"})
    assert response.status_code == 400
    assert not Question.objects.filter(kind=QuestionKind.ASKED).exists()


def test_own_prompts_and_settings(pair, alice_client, bob_client):
    made = post(alice_client, f"{API}/own-prompts", {"text": "Which trip should we repeat?"})
    assert made.status_code == 201
    assert [p["written_by_me"] for p in bob_client.get(f"{API}/own-prompts").json()] == [False]
    assert post(alice_client, f"{API}/own-prompts", {"text": " "}).status_code == 422
    assert post(alice_client, f"{API}/own-prompts", {"text": "q" * 301}).status_code == 422
    assert bob_client.delete(f"{API}/own-prompts/{made.json()['code']}").status_code == 204
    assert not PairPrompt.objects.exists()

    saved = put(alice_client, f"{API}/settings", {"categories": ["money", "ours"]})
    assert saved.json()["categories"] == ["money", "ours"]
    assert bob_client.get(f"{API}/settings").json()["categories"] == ["money", "ours"]
    unknown = put(alice_client, f"{API}/settings", {"categories": ["astrology"]})
    assert unknown.status_code == 400
    assert put(alice_client, f"{API}/settings", {"categories": []}).status_code == 422


def test_the_decks(pair, alice_client):
    decks = alice_client.get(f"{API}/categories").json()
    assert len(decks) >= 12
    assert sum(d["prompts"] for d in decks) >= 500
    money = alice_client.get(f"{API}/categories/money").json()
    assert len(money["items"]) == money["prompts"]
    assert alice_client.get(f"{API}/categories/astrology").status_code == 404
