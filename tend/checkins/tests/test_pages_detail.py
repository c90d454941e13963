"""Detail pages of one check-in, found by its code."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tend.checkins.tests.builders import daily, weekly
from tend.lib.timezones import week_start


def test_the_writer_sees_their_checkin_and_can_edit_it_today(alice, alice_client, pair):
    item = daily(
        alice,
        pair,
        alice.local_today(),
        mood=5,
        win="line one\nline two",
        feelings=["calm", "proud"],
    )
    response = alice_client.get(reverse("checkins:daily_detail", args=[item.code]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "line one<br>line two" in body
    assert "proud" in body
    assert "Great" in body
    assert reverse("checkins:daily") in body
    assert "Shared with your pair" in body


def test_an_earlier_checkin_has_no_edit_link(alice, alice_client, pair):
    item = daily(alice, pair, alice.local_today() - dt.timedelta(days=1))
    response = alice_client.get(reverse("checkins:daily_detail", args=[item.code]))
    assert response.context["can_edit"] is False


def test_an_unknown_code_is_not_found(alice_client, pair):
    assert alice_client.get(reverse("checkins:daily_detail", args=["nope"])).status_code == 404
    assert alice_client.get(reverse("checkins:weekly_detail", args=["nope"])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, alice, pair):
    item = daily(alice, pair, alice.local_today())
    response = client.get(reverse("checkins:daily_detail", args=[item.code]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_weekly_detail_shows_the_partners_opened_one(alice, bob, alice_client, pair):
    monday = week_start(alice.local_today())
    weekly(alice, pair, monday, closeness=4)
    bobs = weekly(bob, pair, monday, closeness=9, went_well="bob-week")
    response = alice_client.get(reverse("checkins:weekly_detail", args=[bobs.code]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bob's state of us" in body
    assert "bob-week" in body
    assert response.context["can_edit"] is False
