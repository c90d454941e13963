from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.lib.limits import ANSWER_TEXT
from tend.love_map.models import Entry, Kind, Mark, Round
from tend.love_map.tests.builders import answered, guessed, marked, started

pytestmark = pytest.mark.django_db


def _round_url(round: Round) -> str:
    return reverse("love_map:round", kwargs={"code": round.code})


def _mark_url(round: Round) -> str:
    return reverse("love_map:mark", kwargs={"code": round.code})


def _form(round: Round, words: str = "typed") -> dict[str, str]:
    return {p: f"{words} {i}" for i, p in enumerate(round.prompt_ids)}


class TestIndex:
    def test_it_offers_to_start_a_round_about_either_person(self, alice_client, pair):
        response = alice_client.get(reverse("love_map:index"))
        assert response.status_code == 200
        body = response.content.decode()
        assert "I answer about myself, Bob guesses" in body
        assert "Bob answers about themself, I guess" in body

    def test_starting_leads_to_the_new_round(self, alice_client, alice, pair):
        response = alice_client.post(reverse("love_map:start"), {"about": "me", "topic": ""})
        round = Round.objects.get()
        assert response.status_code == 302 and response["Location"] == _round_url(round)
        assert round.subject == alice

    def test_starting_about_the_partner_with_a_topic(self, alice_client, bob, pair):
        alice_client.post(reverse("love_map:start"), {"about": "partner", "topic": "hopes"})
        round = Round.objects.get()
        assert round.subject == bob and round.topic == "hopes"

    def test_a_second_unfinished_round_about_the_same_person_is_refused(
        self, alice_client, alice, pair
    ):
        started(alice, pair)
        response = alice_client.post(reverse("love_map:start"), {"about": "me"})
        assert response.status_code == 400
        assert "still going" in response.content.decode()
        assert Round.objects.count() == 1

    def test_a_bad_topic_is_refused(self, alice_client, pair):
        response = alice_client.post(reverse("love_map:start"), {"about": "me", "topic": "nope"})
        assert response.status_code == 400
        assert not Round.objects.exists()

    def test_it_lists_rounds_in_progress_and_past_results(self, alice_client, alice, bob, pair):
        marked(alice, bob, pair)
        started(bob, pair)
        body = alice_client.get(reverse("love_map:index")).content.decode()
        assert "3 right, 1 close, 1 new" in body
        assert "Your guesses about Bob to write" in body

    def test_without_a_pair_it_explains_what_is_needed(self, charlie_client):
        response = charlie_client.get(reverse("love_map:index"))
        assert response.status_code == 200
        assert "A love map takes two" in response.content.decode()

    def test_its_queries_do_not_grow_with_past_rounds(self, alice_client, alice, bob, pair):
        marked(alice, bob, pair, seed=1)
        started(bob, pair)
        url = reverse("love_map:index")
        alice_client.get(url)
        with CaptureQueriesContext(connection) as few:
            alice_client.get(url)
        for seed in range(2, 8):
            marked(alice, bob, pair, seed=seed)
        with CaptureQueriesContext(connection) as many:
            response = alice_client.get(url)
        assert response.content.decode().count("3 right, 1 close, 1 new") == 7
        assert len(many) == len(few)


