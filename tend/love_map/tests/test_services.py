from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tend.lib.limits import ANSWER_TEXT
from tend.love_map import services
from tend.love_map.models import Entry, Kind, Mark, Round
from tend.love_map.tests.builders import answered, guessed, marked, started
from tend.pairs import services as pair_services

pytestmark = pytest.mark.django_db


def _texts(round: Round, words: str = "x") -> dict[str, str]:
    return {p: f"{words} {i}" for i, p in enumerate(round.prompt_ids)}


class TestStarting:
    def test_either_member_starts_a_round_about_themself_or_the_other(self, alice, bob, pair):
        mine = services.start_round(alice, pair, services.ABOUT_ME)
        theirs = services.start_round(alice, pair, services.ABOUT_PARTNER)
        assert (mine.subject, mine.guesser, mine.created_by) == (alice, bob, alice)
        assert (theirs.subject, theirs.guesser, theirs.created_by) == (bob, alice, alice)
        assert len(mine.prompt_ids) == 5

    def test_only_one_unfinished_round_per_person(self, alice, bob, pair):
        started(alice, pair)
        with pytest.raises(services.RoundError):
            services.start_round(bob, pair, services.ABOUT_PARTNER)

    def test_a_finished_round_makes_room_for_the_next(self, alice, bob, pair):
        first = marked(alice, bob, pair)
        second = started(alice, pair, seed=2)
        assert not set(first.prompt_ids) & set(second.prompt_ids)

    def test_prompts_are_not_repeated_for_the_same_person(self, alice, bob, pair):
        seen: set[str] = set()
        for seed in range(6):
            r = marked(alice, bob, pair, seed=seed)
            assert not seen & set(r.prompt_ids)
            seen |= set(r.prompt_ids)

    def test_an_unknown_topic_is_refused(self, alice, pair):
        with pytest.raises(services.RoundError):
            services.start_round(alice, pair, services.ABOUT_ME, "no-such-topic")

    def test_a_pair_of_one_cannot_start(self, charlie, charlie_pair):
        with pytest.raises(services.RoundError):
            services.start_round(charlie, charlie_pair)

    def test_an_ended_pair_cannot_start(self, alice, bob, pair):
        pair_services.leave_pair(pair, bob)
        pair.refresh_from_db()
        with pytest.raises(services.RoundError):
            services.start_round(alice, pair)


class TestWriting:
    def test_the_subject_writes_answers_and_the_guesser_guesses(self, alice, bob, pair):
        round = guessed(answered(alice, pair), bob)
        kinds = dict(Entry.objects.filter(round=round).values_list("owner", "kind").distinct())
        assert kinds == {alice.pk: Kind.ABOUT_ME, bob.pk: Kind.GUESS}
        assert Entry.objects.filter(round=round).count() == 10

    def test_an_outsider_cannot_write(self, alice, charlie, pair):
        round = started(alice, pair)
        with pytest.raises(services.RoundError):
            services.write_entries(charlie, round, _texts(round))

    def test_writing_twice_is_refused(self, alice, pair):
        round = answered(alice, pair)
        with pytest.raises(services.AlreadyWritten):
            services.write_entries(alice, round, _texts(round))

    def test_nothing_is_saved_when_one_text_is_empty(self, alice, pair):
        round = started(alice, pair)
        texts = _texts(round)
        texts[round.prompt_ids[3]] = "   "
        with pytest.raises(ValidationError) as caught:
            services.write_entries(alice, round, texts)
        assert round.prompt_ids[3] in caught.value.message_dict
        assert not Entry.objects.exists()

    def test_nothing_is_saved_when_one_text_is_too_long(self, alice, pair):
        round = started(alice, pair)
        texts = _texts(round)
        texts[round.prompt_ids[0]] = "a" * (ANSWER_TEXT + 1)
        with pytest.raises(ValidationError):
            services.write_entries(alice, round, texts)
        assert not Entry.objects.exists()

    def test_an_unknown_prompt_is_refused(self, alice, pair):
        round = started(alice, pair)
        texts = _texts(round)
        texts["lovemap-999"] = "sneaky"
        with pytest.raises(services.RoundError):
            services.write_entries(alice, round, texts)
        assert not Entry.objects.exists()

    def test_a_finished_round_takes_no_more_writing(self, alice, bob, pair):
        round = marked(alice, bob, pair)
        Entry.objects.filter(owner=bob).delete()
        with pytest.raises(services.RoundError):
            services.write_entries(bob, round, _texts(round))

    def test_entries_are_shared_with_the_pair(self, alice, pair):
        round = answered(alice, pair)
        assert set(Entry.objects.filter(round=round).values_list("visibility", "pair")) == {
            ("shared", pair.pk)
        }


class TestMarking:
    def test_the_subject_marks_every_guess_and_finishes_the_round(self, alice, bob, pair):
        round = marked(alice, bob, pair)
        assert round.marked_at is not None
        marks = list(
            Entry.objects.filter(round=round, kind=Kind.GUESS).values_list("mark", flat=True)
        )
        assert sorted(marks) == sorted(["right", "right", "right", "close", "new"])
        assert not Entry.objects.filter(round=round, kind=Kind.ABOUT_ME).exclude(mark="").exists()

    def test_the_guesser_cannot_mark(self, alice, bob, pair):
        round = guessed(answered(alice, pair), bob)
        with pytest.raises(services.RoundError):
            services.mark_guesses(bob, round, dict.fromkeys(round.prompt_ids, Mark.RIGHT))

    def test_marking_waits_for_the_guesses(self, alice, pair):
        round = answered(alice, pair)
        with pytest.raises(services.RoundError):
            services.mark_guesses(alice, round, dict.fromkeys(round.prompt_ids, Mark.RIGHT))
        round.refresh_from_db()
        assert round.marked_at is None

    def test_a_bad_or_missing_mark_is_refused(self, alice, bob, pair):
        round = guessed(answered(alice, pair), bob)
        bad = dict.fromkeys(round.prompt_ids, Mark.RIGHT)
        bad[round.prompt_ids[0]] = "perfect"
        with pytest.raises(services.RoundError):
            services.mark_guesses(alice, round, bad)
        with pytest.raises(services.RoundError):
            services.mark_guesses(alice, round, {round.prompt_ids[0]: Mark.RIGHT})
        round.refresh_from_db()
        assert round.marked_at is None
        assert not Entry.objects.exclude(mark="").exists()

    def test_marking_twice_is_refused(self, alice, bob, pair):
        round = marked(alice, bob, pair)
        with pytest.raises(services.RoundError):
            services.mark_guesses(alice, round, dict.fromkeys(round.prompt_ids, Mark.NEW))
