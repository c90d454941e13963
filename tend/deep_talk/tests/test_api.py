from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tend.deep_talk import services
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote, TalkState
from tend.deep_talk.tests.builders import EVENING, finished, mark, note, talking
from tend.lib.limits import LONG_TEXT

BASE = "/api/v1/deep-talk"


def post(client, path: str, data: dict, method: str = "post"):
    return getattr(client, method)(BASE + path, json.dumps(data), content_type="application/json")


def test_the_evenings_are_listed_with_their_sets(alice_client):
    body = alice_client.get(f"{BASE}/evenings").json()
    assert body["count"] >= 3
    first = body["items"][0]
    assert len(first["sets"]) == 3 and first["sets"][0]["questions"] == 12
    assert alice_client.get(f"{BASE}/evenings?limit=1").json()["items"][0] == first


def test_starting_and_walking_an_evening(alice_client, bob_client, alice, pair):
    response = post(alice_client, "/talks", {"pair": pair.code, "evening": EVENING})
    assert response.status_code == 201, response.content
    talk = response.json()
    assert talk["state"] == "before" and talk["question"] is None
    assert talk["first_speaker"] == {"display_name": "Alice", "is_me": True}
    code = talk["code"]
    assert post(alice_client, f"/talks/{code}/step", {"action": "begin"}).status_code == 200
    moved = post(bob_client, f"/talks/{code}/step", {"action": "next", "at": 0}).json()
    assert moved["position"] == 1 and moved["question_number"] == 2
    assert moved["first_speaker"] == {"display_name": "Bob", "is_me": True}
    assert moved["second_speaker"]["display_name"] == "Alice"
    assert 0 < moved["remaining_seconds"] <= moved["set_seconds"] == 15 * 60
    assert moved["question"]["text"]


def test_a_stale_step_is_a_conflict(alice_client, alice, bob, pair):
    talk = talking(alice, pair)
    services.step(bob, talk, "next")
    response = post(alice_client, f"/talks/{talk.code}/step", {"action": "next", "at": 0})
    assert response.status_code == 409
    assert "moved on" in response.json()["detail"]


@pytest.mark.parametrize(
    "data",
    [{"action": "dance"}, {"action": "next", "at": -1}, {"action": "next", "at": 36}, {}],
)
def test_a_step_that_breaks_the_schema_is_422(alice_client, alice, pair, data):
    talk = talking(alice, pair)
    assert post(alice_client, f"/talks/{talk.code}/step", data).status_code == 422


def test_advancing_a_finished_talk_is_400(alice_client, alice, pair):
    talk = finished(pair, alice)
    response = post(alice_client, f"/talks/{talk.code}/step", {"action": "next"})
    assert response.status_code == 400
    assert response.json()["detail"] == "This evening has ended."


def test_a_second_evening_is_400_and_another_pair_is_404(alice_client, charlie_client, alice, pair):
    talking(alice, pair)
    response = post(alice_client, "/talks", {"pair": pair.code, "evening": "evening-two"})
    assert response.status_code == 400
    response = post(charlie_client, "/talks", {"pair": pair.code, "evening": "evening-two"})
    assert response.status_code == 404


def test_an_unknown_evening_is_400(alice_client, pair):
    response = post(alice_client, "/talks", {"pair": pair.code, "evening": "evening-nine"})
    assert response.status_code == 400
    assert not Talk.objects.exists()


@pytest.mark.parametrize("value", [0, 8, "high"])
def test_a_mark_outside_one_to_seven_is_422(alice_client, alice, pair, value):
    talk = talking(alice, pair)
    response = post(
        alice_client, f"/talks/{talk.code}/closeness/before", {"value": value}, method="put"
    )
    assert response.status_code == 422
    assert not ClosenessRating.objects.exists()


def test_an_unknown_moment_is_422(alice_client, alice, pair):
    talk = talking(alice, pair)
    response = post(
        alice_client, f"/talks/{talk.code}/closeness/during", {"value": 3}, method="put"
    )
    assert response.status_code == 422


