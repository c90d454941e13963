from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tend.lib.limits import ANSWER_TEXT
from tend.love_map.models import Entry, Round
from tend.love_map.tests.builders import answered, guessed, marked, started

pytestmark = pytest.mark.django_db

BASE = "/api/v1/love-map"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def entries(round, words="api"):
    return {
        "entries": [
            {"prompt_id": p, "text": f"{words} {i}"} for i, p in enumerate(round.prompt_ids)
        ]
    }


def test_operations_are_tagged_conversation(client):
    schema = client.get("/api/v1/openapi.json").json()
    tags = {
        tag
        for path, ops in schema["paths"].items()
        if path.startswith(BASE)
        for op in ops.values()
        for tag in op["tags"]
    }
    assert tags == {"conversation"}


def test_topics_list_the_five_topics(alice_client):
    topics = alice_client.get(f"{BASE}/topics").json()
    assert len(topics) == 5 and sum(t["prompts"] for t in topics) >= 100


def test_a_whole_round_through_the_api(alice_client, bob_client, pair):
    created = post(alice_client, f"{BASE}/rounds", {"pair": pair.code, "about": "me"})
    assert created.status_code == 201, created.content
    round = Round.objects.get(code=created.json()["code"])
    assert created.json()["state"] == "write" and created.json()["role"] == "subject"
    assert (
        post(alice_client, f"{BASE}/rounds/{round.code}/entries", entries(round, "a")).status_code
        == 201
    )
    assert bob_client.get(f"{BASE}/rounds/{round.code}").json()["state"] == "write"
    guessed_ = post(bob_client, f"{BASE}/rounds/{round.code}/entries", entries(round, "b"))
    assert guessed_.status_code == 201 and guessed_.json()["state"] == "revealed"
    marks = {"marks": [{"prompt_id": p, "mark": "new"} for p in round.prompt_ids]}
    done = post(alice_client, f"{BASE}/rounds/{round.code}/marks", marks)
    assert done.status_code == 200, done.content
    assert done.json()["result"] == {"right": 0, "close": 0, "new": 5}
    learned = bob_client.get(f"{BASE}/learned").json()
    assert learned["count"] == 5 and learned["items"][0]["about"] == "Alice"
    listed = bob_client.get(f"{BASE}/rounds?pair={pair.code}").json()
    assert listed["items"][0]["state"] == "marked"


def test_a_second_unfinished_round_is_refused(alice_client, alice, pair):
    started(alice, pair)
    response = post(alice_client, f"{BASE}/rounds", {"pair": pair.code, "about": "me"})
    assert response.status_code == 400 and "still going" in response.json()["detail"]


def test_starting_in_another_pair_is_not_found(charlie_client, pair):
    response = post(charlie_client, f"{BASE}/rounds", {"pair": pair.code})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("text", "status"), [("", 422), ("   ", 422), ("a" * (ANSWER_TEXT + 1), 422)]
)
def test_bad_texts_are_refused_and_nothing_is_saved(alice_client, alice, pair, text, status):
    round = started(alice, pair)
    data = entries(round)
    data["entries"][1]["text"] = text
    assert post(alice_client, f"{BASE}/rounds/{round.code}/entries", data).status_code == status
    assert not Entry.objects.exists()


def test_an_unknown_prompt_is_refused(alice_client, alice, pair):
    round = started(alice, pair)
    data = entries(round)
    data["entries"][0]["prompt_id"] = "lovemap-999"
    response = post(alice_client, f"{BASE}/rounds/{round.code}/entries", data)
    assert response.status_code == 400
    assert not Entry.objects.exists()


def test_a_missing_prompt_is_refused(alice_client, alice, pair):
    round = started(alice, pair)
    data = entries(round)
    data["entries"].pop()
    assert post(alice_client, f"{BASE}/rounds/{round.code}/entries", data).status_code == 422
    assert not Entry.objects.exists()


def test_writing_twice_is_a_conflict(alice_client, alice, pair):
    round = answered(alice, pair)
    response = post(alice_client, f"{BASE}/rounds/{round.code}/entries", entries(round))
    assert response.status_code == 409


def test_marking_before_the_reveal_is_refused(alice_client, alice, pair):
    round = answered(alice, pair)
    marks = {"marks": [{"prompt_id": p, "mark": "right"} for p in round.prompt_ids]}
    assert post(alice_client, f"{BASE}/rounds/{round.code}/marks", marks).status_code == 400


def test_marking_with_a_bad_value_is_refused(alice_client, alice, bob, pair):
    round = guessed(answered(alice, pair), bob)
    marks = {"marks": [{"prompt_id": p, "mark": "perfect"} for p in round.prompt_ids]}
    assert post(alice_client, f"{BASE}/rounds/{round.code}/marks", marks).status_code == 422


def test_the_guesser_cannot_mark(bob_client, alice, bob, pair):
    round = guessed(answered(alice, pair), bob)
    marks = {"marks": [{"prompt_id": p, "mark": "right"} for p in round.prompt_ids]}
    assert post(bob_client, f"{BASE}/rounds/{round.code}/marks", marks).status_code == 400


def test_another_pairs_round_is_not_found(charlie_client, alice, pair):
    round = started(alice, pair)
    assert charlie_client.get(f"{BASE}/rounds/{round.code}").status_code == 404
    assert (
        post(charlie_client, f"{BASE}/rounds/{round.code}/entries", entries(round)).status_code
        == 404
    )


def test_list_and_learned_queries_do_not_grow_with_history(bob_client, alice, bob, pair):
    marked(alice, bob, pair, seed=1)
    urls = [f"{BASE}/rounds", f"{BASE}/learned"]
    few = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            bob_client.get(url)
        few.append(len(ctx))
    for seed in range(2, 8):
        marked(alice, bob, pair, seed=seed)
    for url, before in zip(urls, few, strict=True):
        with CaptureQueriesContext(connection) as ctx:
            bob_client.get(url)
        assert len(ctx) == before, url
