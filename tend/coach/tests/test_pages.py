"""The draft check page and its API: flags, highlights, the rewrite, nothing stored."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.coach.analyzer import MAX_MESSAGE, analyze
from tend.coach.views import segments

pytestmark = pytest.mark.django_db
HARSH = "You never listen to me, you're so selfish."


def test_the_page_checks_a_draft_and_marks_the_words(alice_client):
    response = alice_client.post(reverse("coach:draft"), {"text": HARSH})
    assert response.status_code == 200
    body = response.content.decode()
    assert "This might land harder than you mean it" in body
    assert '<mark class="coach-mark"' in body and "Criticism" in body
    assert "A gentler way to say it" in body


def test_typing_gets_only_the_verdict_back(alice_client):
    response = alice_client.post(reverse("coach:draft"), {"text": HARSH}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "coach-mark" in body


def test_a_kind_message_is_left_alone(alice_client):
    text = "I felt lonely at dinner; could we put the phones away tomorrow?"
    body = alice_client.post(reverse("coach:draft"), {"text": text}).content.decode()
    assert "Nothing here looks likely to hurt" in body


def test_nothing_typed_is_stored(alice_client):
    alice_client.get(reverse("coach:draft"))
    with CaptureQueriesContext(connection) as ctx:
        alice_client.post(reverse("coach:draft"), {"text": HARSH})
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]
    assert writes == []


@pytest.mark.parametrize("text", ["", "   ", "x" * (MAX_MESSAGE + 1)])
def test_an_empty_or_overlong_draft_gets_a_clear_message(alice_client, text):
    response = alice_client.post(reverse("coach:draft"), {"text": text})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_segments_cover_the_text_and_mark_only_flagged_words():
    verdict = analyze(HARSH)
    pieces = segments(verdict)
    assert "".join(p["text"] for p in pieces) == HARSH
    marked = [p["text"] for p in pieces if p["labels"]]
    assert marked and all(m in HARSH for m in marked)


def test_the_api_checks_and_refuses_bad_input(alice_client, client):
    url = "/api/v1/coach/check"
    response = alice_client.post(url, json.dumps({"text": HARSH}), content_type="application/json")
    body = response.json()
    assert body["labels"] == ["criticism"]
    assert body["rewrite"] and body["antidotes"][0]["label"] == "criticism"
    assert all(HARSH[s["start"] : s["end"]] for s in body["spans"])
    for bad in ("", "x" * (MAX_MESSAGE + 1)):
        refused = alice_client.post(url, json.dumps({"text": bad}), content_type="application/json")
        assert refused.status_code == 422
    blank = alice_client.post(url, json.dumps({"text": "   "}), content_type="application/json")
    assert blank.status_code == 400
    assert (
        client.post(url, json.dumps({"text": HARSH}), content_type="application/json").status_code
        == 401
    )
