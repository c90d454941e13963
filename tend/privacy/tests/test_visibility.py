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
