from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from tend.conversation import services
from tend.conversation.models import (
    Answer,
    ConversationSettings,
    Favourite,
    PairPrompt,
    Question,
    Reaction,
    Reply,
)
from tend.pairs import services as pair_services
from tend.privacy.models import Visibility
from tend.privacy.services import delete_account, export_for

DAY = dt.date(2026, 3, 14)

pytestmark = pytest.mark.django_db


class TestQuestionFor:
    def test_both_people_get_the_same_question_once_a_day(self, pair):
        first = services.question_for(pair, DAY)
        again = services.question_for(pair, DAY)
        assert first == again
        assert Question.objects.filter(pair=pair).count() == 1
        assert first.prompt is not None

    def test_the_next_day_brings_another_prompt(self, pair):
        prompts = {
            services.question_for(pair, DAY + dt.timedelta(days=n)).prompt_id for n in range(30)
        }
        assert len(prompts) == 30

    def test_a_new_pair_starts_with_light_prompts(self, pair):
        depths = {
            services.question_for(pair, DAY + dt.timedelta(days=n)).prompt.depth for n in range(5)
        }
        assert depths == {1}

    def test_only_the_categories_the_pair_chose(self, pair):
        ConversationSettings.objects.create(pair=pair, categories=["money"])
        for n in range(5):
            assert services.question_for(pair, DAY + dt.timedelta(days=n)).prompt_id.startswith(
                "money-"
            )

    def test_the_day_is_the_pairs_own_around_midnight(self, pair):
        pair.time_zone = "Pacific/Auckland"
        pair.save()
        # 11:30 UTC on 14 March is already 15 March in Auckland (UTC+13).
        now = dt.datetime(2026, 3, 14, 11, 30, tzinfo=dt.UTC)
        assert services.pair_today(pair, now) == dt.date(2026, 3, 15)

    def test_the_day_follows_a_daylight_saving_change(self, pair):
        pair.time_zone = "Europe/Berlin"
        pair.save()
        # Clocks go forward on 29 March 2026: 22:30 UTC is 00:30 the next day (UTC+2).
        assert services.pair_today(pair, dt.datetime(2026, 3, 29, 22, 30, tzinfo=dt.UTC)) == (
            dt.date(2026, 3, 30)
        )
        assert services.pair_today(pair, dt.datetime(2026, 3, 28, 22, 30, tzinfo=dt.UTC)) == (
            dt.date(2026, 3, 28)
        )

    def test_an_outsider_cannot_reach_the_question(self, pair, charlie, alice):
        question = services.question_for(pair, DAY)
        with pytest.raises(Http404):
            services.get_question_for(charlie, question.code)
        assert services.get_question_for(alice, question.code) == question


class TestAnswering:
    def test_the_partners_answer_stays_sealed_until_i_answer(self, pair, alice, bob):
        question = services.question_for(pair, DAY)
        services.answer(bob, question, "Bob's answer")
        seen = services.answers_for(alice, question)
        assert (seen.mine, seen.partner, seen.partner_sealed) == (None, None, True)
        assert not Answer.objects.visible_to(alice).filter(owner=bob).exists()
        services.answer(alice, question, "Alice's answer")
        seen = services.answers_for(alice, question)
        assert seen.partner.text == "Bob's answer"

    def test_a_private_answer_never_opens(self, pair, alice, bob):
        question = services.question_for(pair, DAY)
        services.answer(bob, question, "only mine", Visibility.PRIVATE)
        services.answer(alice, question, "shared")
        assert not Answer.objects.visible_to(alice).filter(owner=bob).exists()
        assert "only mine" not in str(export_for(alice))

    def test_answering_another_pairs_question_is_refused(self, pair, charlie, charlie_pair):
        question = services.question_for(pair, DAY)
        with pytest.raises(services.AnswerError):
            services.answer(charlie, question, "not mine to answer")
        assert not Answer.objects.exists()

    @pytest.mark.parametrize("text", ["", "x" * 1001])
    def test_an_empty_or_overlong_answer_saves_nothing(self, pair, alice, text):
        question = services.question_for(pair, DAY)
        with pytest.raises(ValidationError):
            services.answer(alice, question, text)
        assert not Answer.objects.exists()

    def test_a_second_answer_is_refused(self, pair, alice):
        question = services.question_for(pair, DAY)
        services.answer(alice, question, "first")
        with pytest.raises(services.AnswerError):
            services.answer(alice, question, "second")
        assert Answer.objects.count() == 1

    def test_only_shared_answers_from_both_count_as_answering_together(self, pair, alice, bob):
        one = services.question_for(pair, DAY)
        two = services.question_for(pair, DAY + dt.timedelta(days=1))
        services.answer(alice, one, "a")
        services.answer(bob, one, "b")
        services.answer(alice, two, "a")
        services.answer(bob, two, "b", Visibility.PRIVATE)
        assert services.answered_together(pair) == 1

    def test_after_leaving_nobody_can_answer(self, pair, alice, bob):
        question = services.question_for(pair, DAY)
        pair_services.leave_pair(pair, bob)
        with pytest.raises(services.AnswerError):
            services.answer(alice, question, "too late")


class TestExportAndDeletion:
    def test_export_holds_my_answer_with_its_question(self, pair, alice, bob):
        question = services.question_for(pair, DAY)
        services.answer(alice, question, "my words")
        services.answer(bob, question, "bob's words")
        rows = export_for(alice)["question_answers"]
        assert sorted(r["answer"] for r in rows) == ["bob's words", "my words"]
        assert rows[0]["question"] == question.prompt.text

    def test_a_sealed_answer_is_not_exported_to_the_partner(self, pair, alice, bob):
        services.answer(bob, services.question_for(pair, DAY), "sealed words")
        assert "sealed words" not in str(export_for(alice))

    def test_deleting_an_account_removes_its_answers(self, pair, alice, bob):
        question = services.question_for(pair, DAY)
        services.answer(alice, question, "mine")
        services.answer(bob, question, "bob's")
        delete_account(alice)
        assert list(Answer.objects.values_list("text", flat=True)) == ["bob's"]


