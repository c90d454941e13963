from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tend.deep_talk import services
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote, TalkState
from tend.deep_talk.tests.builders import EVENING, finished, mark, talking
from tend.lib.limits import LONG_TEXT
from tend.pairs import services as pair_services
from tend.privacy.models import Visibility

T0 = dt.datetime(2026, 3, 1, 19, 0, tzinfo=dt.UTC)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def walk(user, talk, steps: int, now=None):
    for _ in range(steps):
        services.step(user, talk, "next", now=now)
    return talk


def test_starting_an_evening_begins_before_the_first_question(alice, bob, pair):
    talk = services.start_talk(alice, pair, EVENING)
    assert talk.state == TalkState.BEFORE
    assert talk.first_speaker == alice
    assert (talk.current_set, talk.current_question) == (0, 0)


def test_the_starter_may_let_the_partner_go_first(alice, bob, pair):
    talk = services.start_talk(alice, pair, EVENING, first="partner")
    assert talk.first_speaker == bob


def test_turns_alternate_question_by_question_across_the_sets(alice, bob, pair):
    talk = talking(alice, pair)
    seen = []
    for _ in range(12):
        seen.append(talk.speakers())
        services.step(bob, talk, "next")
    assert talk.state == TalkState.BETWEEN
    assert seen[0] == (alice, bob)
    assert seen[1] == (bob, alice)
    assert seen[11] == (bob, alice)
    services.step(alice, talk, "continue")
    # Question 13 of the evening is the 12th counted from 0: alice again.
    assert talk.position == 12
    assert talk.speakers() == (alice, bob)


def test_turns_follow_whoever_was_chosen_to_go_first(alice, bob, pair):
    talk = services.start_talk(alice, pair, EVENING, first="partner")
    services.step(alice, talk, "begin")
    assert talk.speakers() == (bob, alice)
    services.step(alice, talk, "next")
    assert talk.speakers() == (alice, bob)


def test_the_clock_runs_while_talking_and_stands_still_while_paused(alice, pair):
    talk = services.start_talk(alice, pair, EVENING, now=T0)
    services.step(alice, talk, "begin", now=T0)
    assert talk.set_seconds == 15 * 60
    assert talk.remaining_seconds(at(4)) == 11 * 60
    services.step(alice, talk, "pause", now=at(4))
    assert talk.elapsed_seconds(at(30)) == 4 * 60
    assert talk.remaining_minutes(at(30)) == 11
    services.step(alice, talk, "resume", now=at(30))
    assert talk.elapsed_seconds(at(33)) == 7 * 60
    services.step(alice, talk, "pause", now=at(33.5))
    assert talk.elapsed_seconds(at(90)) == 7 * 60 + 30
    assert talk.remaining_minutes(at(90)) == 8  # 7.5 minutes left: "about 8"


def test_a_stored_talk_keeps_its_clock(alice, pair):
    talk = services.start_talk(alice, pair, EVENING, now=T0)
    services.step(alice, talk, "begin", now=T0)
    services.step(alice, talk, "pause", now=at(2))
    services.step(alice, talk, "resume", now=at(10))
    again = Talk.objects.get(pk=talk.pk)
    assert again.elapsed_seconds(at(11)) == 3 * 60


def test_the_time_left_never_goes_below_nothing(alice, pair):
    talk = services.start_talk(alice, pair, EVENING, now=T0)
    services.step(alice, talk, "begin", now=T0)
    assert talk.remaining_seconds(at(100)) == 0
    assert talk.remaining_minutes(at(14.9)) == 1


def test_a_new_set_starts_with_a_fresh_clock(alice, pair):
    talk = services.start_talk(alice, pair, EVENING, now=T0)
    services.step(alice, talk, "begin", now=T0)
    walk(alice, talk, 12, now=at(20))
    assert talk.state == TalkState.BETWEEN
    services.step(alice, talk, "continue", now=at(25))
    assert talk.current_set == 1
    assert talk.elapsed_seconds(at(26)) == 60


def test_the_last_question_of_the_last_set_ends_the_evening(alice, pair):
    talk = talking(alice, pair)
    for set_number in range(3):
        walk(alice, talk, 12)
        if set_number < 2:
            services.step(alice, talk, "continue")
    assert talk.state == TalkState.FINISHED
    assert talk.finished_at is not None


