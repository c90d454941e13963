"""The Today page: welcome, teaching empty states, check-in panels, fixed query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.checkins.tests.builders import daily, weekly, years_of_history
from tend.lib.timezones import week_start
from tend.pairs import services as pair_services

URL = reverse("today:today")
NOW = dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC)  # 5 March for alice and bob
TODAY = dt.date(2026, 3, 5)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def text(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_get_a_welcome_with_sign_up_and_log_in(client, db):
    body = text(client)
    assert "small habits for staying close" in body
    assert reverse("accounts:signup") in body
    assert reverse("accounts:login") in body


def test_a_newcomer_without_a_pair_learns_what_to_do(charlie_client):
    body = text(charlie_client)
    assert "Welcome to Tend" in body
    assert reverse("pairs:create") in body
    assert "check in on your own" in body
    assert reverse("checkins:daily") in body
    assert "hasn't checked in" not in body


def test_a_pair_waiting_for_the_invitee_says_so(charlie_client, charlie_pair):
    body = text(charlie_client)
    assert "Waiting for the other person" in body
    assert reverse("pairs:detail", args=[charlie_pair.code]) in body
    assert "Welcome to Tend" not in body


def test_a_pair_with_nobody_checked_in_invites_both(alice_client, pair):
    body = text(alice_client)
    assert "Check in now" in body
    assert "Bob hasn't checked in yet today." in body
    assert "Bob hasn't written this week's yet." in body
    assert "Waiting for the other person" not in body
    assert "Welcome to Tend" not in body


def test_after_checking_in_alice_sees_her_summary_and_an_edit_link(alice, alice_client, pair):
    mine = daily(alice, pair, TODAY, mood=5, win="alice-today")
    body = text(alice_client)
    assert "alice-today" in body
    assert reverse("checkins:daily_detail", args=[mine.code]) in body
    assert "Check in now" not in body


def test_yesterdays_checkin_is_not_todays(alice, alice_client, pair):
    daily(alice, pair, TODAY - dt.timedelta(days=1), win="alice-yesterday")
    body = text(alice_client)
    assert "alice-yesterday" not in body
    assert "Check in now" in body


def test_this_weeks_state_of_us_shows_both_once_written(alice, bob, alice_client, pair):
    weekly(alice, pair, week_start(TODAY), closeness=6, went_well="alice-week")
    weekly(bob, pair, week_start(TODAY), closeness=8, went_well="bob-week")
    body = text(alice_client)
    assert "alice-week" in body
    assert "bob-week" in body


def test_after_the_pair_ended_alice_is_told_and_keeps_checking_in_alone(
    alice, bob, alice_client, pair
):
    pair_services.leave_pair(pair, bob)
    body = text(alice_client)
    assert "The pair you were in has ended." in body
    assert "Bob" not in body
    assert "Check in now" in body


def count_queries(client) -> int:
    client.get(URL)  # warm up anything cached per process
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_today_runs_the_same_queries_for_a_new_pair_and_years_of_history(
    alice, bob, alice_client, pair
):
    new_pair = count_queries(alice_client)
    years_of_history([alice, bob], pair, until=TODAY, days=3 * 365)
    assert count_queries(alice_client) == new_pair


def test_today_runs_the_same_queries_once_both_checked_in_today(alice, bob, alice_client, pair):
    daily(alice, pair, TODAY)
    daily(bob, pair, TODAY)
    weekly(alice, pair, week_start(TODAY))
    weekly(bob, pair, week_start(TODAY))
    new_pair = count_queries(alice_client)
    years_of_history([alice, bob], pair, until=TODAY, days=3 * 365)
    assert count_queries(alice_client) == new_pair


def test_a_newcomer_costs_no_more_queries_than_a_pair(alice, alice_client, charlie_client, pair):
    assert count_queries(charlie_client) <= count_queries(alice_client)
