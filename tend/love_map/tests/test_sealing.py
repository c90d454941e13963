"""Principle 2: an answer and a guess stay sealed until both have written, on every surface."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tend.love_map import services
from tend.love_map.models import Entry
from tend.love_map.tests.builders import answered, guessed, started
from tend.pairs import services as pair_services
from tend.privacy.services import export_for

pytestmark = pytest.mark.django_db

SECRET = "alice-secret-answer"
GUESS = "bob-secret-guess"


def _surfaces(client, round) -> str:
    """Everything the person can read about the round: page, index, API, export."""
    pages = [
        reverse("love_map:round", kwargs={"code": round.code}),
        reverse("love_map:index"),
        reverse("love_map:learned"),
        f"/api/v1/love-map/rounds/{round.code}",
        "/api/v1/love-map/rounds",
        "/api/v1/love-map/learned",
        "/api/v1/privacy/export",
        reverse("privacy:export_page"),
    ]
    return "".join(client.get(url).content.decode() for url in pages)


def test_the_subjects_answers_are_sealed_for_the_guesser_until_he_guessed(
    bob_client, alice, bob, pair
):
    round = answered(alice, pair, SECRET)
    assert SECRET not in _surfaces(bob_client, round)
    assert SECRET not in json.dumps(export_for(bob))
    guessed(round, bob, GUESS)
    assert SECRET in bob_client.get(f"/api/v1/love-map/rounds/{round.code}").content.decode()


def test_the_guesses_are_sealed_for_the_subject_until_she_answered(alice_client, alice, bob, pair):
    round = guessed(started(alice, pair), bob, GUESS)
    assert GUESS not in _surfaces(alice_client, round)
    assert GUESS not in json.dumps(export_for(alice))
    services.write_entries(alice, round, dict.fromkeys(round.prompt_ids, SECRET))
    assert GUESS in alice_client.get(f"/api/v1/love-map/rounds/{round.code}").content.decode()
    assert GUESS in json.dumps(export_for(alice))


def test_a_sealed_side_reads_as_null_in_the_api(bob_client, alice, pair):
    round = answered(alice, pair, SECRET)
    data = bob_client.get(f"/api/v1/love-map/rounds/{round.code}").json()
    assert data["state"] == "write" and data["role"] == "guesser"
    assert all(p["answer"] is None for p in data["prompts"])


def test_the_other_persons_progress_shows_without_content(bob_client, alice, pair):
    round = answered(alice, pair, SECRET)
    page = bob_client.get(reverse("love_map:round", kwargs={"code": round.code}))
    assert page.context["view"].theirs_written == 5
    assert SECRET not in page.content.decode()


def test_after_the_pair_ends_the_partners_side_closes_again(bob_client, alice, bob, pair):
    round = guessed(answered(alice, pair, SECRET), bob, GUESS)
    pair_services.leave_pair(pair, alice)
    body = bob_client.get(f"/api/v1/love-map/rounds/{round.code}").content.decode()
    assert SECRET not in body and GUESS in body
    assert SECRET not in json.dumps(export_for(bob))


def test_deleting_an_account_removes_its_entries_and_keeps_the_partners(alice, bob, pair):
    from tend.privacy.services import delete_account

    round = guessed(answered(alice, pair, SECRET), bob, GUESS)
    delete_account(alice)
    assert set(Entry.objects.values_list("owner", flat=True)) == {bob.pk}
    round.refresh_from_db()
    assert round.subject is None and round.guesser == bob
    assert json.dumps(export_for(bob))  # still exports without the person


def test_rounds_are_exported_to_members_and_not_to_outsiders(alice, bob, charlie, pair):
    started(alice, pair)
    assert len(export_for(bob)["love_map_rounds"]) == 1
    assert export_for(charlie)["love_map_rounds"] == []
