from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from tend.checkins.models import DailyCheckIn
from tend.pairs import services as pair_services
from tend.privacy.models import Visibility

DAY = dt.date(2026, 11, 20)


def _checkin(owner, pair, visibility=Visibility.SHARED, day=DAY):
    return DailyCheckIn.objects.create(
        owner=owner, pair=pair, date=day, mood=3, visibility=visibility, win="w"
    )


@pytest.mark.django_db
class TestVisibleTo:
    def test_the_owner_always_sees_their_own(self, alice, pair):
        mine = _checkin(alice, pair, Visibility.PRIVATE)
        assert list(DailyCheckIn.objects.visible_to(alice)) == [mine]

    def test_a_partners_sealed_item_stays_hidden_until_i_answer(self, alice, bob, pair):
        theirs = _checkin(bob, pair)
        assert list(DailyCheckIn.objects.visible_to(alice)) == []
        assert list(DailyCheckIn.objects.sealed_for(alice)) == [theirs]
        _checkin(alice, pair)
        assert theirs in DailyCheckIn.objects.visible_to(alice)
        assert list(DailyCheckIn.objects.sealed_for(alice)) == []

    def test_answering_another_day_does_not_open_it(self, alice, bob, pair):
        _checkin(bob, pair)
        _checkin(alice, pair, day=DAY - dt.timedelta(days=1))
        assert not DailyCheckIn.objects.visible_to(alice).filter(owner=bob).exists()

    def test_a_private_answer_of_mine_does_not_open_the_partners(self, alice, bob, pair):
        _checkin(bob, pair)
        _checkin(alice, pair, Visibility.PRIVATE)
        assert not DailyCheckIn.objects.visible_to(alice).filter(owner=bob).exists()

    def test_a_partners_private_item_never_opens(self, alice, bob, pair):
        _checkin(bob, pair, Visibility.PRIVATE)
        _checkin(alice, pair)
        assert not DailyCheckIn.objects.visible_to(alice).filter(owner=bob).exists()
        assert not DailyCheckIn.objects.sealed_for(alice).exists()

    def test_an_outsider_sees_nothing(self, alice, bob, charlie, pair):
        _checkin(alice, pair)
        _checkin(bob, pair)
        assert not DailyCheckIn.objects.visible_to(charlie).exists()
        assert not DailyCheckIn.objects.sealed_for(charlie).exists()

    def test_anonymous_sees_nothing(self, alice, pair):
        _checkin(alice, pair)
        assert not DailyCheckIn.objects.visible_to(AnonymousUser()).exists()

    def test_leaving_ends_sharing_for_both_at_once(self, alice, bob, pair):
        _checkin(alice, pair)
        _checkin(bob, pair)
        pair_services.leave_pair(pair, bob)
        assert list(DailyCheckIn.objects.visible_to(alice).values_list("owner", flat=True)) == [
            alice.pk
        ]
        assert list(DailyCheckIn.objects.visible_to(bob).values_list("owner", flat=True)) == [
            bob.pk
        ]

    def test_sharing_in_one_pair_does_not_reach_another_pair(self, alice, bob, charlie, pair):
        other = pair_services.create_pair(alice, name="Alice & Charlie", kind="friends")
        pair_services.accept_invite(pair_services.issue_invite(other, alice).token, charlie)
        _checkin(charlie, other)
        _checkin(alice, pair)
        assert not DailyCheckIn.objects.visible_to(alice).filter(owner=charlie).exists()
        assert not DailyCheckIn.objects.visible_to(bob).filter(owner=charlie).exists()


STATES = (None, Visibility.PRIVATE, Visibility.SHARED)


@pytest.mark.django_db
@pytest.mark.parametrize("mine", STATES)
@pytest.mark.parametrize("theirs", STATES)
@pytest.mark.parametrize("pair_open", [True, False])
@pytest.mark.parametrize("cached_pairs", [True, False])
def test_answers_for_agrees_with_visible_to_and_sealed_for(
    alice, bob, pair, mine, theirs, pair_open, cached_pairs
):
    from tend.pairs.access import pairs_of

    own = _checkin(alice, pair, mine) if mine else None
    other = _checkin(bob, pair, theirs) if theirs else None
    _checkin(bob, pair, Visibility.SHARED, day=DAY - dt.timedelta(days=1))  # another key
    if not pair_open:
        pair_services.leave_pair(pair, bob)
        pair.refresh_from_db()
    if cached_pairs:
        pairs_of(alice)
    answers = DailyCheckIn.objects.answers_for(alice, pair, date=DAY)
    visible = set(DailyCheckIn.objects.visible_to(alice).filter(pair=pair, date=DAY))
    sealed = DailyCheckIn.objects.sealed_for(alice).filter(pair=pair, date=DAY).exists()
    assert answers.mine == own
    assert {a for a in (answers.mine, answers.partner) if a} == visible
    assert answers.partner_sealed == sealed
    if other is not None and other not in visible:
        assert answers.partner is None


@pytest.mark.django_db
def test_answers_for_without_a_pair_gives_my_solo_item(alice):
    solo = DailyCheckIn.objects.create(owner=alice, pair=None, date=DAY, mood=3)
    answers = DailyCheckIn.objects.answers_for(alice, None, date=DAY)
    assert (answers.mine, answers.partner, answers.partner_sealed) == (solo, None, False)
