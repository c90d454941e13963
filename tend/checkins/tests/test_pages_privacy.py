"""Sealed, private and ended: what each person sees of check-ins on every page.

Alice (Berlin) and bob (New York) are a pair; charlie (Tokyo) is an outsider.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.checkins.tests.builders import daily, weekly
from tend.lib.timezones import week_start
from tend.pairs import services as pair_services

# 15:00 UTC: 16:00 in Berlin, 10:00 in New York, midnight in Tokyo; 5 March for
# alice and bob alike.
NOON = dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 3, 5)
BOB_WIN = "bob-win-walked-the-dog"
BOB_WEEK = "bob-week-the-picnic"


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOON)


def pages(client, *codes: str) -> str:
    """Every check-in page a person might look at, as one text."""
    urls = [
        reverse("today:today"),
        reverse("checkins:history"),
        reverse("checkins:chart") + "?days=30",
        reverse("checkins:daily"),
        reverse("checkins:weekly"),
    ]
    out = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        out.append(response.content.decode())
    return "\n".join(out)


def alice_checks_in(alice_client, visibility: str = "shared") -> None:
    response = alice_client.post(
        reverse("checkins:daily"), {"mood": "3", "win": "alice-win", "visibility": visibility}
    )
    assert response.status_code == 302


def detail(client, item: DailyCheckIn) -> int:
    return client.get(reverse("checkins:daily_detail", args=[item.code])).status_code


def test_bobs_checkin_is_sealed_for_alice_until_she_checks_in(alice_client, bob, pair):
    bobs = daily(bob, pair, DAY, mood=2, win=BOB_WIN)

    today = alice_client.get(reverse("today:today")).content.decode()
    assert "Bob has checked in — yours opens theirs." in today
    assert BOB_WIN not in today
    history = alice_client.get(reverse("checkins:history")).content.decode()
    assert "Sealed until you check in for this day." in history
    assert BOB_WIN not in history
    assert detail(alice_client, bobs) == 404
    assert BOB_WIN not in pages(alice_client)

    alice_checks_in(alice_client)

    today = alice_client.get(reverse("today:today")).content.decode()
    assert BOB_WIN in today
    assert "has checked in" not in today
    history = alice_client.get(reverse("checkins:history")).content.decode()
    assert BOB_WIN in history
    assert "Sealed until" not in history
    assert detail(alice_client, bobs) == 200
    assert (
        BOB_WIN
        in alice_client.get(reverse("checkins:daily_detail", args=[bobs.code])).content.decode()
    )


def test_alices_private_checkin_does_not_open_bobs(alice_client, bob, pair):
    bobs = daily(bob, pair, DAY, win=BOB_WIN)
    alice_checks_in(alice_client, visibility="private")
    today = alice_client.get(reverse("today:today")).content.decode()
    assert "Share your check-in with the pair to open theirs." in today
    assert BOB_WIN not in pages(alice_client)
    assert detail(alice_client, bobs) == 404


def test_the_chart_shows_bobs_mood_only_once_opened(alice_client, bob, pair):
    daily(bob, pair, DAY, mood=1)
    chart = alice_client.get(reverse("checkins:chart")).context
    assert [p.partner for p in chart["mood"]] == []
    alice_checks_in(alice_client)
    chart = alice_client.get(reverse("checkins:chart")).context
    assert [(p.mine, p.partner) for p in chart["mood"]] == [(3, 1)]


def test_a_sealed_weekly_opens_when_alice_writes_hers(alice_client, bob, pair):
    bobs = weekly(bob, pair, week_start(DAY), closeness=9, went_well=BOB_WEEK)
    today = alice_client.get(reverse("today:today")).content.decode()
    assert "Bob has written this week's — yours opens theirs." in today
    assert BOB_WEEK not in pages(alice_client)
    url = reverse("checkins:weekly_detail", args=[bobs.code])
    assert alice_client.get(url).status_code == 404

    alice_client.post(reverse("checkins:weekly"), {"closeness": "6", "visibility": "shared"})
    assert BOB_WEEK in alice_client.get(reverse("today:today")).content.decode()
    assert BOB_WEEK in alice_client.get(reverse("checkins:history")).content.decode()
    assert alice_client.get(url).status_code == 200


def test_a_private_checkin_of_bob_never_reaches_alice(alice_client, bob, pair):
    secret = "bob-private-thought"
    bobs = daily(bob, pair, DAY, mood=1, win=secret, private=True)
    bobs_week = weekly(bob, pair, week_start(DAY), went_well=secret, private=True)
    alice_checks_in(alice_client)
    alice_client.post(reverse("checkins:weekly"), {"closeness": "6", "visibility": "shared"})

    text = pages(alice_client)
    assert secret not in text
    # Not even the fact that bob wrote something: a private check-in is not "sealed".
    assert "Bob has checked in" not in text
    assert "Bob hasn't checked in yet today." in text
    assert "Sealed" not in text
    assert detail(alice_client, bobs) == 404
    assert (
        alice_client.get(reverse("checkins:weekly_detail", args=[bobs_week.code])).status_code
        == 404
    )
    chart = alice_client.get(reverse("checkins:chart")).context
    assert all(p.partner is None for p in chart["mood"])


def test_charlie_sees_nothing_of_alice_and_bob(alice, bob, alice_client, charlie_client, pair):
    bobs = daily(bob, pair, DAY, win=BOB_WIN)
    alice_checks_in(alice_client)
    alices = DailyCheckIn.objects.get(owner=alice)
    bobs_week = weekly(bob, pair, week_start(DAY), went_well=BOB_WEEK)

    text = pages(charlie_client)
    for word in (BOB_WIN, BOB_WEEK, "alice-win", "Bob", "Alice"):
        assert word not in text
    assert detail(charlie_client, bobs) == 404
    assert detail(charlie_client, alices) == 404
    assert (
        charlie_client.get(reverse("checkins:weekly_detail", args=[bobs_week.code])).status_code
        == 404
    )


def test_charlie_in_his_own_pair_sees_nothing_either(
    bob, charlie, charlie_client, pair, charlie_pair
):
    bobs = daily(bob, pair, DAY, win=BOB_WIN)
    daily(charlie, charlie_pair, charlie.local_today(), win="charlie-own")
    assert BOB_WIN not in pages(charlie_client)
    assert detail(charlie_client, bobs) == 404


def test_after_bob_leaves_alice_no_longer_sees_his_checkins(alice, bob, alice_client, pair):
    earlier = DAY - dt.timedelta(days=3)
    daily(alice, pair, earlier, win="alice-earlier")
    bobs_earlier = daily(bob, pair, earlier, win="bob-earlier")
    bobs = daily(bob, pair, DAY, win=BOB_WIN)
    bobs_week = weekly(bob, pair, week_start(DAY), went_well=BOB_WEEK)
    alice_checks_in(alice_client)
    alice_client.post(reverse("checkins:weekly"), {"closeness": "6", "visibility": "shared"})
    text = pages(alice_client)
    assert BOB_WIN in text
    assert "bob-earlier" in text
    assert BOB_WEEK in text

    pair_services.leave_pair(pair, bob)

    text = pages(alice_client)
    for word in (BOB_WIN, "bob-earlier", BOB_WEEK, "Sealed"):
        assert word not in text
    # Alice keeps what she wrote.
    assert "alice-earlier" in text
    assert detail(alice_client, bobs) == 404
    assert detail(alice_client, bobs_earlier) == 404
    assert (
        alice_client.get(reverse("checkins:weekly_detail", args=[bobs_week.code])).status_code
        == 404
    )
    assert WeeklyCheckIn.objects.filter(owner=bob).exists()


class TestAPartnerInAnotherTimeZone:
    """Today is each viewer's own local date; the partner's check-in matches on that date value."""

    # 03:00 UTC: 5 March 04:00 in Berlin, still 4 March 22:00 in New York.
    EARLY = dt.datetime(2026, 3, 5, 3, 0, tzinfo=dt.UTC)

    def test_bobs_evening_checkin_belongs_to_his_own_date(
        self, alice, bob, alice_client, bob_client, pair, monkeypatch
    ):
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.EARLY)
        bob_client.post(
            reverse("checkins:daily"),
            {"mood": "4", "win": "bob-on-the-4th", "visibility": "shared"},
        )
        assert DailyCheckIn.objects.get(owner=bob).date == dt.date(2026, 3, 4)

        # For alice it is already the 5th: bob has not checked in for *her* today.
        today = alice_client.get(reverse("today:today")).content.decode()
        assert "Bob hasn't checked in yet today." in today
        alice_checks_in(alice_client)
        assert DailyCheckIn.objects.get(owner=alice).date == dt.date(2026, 3, 5)
        text = alice_client.get(reverse("today:today")).content.decode()
        assert "bob-on-the-4th" not in text

        # Bob's 4th stays sealed for alice: she has no check-in dated the 4th.
        history = alice_client.get(reverse("checkins:history")).content.decode()
        assert "bob-on-the-4th" not in history
        assert "Sealed until you check in for this day." in history

        # Bob still lives on the 4th: alice's check-in of the 5th is not his today.
        bob_today = bob_client.get(reverse("today:today")).content.decode()
        assert "Alice hasn't checked in yet today." in bob_today

    def test_both_check_ins_for_the_same_date_open_each_other(
        self, alice, bob, alice_client, bob_client, pair, monkeypatch
    ):
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.EARLY)
        alice_checks_in(alice_client)
        later = dt.datetime(2026, 3, 5, 14, 0, tzinfo=dt.UTC)  # 09:00 on the 5th in New York
        monkeypatch.setattr("django.utils.timezone.now", lambda: later)
        bob_today = bob_client.get(reverse("today:today")).content.decode()
        assert "Alice has checked in — yours opens theirs." in bob_today
        bob_client.post(
            reverse("checkins:daily"),
            {"mood": "5", "win": "bob-on-the-5th", "visibility": "shared"},
        )
        assert "bob-on-the-5th" in alice_client.get(reverse("today:today")).content.decode()
        assert "alice-win" in bob_client.get(reverse("today:today")).content.decode()
