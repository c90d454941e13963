"""The daily check-in form: creating, editing, and refusing bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tend.checkins.models import DailyCheckIn
from tend.checkins.tests.builders import daily
from tend.lib.limits import ANSWER_TEXT
from tend.privacy.models import Visibility

URL = reverse("checkins:daily")


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "mood": "4",
        "feelings": ["calm", "grateful"],
        "win": "We cooked together",
        "challenge": "A long meeting",
        "carrying": "Some worry about work",
        "support": "A walk after dinner",
        "visibility": "shared",
    }
    data.update(changes)
    return data


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_shows_an_empty_form_with_the_text_limit(alice_client, pair):
    response = alice_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="mood-scale"' in body
    assert 'class="chips"' in body
    assert f"Up to {ANSWER_TEXT} characters" in body
    assert "opens for you only when yours is shared" in body


def test_it_creates_todays_checkin_in_the_current_pair(alice, alice_client, pair):
    response = alice_client.post(URL, form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("today:today")
    item = DailyCheckIn.objects.get(owner=alice)
    assert item.pair == pair
    assert item.date == alice.local_today()
    assert item.mood == 4
    assert item.feelings == ["calm", "grateful"]
    assert item.win == "We cooked together"
    assert item.visibility == Visibility.SHARED


def test_it_uses_the_local_date_of_the_person(alice, bob, bob_client, pair, monkeypatch):
    # 03:00 UTC: already 5 March in Berlin, still 4 March in New York.
    now = dt.datetime(2026, 3, 5, 3, 0, tzinfo=dt.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    bob_client.post(URL, form_data())
    assert DailyCheckIn.objects.get(owner=bob).date == dt.date(2026, 3, 4)


def test_it_edits_todays_checkin_instead_of_making_a_second(alice, alice_client, pair):
    alice_client.post(URL, form_data())
    response = alice_client.get(URL)
    assert "We cooked together" in response.content.decode()
    assert "Edit today" in response.content.decode()

    alice_client.post(URL, form_data(mood="2", win="Slept well", visibility="private"))
    item = DailyCheckIn.objects.get(owner=alice)
    assert item.mood == 2
    assert item.win == "Slept well"
    assert item.visibility == Visibility.PRIVATE
    assert DailyCheckIn.objects.filter(owner=alice).count() == 1


def test_it_leaves_yesterdays_checkin_alone(alice, alice_client, pair):
    yesterday = daily(alice, pair, alice.local_today() - dt.timedelta(days=1), win="old")
    alice_client.post(URL, form_data(win="new"))
    yesterday.refresh_from_db()
    assert yesterday.win == "old"
    assert DailyCheckIn.objects.get(owner=alice, date=alice.local_today()).win == "new"


@pytest.mark.parametrize(
    "changes",
    [
        {"win": "x" * (ANSWER_TEXT + 1)},
        {"support": "y" * (ANSWER_TEXT + 1)},
        {"mood": "0"},
        {"mood": "6"},
        {"mood": "happy"},
        {"mood": ""},
        {"feelings": ["calm", "smug"]},
        {"visibility": "everyone"},
    ],
)
def test_it_saves_nothing_for_bad_input(alice, alice_client, pair, changes):
    response = alice_client.post(URL, form_data(**changes))
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not DailyCheckIn.objects.filter(owner=alice).exists()


def test_bad_input_on_edit_keeps_the_saved_checkin(alice, alice_client, pair):
    alice_client.post(URL, form_data())
    response = alice_client.post(URL, form_data(win="z" * (ANSWER_TEXT + 1), mood="5"))
    assert response.status_code == 200
    item = DailyCheckIn.objects.get(owner=alice)
    assert item.win == "We cooked together"
    assert item.mood == 4


def test_it_shows_the_service_message_when_a_checkin_raced_in(
    alice, alice_client, pair, monkeypatch
):
    from tend.checkins import services

    # The form saw no check-in yet; another request saved one in between.
    monkeypatch.setattr(services, "todays_daily", lambda user, pair: None)
    daily(alice, pair, alice.local_today(), win="first")
    response = alice_client.post(URL, form_data(win="second"))
    assert response.status_code == 200
    assert "already checked in today" in response.content.decode()
    assert DailyCheckIn.objects.get(owner=alice).win == "first"


def test_without_a_pair_the_checkin_is_solo_and_private(charlie, charlie_client):
    response = charlie_client.get(URL)
    assert 'name="visibility"' not in response.content.decode()
    assert "on your own" in response.content.decode()
    charlie_client.post(URL, form_data())
    item = DailyCheckIn.objects.get(owner=charlie)
    assert item.pair is None
    assert item.visibility == Visibility.PRIVATE


def test_after_the_pair_ended_new_checkins_are_solo(alice, bob, alice_client, pair):
    from tend.pairs import services as pair_services

    pair_services.leave_pair(pair, bob)
    alice_client.post(URL, form_data())
    assert DailyCheckIn.objects.get(owner=alice).pair is None