class TestRound:
    def test_the_subject_writes_answers_in_one_form(self, alice_client, alice, pair):
        round = started(alice, pair)
        page = alice_client.get(_round_url(round)).content.decode()
        assert "There is no private answer here" in page
        response = alice_client.post(_round_url(round), _form(round))
        assert response.status_code == 302
        assert Entry.objects.filter(owner=alice, kind=Kind.ABOUT_ME).count() == 5

    def test_the_guesser_writes_guesses(self, bob_client, alice, bob, pair):
        round = answered(alice, pair)
        page = bob_client.get(_round_url(round)).content.decode()
        assert "How would Alice answer?" in page
        bob_client.post(_round_url(round), _form(round, "bob guessed"))
        assert Entry.objects.filter(owner=bob, kind=Kind.GUESS).count() == 5

    def test_an_empty_answer_keeps_what_was_typed_and_saves_nothing(
        self, alice_client, alice, pair
    ):
        round = started(alice, pair)
        data = _form(round, "kept words")
        data[round.prompt_ids[2]] = ""
        response = alice_client.post(_round_url(round), data)
        assert response.status_code == 400
        body = response.content.decode()
        assert "kept words 0" in body and "kept words 4" in body
        assert "Write your answer." in body
        assert not Entry.objects.exists()

    def test_an_over_long_answer_is_refused(self, alice_client, alice, pair):
        round = started(alice, pair)
        data = _form(round)
        data[round.prompt_ids[0]] = "a" * (ANSWER_TEXT + 1)
        response = alice_client.post(_round_url(round), data)
        assert response.status_code == 400
        assert not Entry.objects.exists()

    def test_an_unknown_prompt_in_the_post_is_ignored_not_saved(self, alice_client, alice, pair):
        round = started(alice, pair)
        data = {**_form(round), "lovemap-999": "sneaky"}
        alice_client.post(_round_url(round), data)
        assert not Entry.objects.filter(prompt_id="lovemap-999").exists()
        assert Entry.objects.count() == 5

    def test_posting_again_after_writing_changes_nothing(self, alice_client, alice, pair):
        round = answered(alice, pair, "first")
        response = alice_client.post(_round_url(round), _form(round, "second"))
        assert response.status_code == 302
        assert all(e.text.startswith("first") for e in Entry.objects.all())

    def test_another_pairs_round_is_not_found(self, charlie_client, alice, pair):
        round = started(alice, pair)
        assert charlie_client.get(_round_url(round)).status_code == 404
        assert charlie_client.post(_round_url(round), _form(round)).status_code == 404
        assert charlie_client.post(_mark_url(round), {}).status_code == 404

    def test_its_queries_do_not_grow_with_past_rounds(self, alice_client, alice, bob, pair):
        marked(alice, bob, pair, seed=1)
        round = guessed(answered(bob, pair), alice)
        url = _round_url(round)
        alice_client.get(url)
        with CaptureQueriesContext(connection) as few:
            alice_client.get(url)
        for seed in range(2, 8):
            marked(alice, bob, pair, seed=seed)
        with CaptureQueriesContext(connection) as many:
            alice_client.get(url)
        assert len(many) == len(few)


class TestMarking:
    def _marks(self, round: Round, value: str = Mark.RIGHT) -> dict[str, str]:
        return {f"mark-{p}": value for p in round.prompt_ids}

    def test_the_subject_sees_both_sides_and_marks(
        self, alice_client, bob_client, alice, bob, pair
    ):
        round = guessed(answered(alice, pair, "alice said"), bob, "bob guessed")
        page = alice_client.get(_round_url(round)).content.decode()
        assert "alice said 0" in page and "bob guessed 0" in page
        assert "Save the marks" in page
        marks = self._marks(round)
        marks[f"mark-{round.prompt_ids[4]}"] = Mark.NEW
        response = alice_client.post(_mark_url(round), marks)
        assert response.status_code == 302
        result = bob_client.get(_round_url(round)).content.decode()
        assert "4 right, 0 close, 1 new" in result
        assert "Things I learned about Alice" in result and "alice said 4" in result

    def test_marking_before_the_guesses_is_refused(self, alice_client, alice, pair):
        round = answered(alice, pair)
        response = alice_client.post(_mark_url(round), self._marks(round))
        assert response.status_code == 302
        round.refresh_from_db()
        assert round.marked_at is None

    def test_the_guesser_cannot_mark(self, bob_client, alice, bob, pair):
        round = guessed(answered(alice, pair), bob)
        bob_client.post(_mark_url(round), self._marks(round))
        round.refresh_from_db()
        assert round.marked_at is None

    def test_a_bad_mark_re_renders_the_form(self, alice_client, alice, bob, pair):
        round = guessed(answered(alice, pair), bob)
        marks = self._marks(round)
        marks[f"mark-{round.prompt_ids[0]}"] = "perfect"
        response = alice_client.post(_mark_url(round), marks)
        assert response.status_code == 400
        round.refresh_from_db()
        assert round.marked_at is None


class TestLearned:
    def test_it_lists_answers_guessed_close_or_new_newest_first(self, bob_client, alice, bob, pair):
        marked(alice, bob, pair, seed=1, words="older")
        marked(alice, bob, pair, seed=2, words="newer")
        body = bob_client.get(reverse("love_map:learned")).content.decode()
        assert "newer 3" in body and "newer 4" in body and "older 3" in body
        assert "newer 0" not in body  # guessed right: nothing learned
        assert body.index("newer 4") < body.index("older 4")

    def test_the_subject_has_learned_nothing_from_rounds_about_themself(
        self, alice_client, alice, bob, pair
    ):
        marked(alice, bob, pair, words="about alice")
        body = alice_client.get(reverse("love_map:learned")).content.decode()
        assert "about alice" not in body

    def test_its_queries_do_not_grow_with_past_rounds(self, bob_client, alice, bob, pair):
        marked(alice, bob, pair, seed=1)
        url = reverse("love_map:learned")
        bob_client.get(url)
        with CaptureQueriesContext(connection) as few:
            bob_client.get(url)
        for seed in range(2, 8):
            marked(alice, bob, pair, seed=seed)
        with CaptureQueriesContext(connection) as many:
            bob_client.get(url)
        assert len(many) == len(few)
