"""The question pages: answering, opening together, reactions, the thread, skipping,
asking, favourites, the pair's own questions and settings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tend.conversation import services
from tend.conversation.models import (
    Answer,
    ConversationSettings,
    PairPrompt,
    Question,
    QuestionKind,
    Reaction,
    Reply,
)
from tend.lib.limits import ANSWER_TEXT, REPLY_TEXT

pytestmark = pytest.mark.django_db


def q_url(question: Question, name: str = "question") -> str:
    return reverse(f"conversation:{name}", kwargs={"code": question.code})


def both_answer(question: Question, alice, bob) -> None:
    services.answer(alice, question, "alice words")
    services.answer(bob, question, "bob words")


class TestTalkPage:
    def test_shows_todays_question_for_both(self, pair, alice_client, bob_client):
        one = alice_client.get(reverse("conversation:index"))
        two = bob_client.get(reverse("conversation:index"))
        question = Question.objects.get(pair=pair, kind=QuestionKind.DAILY)
        assert question.text in one.content.decode()
        assert question.text in two.content.decode()

    def test_without_a_pair_explains_what_is_needed(self, charlie_client):
        response = charlie_client.get(reverse("conversation:index"))
        assert response.status_code == 200
        assert "Questions are for two" in response.content.decode()

    def test_today_redirects_to_the_days_question(self, pair, alice_client):
        response = alice_client.get(reverse("conversation:today"))
        question = Question.objects.get(pair=pair)
        assert response["Location"] == q_url(question)


class TestAnsweringAndOpening:
    def test_partner_sees_sealed_then_open(self, pair, alice, alice_client, bob_client):
        question = services.question_for(pair)
        response = alice_client.post(
            q_url(question, "answer"), {"text": "my honest answer", "visibility": "shared"}
        )
        assert response.status_code == 302
        page = bob_client.get(q_url(question)).content.decode()
        assert "my honest answer" not in page
        assert "Sealed" in page
        bob_client.post(q_url(question, "answer"), {"text": "bob's", "visibility": "shared"})
        page = bob_client.get(q_url(question)).content.decode()
        assert "my honest answer" in page
        assert "Talk about it" in page

    @pytest.mark.parametrize("text", ["", "   ", "x" * (ANSWER_TEXT + 1)])
    def test_bad_answers_re_render_and_save_nothing(self, pair, alice_client, text):
        question = services.question_for(pair)
        response = alice_client.post(
            q_url(question, "answer"), {"text": text, "visibility": "shared"}
        )
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
        assert not Answer.objects.exists()
        if text.strip():
            assert text in response.content.decode()  # nothing typed is lost

    def test_a_second_answer_is_refused_with_a_message(self, pair, alice, alice_client):
        question = services.question_for(pair)
        services.answer(alice, question, "first")
        response = alice_client.post(
            q_url(question, "answer"), {"text": "second", "visibility": "shared"}
        )
        assert response.status_code == 400
        assert "already answered" in response.content.decode()
        assert Answer.objects.get().text == "first"

    def test_another_pairs_question_is_not_found(self, pair, charlie_client, charlie_pair):
        question = services.question_for(pair)
        assert charlie_client.get(q_url(question)).status_code == 404
        response = charlie_client.post(
            q_url(question, "answer"), {"text": "x", "visibility": "shared"}
        )
        assert response.status_code == 404
        assert not Answer.objects.exists()


class TestReactionsAndThread:
    def test_reacting_before_opening_is_refused(self, pair, alice, bob, alice_client):
        question = services.question_for(pair)
        bobs = services.answer(bob, question, "bob words")
        alice_client.post(q_url(question, "react"), {"answer": bobs.code, "kind": "heart"})
        assert not Reaction.objects.exists()
        services.answer(alice, question, "alice words")
        alice_client.post(q_url(question, "react"), {"answer": bobs.code, "kind": "heart"})
        assert Reaction.objects.get().kind == "heart"
        # The same reaction again takes it back.
        alice_client.post(q_url(question, "react"), {"answer": bobs.code, "kind": "heart"})
        assert not Reaction.objects.exists()

    def test_the_author_sees_the_reaction(self, pair, alice, bob, alice_client, bob_client):
        question = services.question_for(pair)
        both_answer(question, alice, bob)
        bobs = Answer.objects.get(owner=bob)
        alice_client.post(q_url(question, "react"), {"answer": bobs.code, "kind": "hug"})
        assert "Sending a hug" in bob_client.get(q_url(question)).content.decode()

    def test_an_unknown_reaction_is_refused(self, pair, alice, bob, alice_client):
        question = services.question_for(pair)
        both_answer(question, alice, bob)
        bobs = Answer.objects.get(owner=bob)
        alice_client.post(q_url(question, "react"), {"answer": bobs.code, "kind": "angry"})
        assert not Reaction.objects.exists()

    def test_replies_only_once_open(self, pair, alice, bob, alice_client, bob_client):
        question = services.question_for(pair)
        services.answer(alice, question, "alice words")
        response = alice_client.post(q_url(question, "reply"), {"text": "too early"})
        assert response.status_code == 400
        assert not Reply.objects.exists()
        services.answer(bob, question, "bob words")
        alice_client.post(q_url(question, "reply"), {"text": "tell me more"})
        assert "tell me more" in bob_client.get(q_url(question)).content.decode()

    def test_an_overlong_reply_keeps_the_text(self, pair, alice, bob, alice_client):
        question = services.question_for(pair)
        both_answer(question, alice, bob)
        text = "y" * (REPLY_TEXT + 1)
        response = alice_client.post(q_url(question, "reply"), {"text": text})
        assert response.status_code == 400
        assert text in response.content.decode()
        assert not Reply.objects.exists()

    def test_the_thread_stays_short(self, pair, alice, bob):
        question = services.question_for(pair)
        both_answer(question, alice, bob)
        for n in range(services.MAX_REPLIES):
            services.reply(alice if n % 2 else bob, question, f"reply {n}")
        with pytest.raises(services.AnswerError):
            services.reply(alice, question, "one too many")
        assert Reply.objects.count() == services.MAX_REPLIES


class TestSkipping:
    def test_skip_gives_a_new_question_and_counts_the_old_as_seen(self, pair, alice_client):
        first = services.question_for(pair)
        response = alice_client.post(q_url(first, "skip"))
        second = Question.objects.get(pair=pair, kind=QuestionKind.DAILY)
        assert response["Location"] == q_url(first)
        assert second.candidate_id != first.candidate_id
        first.refresh_from_db()
        assert first.kind == QuestionKind.SKIPPED
        assert alice_client.get(reverse("conversation:today"))["Location"] == q_url(second)

    def test_skips_are_limited_per_day(self, pair, alice):
        question = services.question_for(pair)
        for _ in range(services.SKIPS_PER_DAY):
            question = services.skip(alice, question)
        with pytest.raises(services.AnswerError):
            services.skip(alice, question)
        assert Question.objects.filter(pair=pair, kind=QuestionKind.DAILY).count() == 1

    def test_no_skip_once_someone_answered(self, pair, alice, bob):
        question = services.question_for(pair)
        services.answer(bob, question, "bob words")
        with pytest.raises(services.AnswerError):
            services.skip(alice, question)

    def test_a_partners_private_answer_does_not_block_or_show(self, pair, alice, bob):
        question = services.question_for(pair)
        services.answer(bob, question, "only bob", visibility="private")
        fresh = services.skip(alice, question)
        assert fresh.pk != question.pk
        # Bob's private answer stays with the prompt he answered.
        assert Answer.objects.get(owner=bob).question_id == question.pk

    def test_a_skipped_question_takes_no_answers(self, pair, alice):
        question = services.question_for(pair)
        services.skip(alice, question)
        question.refresh_from_db()
        with pytest.raises(services.AnswerError):
            services.answer(alice, question, "late")

    def test_yesterdays_question_cannot_be_skipped(self, pair, alice):
        old = services.question_for(pair, services.pair_today(pair) - dt.timedelta(days=1))
        with pytest.raises(services.AnswerError):
            services.skip(alice, old)


class TestAskingAndFavourites:
    def test_ask_my_partner_a_deck_prompt(self, pair, alice_client, bob_client):
        response = alice_client.post(reverse("conversation:ask"), {"prompt": "money-001"})
        asked = Question.objects.get(kind=QuestionKind.ASKED)
        assert response["Location"] == q_url(asked)
        assert asked.prompt_id == "money-001"
        assert asked.text in bob_client.get(reverse("conversation:index")).content.decode()

    def test_asking_an_unknown_prompt_is_refused(self, pair, alice_client):
        response = alice_client.post(reverse("conversation:ask"), {"prompt": "nope-999"})
        assert response.status_code == 302
        assert not Question.objects.filter(kind=QuestionKind.ASKED).exists()

    def test_asking_is_limited_per_day(self, pair, alice):
        for n in range(services.ASKS_PER_DAY):
            services.ask(alice, pair, prompt_id=f"money-00{n + 1}")
        with pytest.raises(services.AnswerError):
            services.ask(alice, pair, prompt_id="money-009")

    def test_a_favourite_is_mine_alone(self, pair, alice_client, bob_client):
        question = services.question_for(pair)
        alice_client.post(q_url(question, "favourite"), {"on": "1"})
        mine = alice_client.get(reverse("conversation:history") + "?favourites=1")
        theirs = bob_client.get(reverse("conversation:history") + "?favourites=1")
        assert question.code in mine.content.decode()
        assert question.code not in theirs.content.decode()
        alice_client.post(q_url(question, "favourite"), {"on": "0"})
        assert question.favourites.count() == 0


class TestOwnPromptsAndSettings:
    def test_write_ask_and_remove_our_own(self, pair, alice, alice_client, bob_client):
        alice_client.post(
            reverse("conversation:ours"), {"text": "What song is ours?", "depth": "1"}
        )
        prompt = PairPrompt.objects.get()
        assert "What song is ours?" in bob_client.get(reverse("conversation:ours")).content.decode()
        alice_client.post(reverse("conversation:ask"), {"own": prompt.code})
        asked = Question.objects.get(kind=QuestionKind.ASKED)
        assert asked.text == "What song is ours?"
        bob_client.post(reverse("conversation:ours_remove", kwargs={"code": prompt.code}))
        prompt.refresh_from_db()
        assert prompt.retired_at is not None  # kept: a question uses it
        assert "What song is ours?" in bob_client.get(q_url(asked)).content.decode()

    def test_an_empty_or_overlong_own_prompt_is_refused(self, pair, alice_client):
        for text in ["", "z" * 301]:
            response = alice_client.post(reverse("conversation:ours"), {"text": text, "depth": "1"})
            assert response.status_code == 400
        assert not PairPrompt.objects.exists()

    def test_our_own_prompts_join_the_daily_pool(self, pair, alice):
        services.write_prompt(alice, pair, "Where should we go next summer?")
        services.update_settings(alice, pair, ["ours"])
        assert services.question_for(pair).text == "Where should we go next summer?"

    def test_settings_switch_categories(self, pair, alice_client):
        response = alice_client.post(
            reverse("conversation:settings"), {"categories": ["money", "memories"]}
        )
        assert response.status_code == 302
        assert ConversationSettings.objects.get(pair=pair).categories == ["memories", "money"]

    def test_settings_need_one_category(self, pair, alice_client):
        response = alice_client.post(reverse("conversation:settings"), {})
        assert response.status_code == 400
        assert not ConversationSettings.objects.exists()


@pytest.mark.parametrize(
    "name", ["index", "history", "deck", "ours", "settings"], ids=lambda name: name
)
def test_each_page_renders_for_a_member(pair, alice_client, name):
    response = alice_client.get(reverse(f"conversation:{name}"))
    assert response.status_code == 200
    title = response.content.decode().split("<title>")[1].split("</title>")[0]
    assert "<" not in title and len(title) < 60


def test_a_deck_page_lists_its_prompts_with_ask_buttons(pair, alice_client):
    response = alice_client.get(reverse("conversation:category", kwargs={"slug": "money"}))
    assert response.status_code == 200
    assert response.content.decode().count('name="prompt"') >= 20
    assert (
        alice_client.get(reverse("conversation:category", kwargs={"slug": "nope"})).status_code
        == 404
    )


class TestWhatTheReviewFound:
    def test_only_our_own_questions_and_none_left_still_gives_a_question(
        self, pair, alice, alice_client
    ):
        prompt = services.write_prompt(alice, pair, "Where shall we walk?")
        services.update_settings(alice, pair, ["ours"])
        services.remove_prompt(alice, prompt)
        assert alice_client.get(reverse("today:today")).status_code == 200
        assert services.question_for(pair).prompt_id  # from the decks

    def test_our_own_questions_alone_need_one_written(self, pair, alice):
        with pytest.raises(services.AnswerError):
            services.update_settings(alice, pair, ["ours"])

    def test_an_answer_refused_because_the_question_was_skipped_keeps_the_text(
        self, pair, alice, bob_client
    ):
        question = services.question_for(pair)
        services.skip(alice, question)
        response = bob_client.post(
            q_url(question, "answer"), {"text": "my careful words", "visibility": "shared"}
        )
        assert response.status_code == 400
        body = response.content.decode()
        assert "was skipped" in body and "my careful words" in body
        assert not Answer.objects.exists()

    def test_a_refused_reply_says_why_and_keeps_the_text(self, pair, alice, alice_client):
        question = services.question_for(pair)
        services.answer(alice, question, "mine")
        response = alice_client.post(q_url(question, "reply"), {"text": "early reply"})
        assert response.status_code == 400
        body = response.content.decode()
        assert "opens once you have both answered" in body and "early reply" in body

    def test_a_private_answer_is_said_to_keep_theirs_closed(self, pair, alice, bob, alice_client):
        question = services.question_for(pair)
        services.answer(bob, question, "bob's")
        services.answer(alice, question, "mine alone", visibility="private")
        today = alice_client.get(reverse("today:today")).content.decode()
        assert "Kept to yourself" in today
        page = alice_client.get(q_url(question)).content.decode()
        assert "bob's" not in page and "stays closed to you too" in page

    def test_after_the_pair_ended_past_questions_say_nothing_of_the_partner(
        self, pair, alice, bob, alice_client
    ):
        from tend.pairs import services as pair_services

        question = services.question_for(pair)
        services.answer(bob, question, "bob's")
        pair_services.leave_pair(pair, bob)
        alice_client.post(reverse("pairs:switch", kwargs={"code": pair.code}))
        page = alice_client.get(reverse("conversation:history")).content.decode()
        assert "None" not in page
        assert "answered" not in page.split("question-list")[1]


def test_the_api_asks_no_questions_in_a_pair_without_a_partner(charlie_client, charlie_pair):
    assert (
        charlie_client.get(f"/api/v1/conversation/today?pair={charlie_pair.code}").status_code
        == 404
    )
    assert not Question.objects.exists()