def test_back_goes_to_the_previous_question_but_not_before_the_first(alice, pair):
    talk = talking(alice, pair)
    with pytest.raises(services.DeepTalkError):
        services.step(alice, talk, "back")
    walk(alice, talk, 2)
    services.step(alice, talk, "back")
    assert talk.current_question == 1


def test_back_from_between_sets_returns_to_the_last_question(alice, pair):
    talk = talking(alice, pair)
    walk(alice, talk, 12)
    services.step(alice, talk, "back")
    assert talk.state == TalkState.TALKING
    assert talk.current_question == 11


@pytest.mark.parametrize(
    ("state_steps", "action"),
    [
        ([], "next"),
        ([], "pause"),
        (["begin"], "resume"),
        (["begin"], "continue"),
        (["begin", "pause"], "next"),
        (["begin", "finish"], "next"),
        (["begin", "finish"], "resume"),
        (["begin"], "begin"),
        (["begin"], "dance"),
    ],
)
def test_actions_in_the_wrong_state_are_refused_and_change_nothing(
    alice, pair, state_steps, action
):
    talk = services.start_talk(alice, pair, EVENING)
    for earlier in state_steps:
        services.step(alice, talk, earlier)
    before = Talk.objects.values().get(pk=talk.pk)
    with pytest.raises(services.DeepTalkError):
        services.step(alice, talk, action)
    assert Talk.objects.values().get(pk=talk.pk) == before


def test_two_phones_pressing_next_together_move_the_evening_once(alice, bob, pair):
    talk = talking(alice, pair)
    alices_view = Talk.objects.get(pk=talk.pk)
    bobs_view = Talk.objects.get(pk=talk.pk)
    services.step(alice, alices_view, "next")
    with pytest.raises(services.MovedOn):
        services.step(bob, bobs_view, "next")
    assert Talk.objects.get(pk=talk.pk).current_question == 1


def test_a_stale_page_does_not_skip_a_question(alice, bob, pair):
    talk = talking(alice, pair)
    services.step(bob, talk, "next")
    fresh = Talk.objects.get(pk=talk.pk)
    with pytest.raises(services.MovedOn):
        services.step(alice, fresh, "next", at=0)
    assert Talk.objects.get(pk=talk.pk).current_question == 1


def test_a_stale_back_does_not_undo_the_end_of_a_set(alice, bob, pair):
    """Bob ends the set on its last question; alice, still looking at that question,
    presses back: the position is the same, the state is not, so nothing changes."""
    talk = talking(alice, pair)
    for _ in range(11):
        services.step(alice, talk, "next")
    alices_view = Talk.objects.get(pk=talk.pk)
    services.step(bob, Talk.objects.get(pk=talk.pk), "next")
    with pytest.raises(services.MovedOn):
        services.step(
            alice,
            Talk.objects.get(pk=talk.pk),
            "back",
            at=alices_view.position,
            seen_state=alices_view.state,
        )
    assert Talk.objects.get(pk=talk.pk).state == TalkState.BETWEEN


def test_a_pair_has_at_most_one_unfinished_evening(alice, bob, pair):
    services.start_talk(alice, pair, EVENING)
    with pytest.raises(services.DeepTalkError):
        services.start_talk(bob, pair, "evening-two")
    with pytest.raises(IntegrityError), transaction.atomic():
        Talk.objects.create(pair=pair, session="evening-two")


def test_a_finished_evening_makes_room_for_the_next(alice, bob, pair):
    talk = services.start_talk(alice, pair, EVENING)
    services.step(bob, talk, "finish")
    assert services.start_talk(bob, pair, "evening-two").state == TalkState.BEFORE


def test_an_unknown_evening_or_first_speaker_is_refused(alice, pair):
    with pytest.raises(services.DeepTalkError):
        services.start_talk(alice, pair, "evening-nine")
    with pytest.raises(services.DeepTalkError):
        services.start_talk(alice, pair, EVENING, first="the cat")


def test_a_pair_without_a_partner_cannot_start(charlie, charlie_pair):
    with pytest.raises(services.DeepTalkError):
        services.start_talk(charlie, charlie_pair, EVENING)


def test_nothing_moves_once_the_pair_has_ended(alice, bob, pair):
    talk = talking(alice, pair)
    pair_services.leave_pair(pair, bob)
    talk = services.get_talk_for(alice, talk.code)
    with pytest.raises(services.DeepTalkError):
        services.step(alice, talk, "next")
    with pytest.raises(services.DeepTalkError):
        services.add_note(alice, talk, "still here")


