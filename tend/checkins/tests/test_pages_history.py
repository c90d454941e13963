"""The history page: two local weeks a page, both people side by side, fixed query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.checkins.tests.builders import daily, weekly, years_of_history

URL = reverse("checkins:history")
NOW = dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC)  # Thursday 5 March for alice and bob
TODAY = dt.date(2026, 3, 5)
MONDAY = dt.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def test_it_shows_two_weeks_newest_first(alice, bob, alice_client, pair):
    daily(alice, pair, TODAY, win="alice-thursday")
    daily(bob, pair, TODAY, win="bob-thursday")
    daily(alice, pair, MONDAY - dt.timedelta(days=1), win="alice-last-sunday")
    daily(alice, pair, MONDAY - dt.timedelta(days=8), win="three-weeks-ago")

    response = alice_client.get(URL)
    page = response.context["page"]
    assert [w.week_start for w in page.weeks] == [MONDAY, MONDAY - dt.timedelta(weeks=1)]
    assert (page.start, page.end) == (MONDAY - dt.timedelta(weeks=1), MONDAY + dt.timedelta(6))
    body = response.content.decode()
    assert body.index("alice-thursday") < body.index("alice-last-sunday")
    assert "bob-thursday" in body
    assert "three-weeks-ago" not in body
    assert page.has_older
    assert not page.has_newer

    older = alice_client.get(URL, {"page": 2})
    assert "three-weeks-ago" in older.content.decode()
    assert not older.context["page"].has_older
    assert older.context["page"].has_newer


def test_a_day_with_only_bobs_checkin_says_alice_did_not_check_in(alice_client, bob, pair):
    daily(bob, pair, TODAY - dt.timedelta(days=2), win="bob-tuesday")
    body = alice_client.get(URL).content.decode()
    assert "You did not check in this day." in body
    assert "Sealed until you check in for this day." in body
    assert "bob-tuesday" not in body


def test_days_without_any_checkin_are_left_out(alice, alice_client, pair):
    daily(alice, pair, TODAY - dt.timedelta(days=2))
    page = alice_client.get(URL).context["page"]
    assert [d.day for w in page.weeks for d in w.days] == [TODAY - dt.timedelta(days=2)]


def test_weekly_check_ins_appear_in_their_week(alice, bob, alice_client, pair):
    weekly(alice, pair, MONDAY - dt.timedelta(weeks=1), went_well="alice-last-week")
    weekly(bob, pair, MONDAY - dt.timedelta(weeks=1), went_well="bob-last-week")
    response = alice_client.get(URL)
    week = response.context["page"].weeks[1]
    assert [w.went_well for w in week.mine] == ["alice-last-week"]
    assert week.partner.went_well == "bob-last-week"
    assert "bob-last-week" in response.content.decode()


def test_an_empty_history_teaches_what_goes_there(alice_client, pair):
    response = alice_client.get(URL)
    assert response.context["page"].is_empty
    assert "Nothing written in these two weeks" in response.content.decode()
    assert not response.context["page"].has_older


@pytest.mark.parametrize("raw", ["", "abc", "-3", "0", "99999999999"])
def test_odd_page_numbers_still_show_a_page(alice_client, pair, raw):
    assert alice_client.get(URL, {"page": raw}).status_code == 200


def test_without_a_pair_it_lists_all_of_my_own(alice, bob, alice_client, pair):
    from tend.pairs import services as pair_services

    daily(alice, pair, TODAY - dt.timedelta(days=1), win="in-the-pair")
    daily(bob, pair, TODAY - dt.timedelta(days=1), win="bob-in-the-pair")
    pair_services.leave_pair(pair, bob)
    daily(alice, None, TODAY, win="on-my-own")
    body = alice_client.get(URL).content.decode()
    assert "in-the-pair" in body
    assert "on-my-own" in body
    assert "bob-in-the-pair" not in body


def count_queries(client, url: str) -> int:
    client.get(url)  # warm up anything cached per process
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", [1, 5])
def test_history_runs_the_same_queries_for_a_new_pair_and_years_of_history(
    alice, bob, alice_client, pair, page
):
    url = f"{URL}?page={page}"
    new_pair = count_queries(alice_client, url)

    years_of_history([alice, bob], pair, until=TODAY, days=3 * 365)
    with_history = count_queries(alice_client, url)

    shown = alice_client.get(url).context["page"]
    assert sum(len(week.days) for week in shown.weeks) >= 7
    assert with_history == new_pair