def test_the_export_costs_the_same_queries_for_one_answer_or_many(
    pair, alice, django_assert_max_num_queries
):
    services.answer(alice, services.question_for(pair, DAY), "one")
    with CaptureQueriesContext(connection) as few:
        export_for(alice)
    for n in range(1, 6):
        services.answer(alice, services.question_for(pair, DAY + dt.timedelta(days=n)), "more")
    with django_assert_max_num_queries(len(few.captured_queries)):
        export_for(alice)


class TestAYearOfQuestions:
    def test_a_year_of_daily_use_repeats_nothing_and_grows_deeper(self, pair, alice, bob):
        """A pair with every category on opens Tend daily for a year; for its first
        weeks both answer, which unlocks deeper prompts."""
        start = dt.date(2025, 1, 1)
        seen: list[str] = []
        depths: list[int] = []
        for n in range(365):
            question = services.question_for(pair, start + dt.timedelta(days=n))
            seen.append(question.candidate_id)
            depths.append(question.prompt.depth)
            if n < 30:
                services.answer(alice, question, "a")
                services.answer(bob, question, "b")
        assert len(set(seen)) == 365
        assert set(depths[:7]) == {1}
        assert 2 in depths[7:30] and 3 in depths[21:]

    def test_a_skipped_prompt_does_not_come_back_until_the_pool_is_used(self, pair, alice):
        today = services.pair_today(pair)
        first = services.question_for(pair, today)
        services.skip(alice, first)
        later = {
            services.question_for(pair, today + dt.timedelta(days=n)).candidate_id
            for n in range(1, 60)
        }
        assert first.candidate_id not in later


def test_both_people_get_the_pairs_question_whatever_their_own_zones(
    pair, alice, bob, alice_client, bob_client
):
    from django.urls import reverse

    alice.time_zone = "Pacific/Auckland"
    alice.save()
    bob.time_zone = "America/Los_Angeles"
    bob.save()
    one = alice_client.get(reverse("conversation:today"))["Location"]
    two = bob_client.get(reverse("conversation:today"))["Location"]
    assert one == two
    assert Question.objects.get().day == services.pair_today(pair)


@pytest.mark.parametrize("alices", [None, "shared", "private"])
@pytest.mark.parametrize("bobs", [None, "shared", "private"])
def test_the_glance_of_today_agrees_with_the_full_state(pair, alice, bob, alices, bobs):
    """The Today page's one-query form says what the full form says, for both people."""
    question = services.question_for(pair, DAY)
    if alices:
        services.answer(alice, question, "a", alices)
    if bobs:
        services.answer(bob, question, "b", bobs)
    for viewer in (alice, bob):
        full = services.with_state(Question.objects.filter(pk=question.pk), viewer).get()
        quick = services.glance(viewer, pair, DAY)
        for flag in ("i_answered", "i_shared", "partner_answered"):
            assert getattr(quick, flag) == getattr(full, flag), (viewer, flag)
        assert quick.text == full.text
        assert services.QuestionState.of(quick) == services.QuestionState.of(full)


def test_the_glance_reads_a_question_the_pair_wrote(pair, alice):
    services.write_prompt(alice, pair, "Which bench is ours?")
    services.update_settings(alice, pair, ["ours"])
    services.question_for(pair, DAY)
    assert services.glance(alice, pair, DAY).text == "Which bench is ours?"
    assert services.glance(alice, pair, DAY + dt.timedelta(days=1)) is None


class TestExportAndDeletionOfTheRest:
    def _opened(self, pair, alice, bob):
        question = services.question_for(pair, DAY)
        services.answer(alice, question, "alice words")
        bobs = services.answer(bob, question, "bob words")
        return question, bobs

    def test_my_replies_reactions_favourites_and_prompts_are_exported(self, pair, alice, bob):
        question, bobs = self._opened(pair, alice, bob)
        services.reply(alice, question, "my reply")
        services.react(alice, question, bobs.code, "hug")
        services.set_favourite(alice, question, True)
        services.write_prompt(alice, pair, "Our own question?")
        data = export_for(alice)
        assert [r["reply"] for r in data["question_replies"]] == ["my reply"]
        assert [r["reaction"] for r in data["question_reactions"]] == ["hug"]
        assert [f["question_code"] for f in data["question_favourites"]] == [question.code]
        assert [p["question"] for p in data["written_prompts"]] == ["Our own question?"]
        # Bob's export has the reply (he can read it) but not alice's marks.
        theirs = export_for(bob)
        assert [r["reply"] for r in theirs["question_replies"]] == ["my reply"]
        assert theirs["question_reactions"] == [] and theirs["question_favourites"] == []

    def test_deleting_an_account_takes_its_replies_reactions_favourites_and_prompts(
        self, pair, alice, bob
    ):
        question, bobs = self._opened(pair, alice, bob)
        services.reply(alice, question, "my reply")
        services.reply(bob, question, "bob's reply")
        services.react(alice, question, bobs.code, "hug")
        services.set_favourite(alice, question, True)
        services.write_prompt(alice, pair, "Our own question?")
        delete_account(alice)
        assert list(Reply.objects.values_list("text", flat=True)) == ["bob's reply"]
        assert not Reaction.objects.exists()
        assert not Favourite.objects.exists()
        assert not PairPrompt.objects.exists()
        assert Question.objects.filter(pk=question.pk).exists()  # the pair's, for bob
