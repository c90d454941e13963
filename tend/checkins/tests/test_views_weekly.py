"""The weekly "state of us" form: one per local week, starting on Monday."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tend.checkins.models import WeeklyCheckIn
from tend.checkins.tests.builders import weekly
from tend.lib.limits import ANSWER_TEXT
from tend.lib.timezones import week_start

URL = reverse("checkins:weekly")


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "went_well": "Sunday breakfast",
        "was_hard": "Busy evenings",
        "need": "An evening without phones",
        "appreciation": "You picked me up from the station",
        "closeness": "8",
        "visibility": "shared",
    }
    data.update(changes)
    return data


def test_it_creates_this_weeks_state_of_us(alice, alice_client, pair):
    response = alice_client.post(URL, form_data())
    assert response.status_code == 302
    item = WeeklyCheckIn.objects.get(owner=alice)
    assert item.week_start == week_start(alice.local_today())
    assert item.week_start.weekday() == 0
    assert item.closeness == 8
    assert item.need == "An evening without phones"
    assert item.pair == pair


def test_it_uses_the_monday_of_the_local_week(alice, bob, bob_client, pair, monkeypatch):
    # Monday 02:00 UTC is Sunday evening in New York: still last week for bob.
    now = dt.datetime(2026, 3, 9, 2, 0, tzinfo=dt.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    bob_client.post(URL, form_data())
    assert WeeklyCheckIn.objects.get(owner=bob).week_start == dt.date(2026, 3, 2)


def test_it_edits_this_weeks_instead_of_making_a_second(alice, alice_client, pair):
    alice_client.post(URL, form_data())
    response = alice_client.get(URL)
    assert "Sunday breakfast" in response.content.decode()
    alice_client.post(URL, form_data(closeness="3", went_well="A slow morning"))
    item = WeeklyCheckIn.objects.get(owner=alice)
    assert (item.closeness, item.went_well) == (3, "A slow morning")
    assert WeeklyCheckIn.objects.filter(owner=alice).count() == 1


def test_it_leaves_last_weeks_alone(alice, alice_client, pair):
    last = weekly(
        alice, pair, week_start(alice.local_today()) - dt.timedelta(weeks=1), went_well="old"
    )
    alice_client.post(URL, form_data(went_well="new"))
    last.refresh_from_db()
    assert last.went_well == "old"
    assert WeeklyCheckIn.objects.filter(owner=alice).count() == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"need": "n" * (ANSWER_TEXT + 1)},
        {"closeness": "0"},
        {"closeness": "11"},
        {"closeness": ""},
        {"visibility": "public"},
    ],
)
def test_it_saves_nothing_for_bad_input(alice, alice_client, pair, changes):
    response = alice_client.post(URL, form_data(**changes))
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not WeeklyCheckIn.objects.filter(owner=alice).exists()