def test_closeness_is_one_mark_per_person_and_moment_and_can_be_moved(alice, pair):
    talk = talking(alice, pair)
    services.rate(alice, talk, "before", 3)
    services.rate(alice, talk, "before", 4)
    assert ClosenessRating.objects.get(owner=alice, talk=talk, moment="before").value == 4


@pytest.mark.parametrize("value", [0, 8, -1])
def test_closeness_outside_one_to_seven_is_refused(alice, pair, value):
    from django.core.exceptions import ValidationError

    talk = talking(alice, pair)
    with pytest.raises(ValidationError):
        services.rate(alice, talk, "before", value)
    assert not ClosenessRating.objects.exists()


def test_after_waits_for_the_evening_to_end(alice, pair):
    talk = talking(alice, pair)
    with pytest.raises(services.DeepTalkError):
        services.rate(alice, talk, "after", 5)
    with pytest.raises(services.DeepTalkError):
        services.rate(alice, talk, "during", 5)
    services.step(alice, talk, "finish")
    assert services.rate(alice, talk, "after", 5).value == 5


def test_the_partners_mark_opens_only_once_mine_is_placed(alice, bob, pair):
    talk = talking(alice, pair)
    services.rate(bob, talk, "before", 2)
    sealed = services.closeness_for(alice, talk)
    assert sealed.before.partner is None and sealed.before.partner_sealed
    assert not ClosenessRating.objects.visible_to(alice).filter(owner=bob).exists()
    services.rate(alice, talk, "before", 5)
    opened = services.closeness_for(alice, talk)
    assert opened.before.partner.value == 2
    # "after" is its own moment: still nothing to show there.
    assert opened.after.partner is None and not opened.after.partner_sealed


def test_closeness_for_agrees_with_visible_to(alice, bob, pair):
    talks = [finished(pair, alice, days_ago=d) for d in (3, 2, 1)]
    mark(bob, talks[0], "before", 2)
    mark(bob, talks[1], "before", 3)
    mark(alice, talks[1], "before", 4)
    mark(bob, talks[2], "after", 6)
    found = services.closeness_for_many(alice, talks)
    visible = set(ClosenessRating.objects.visible_to(alice).values_list("pk", flat=True))
    shown = {
        r.pk
        for c in found.values()
        for a in (c.before, c.after)
        for r in (a.mine, a.partner)
        if r is not None
    }
    assert shown == visible


def test_notes_are_always_private_and_length_checked(alice, pair):
    from django.core.exceptions import ValidationError

    talk = talking(alice, pair)
    note = services.add_note(alice, talk, "  remember the lake  ", talk.question.id)
    assert note.visibility == Visibility.PRIVATE
    assert note.text == "remember the lake"
    assert note.question_text == talk.question.text
    with pytest.raises(ValidationError):
        services.add_note(alice, talk, "   ")
    with pytest.raises(ValidationError):
        services.add_note(alice, talk, "x" * (LONG_TEXT + 1))
    with pytest.raises(services.DeepTalkError):
        services.add_note(alice, talk, "about what?", "love-map-001")
    assert TalkNote.objects.count() == 1


def test_a_shared_note_cannot_exist(alice, pair):
    talk = talking(alice, pair)
    with pytest.raises(IntegrityError), transaction.atomic():
        TalkNote.objects.create(
            owner=alice, pair=pair, talk=talk, text="x", visibility=Visibility.SHARED
        )


def test_movement_is_after_minus_before(alice, pair):
    talk = finished(pair, alice)
    assert services.moved(mark(alice, talk, "before", 3), mark(alice, talk, "after", 5)) == 2
    assert services.moved(None, None) is None


def test_talks_of_another_pair_do_not_exist_for_me(alice, pair, charlie):
    talk = talking(alice, pair)
    from django.http import Http404

    with pytest.raises(Http404):
        services.get_talk_for(charlie, talk.code)
    assert services.get_talk_for(alice, talk.code) == talk


def test_created_at_is_now_by_default(alice, pair):
    talk = services.start_talk(alice, pair, EVENING)
    assert abs((timezone.now() - talk.created_at).total_seconds()) < 60
