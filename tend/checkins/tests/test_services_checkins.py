"""The check-in services refuse what the forms refuse, and a second check-in for a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tend.checkins import services
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.checkins.tests.builders import daily
from tend.lib.limits import ANSWER_TEXT


def test_a_second_daily_checkin_for_the_same_date_is_refused(alice, pair):
    services.record_daily(alice, pair, {"mood": 3})
    with pytest.raises(services.CheckInError):
        services.record_daily(alice, pair, {"mood": 4})
    assert DailyCheckIn.objects.filter(owner=alice).count() == 1


def test_a_second_weekly_checkin_for_the_same_week_is_refused(alice, pair):
    services.record_weekly(alice, pair, {"closeness": 5})
    with pytest.raises(services.CheckInError):
        services.record_weekly(alice, pair, {"closeness": 6})
    assert WeeklyCheckIn.objects.filter(owner=alice).count() == 1


@pytest.mark.parametrize("mood", [0, 6])
def test_a_mood_outside_1_to_5_saves_nothing(alice, pair, mood):
    with pytest.raises(ValidationError):
        services.record_daily(alice, pair, {"mood": mood})
    assert not DailyCheckIn.objects.exists()


def test_over_long_text_saves_nothing(alice, pair):
    with pytest.raises(ValidationError):
        services.record_daily(alice, pair, {"mood": 3, "win": "w" * (ANSWER_TEXT + 1)})
    assert not DailyCheckIn.objects.exists()


def test_a_checkin_of_an_earlier_day_cannot_be_changed(alice, pair):
    old = daily(alice, pair, alice.local_today() - dt.timedelta(days=1), win="as it was")
    with pytest.raises(services.CheckInError):
        services.update_daily(alice, old, {"win": "rewritten"})
    old.refresh_from_db()
    assert old.win == "as it was"


def test_nobody_else_can_change_a_checkin(alice, bob, pair):
    item = services.record_daily(alice, pair, {"mood": 3, "win": "mine"})
    with pytest.raises(services.CheckInError):
        services.update_daily(bob, item, {"win": "not yours"})
    item.refresh_from_db()
    assert item.win == "mine"