def test_the_partners_mark_is_sealed_until_i_place_mine(alice_client, bob_client, alice, pair):
    talk = talking(alice, pair)
    post(alice_client, f"/talks/{talk.code}/closeness/before", {"value": 6}, method="put")
    seen_by_bob = bob_client.get(f"{BASE}/talks/{talk.code}").json()["closeness"]["before"]
    assert seen_by_bob == {"mine": None, "partner": None, "partner_state": "sealed"}
    listed = bob_client.get(f"{BASE}/talks").json()["items"][0]["closeness"]["before"]
    assert listed["partner"] is None
    post(bob_client, f"/talks/{talk.code}/closeness/before", {"value": 4}, method="put")
    seen_by_bob = bob_client.get(f"{BASE}/talks/{talk.code}").json()["closeness"]["before"]
    assert seen_by_bob == {"mine": 4, "partner": 6, "partner_state": "open"}


def test_after_is_refused_until_the_end(alice_client, alice, pair):
    talk = talking(alice, pair)
    path = f"/talks/{talk.code}/closeness/after"
    assert post(alice_client, path, {"value": 3}, method="put").status_code == 400
    services.step(alice, talk, "finish")
    assert post(alice_client, path, {"value": 3}, method="put").json()["value"] == 3


def test_notes_are_mine_alone(alice_client, bob_client, alice, pair):
    talk = talking(alice, pair)
    response = post(alice_client, f"/talks/{talk.code}/notes", {"text": "the blue kite"})
    assert response.status_code == 201
    assert alice_client.get(f"{BASE}/talks/{talk.code}/notes").json()["count"] == 1
    bobs = bob_client.get(f"{BASE}/talks/{talk.code}/notes")
    assert bobs.status_code == 200 and bobs.json()["count"] == 0
    assert "the blue kite" not in bob_client.get("/api/v1/privacy/export").content.decode()
    assert "the blue kite" in alice_client.get("/api/v1/privacy/export").content.decode()


@pytest.mark.parametrize("words", ["", "   ", "x" * (LONG_TEXT + 1)])
def test_an_empty_or_over_long_note_is_422(alice_client, alice, pair, words):
    talk = talking(alice, pair)
    response = post(alice_client, f"/talks/{talk.code}/notes", {"text": words})
    assert response.status_code == 422
    assert not TalkNote.objects.exists()


def test_another_pairs_talk_is_404_everywhere(charlie_client, alice, pair):
    talk = talking(alice, pair)
    code = talk.code
    assert charlie_client.get(f"{BASE}/talks/{code}").status_code == 404
    assert charlie_client.get(f"{BASE}/talks/{code}/notes").status_code == 404
    assert post(charlie_client, f"/talks/{code}/step", {"action": "next"}).status_code == 404
    assert post(charlie_client, f"/talks/{code}/notes", {"text": "hi"}).status_code == 404
    response = post(charlie_client, f"/talks/{code}/closeness/before", {"value": 3}, method="put")
    assert response.status_code == 404
    assert charlie_client.get(f"{BASE}/talks").json()["count"] == 0


def test_every_operation_is_tagged_conversation(client):
    schema = client.get("/api/v1/openapi.json").json()
    ops = [
        op
        for path, item in schema["paths"].items()
        if path.startswith("/api/v1/deep-talk")
        for op in item.values()
    ]
    assert len(ops) == 8
    assert all(op["tags"] == ["conversation"] for op in ops)


def test_the_list_of_talks_costs_the_same_with_a_long_history(alice_client, alice, bob, pair):
    def history(n: int) -> None:
        for days in range(n):
            talk = finished(pair, alice, days_ago=days + 2)
            mark(alice, talk, "before", 3)
            mark(bob, talk, "before", 5)
            note(alice, talk, "x")

    history(1)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(f"{BASE}/talks")
    history(25)
    with CaptureQueriesContext(connection) as many:
        body = alice_client.get(f"{BASE}/talks").json()
    assert body["count"] == 26
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_finished_talk_reports_its_state(alice_client, alice, pair):
    talk = finished(pair, alice)
    assert alice_client.get(f"{BASE}/talks/{talk.code}").json()["state"] == TalkState.FINISHED
