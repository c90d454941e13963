"""The chart page: mood and closeness over time, with the same numbers as a table."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from tend.checkins.tests.builders import daily, weekly
from tend.lib.timezones import week_start

URL = reverse("checkins:chart")
NOW = dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 5)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def embedded(body: str, element_id: str) -> dict:
    start = body.index(f'id="{element_id}"')
    start = body.index(">", start) + 1
    return json.loads(body[start : body.index("</script>", start)])


def test_it_charts_both_moods_for_opened_days(alice, bob, alice_client, pair):
    for offset, (mine, theirs) in enumerate([(4, 2), (3, 5)]):
        day = TODAY - dt.timedelta(days=offset)
        daily(alice, pair, day, mood=mine)
        daily(bob, pair, day, mood=theirs)
    response = alice_client.get(URL)
    body = response.content.decode()
    data = embedded(body, "mood-data")
    # Every day of the range has a slot, so the days without check-ins show as gaps.
    assert len(data["labels"]) == 90
    assert data["labels"][-2:] == ["4 Mar 2026", "5 Mar 2026"]
    assert data["datasets"][0]["data"][-3:] == [None, 3, 4]
    assert data["datasets"][1]["label"] == "Bob"
    assert data["datasets"][1]["data"][-3:] == [None, 5, 2]
    assert "vendor/chartjs/chart.umd.min.js" in body
    assert "checkins/charts.js" in body
    assert "<caption>" in body


def test_the_range_selector_limits_the_days(alice, alice_client, pair):
    daily(alice, pair, TODAY - dt.timedelta(days=60), mood=2)
    daily(alice, pair, TODAY, mood=4)
    short = alice_client.get(URL, {"days": 30}).context
    assert [p.mine for p in short["mood"]] == [4]
    long = alice_client.get(URL, {"days": 90}).context
    assert [p.mine for p in long["mood"]] == [2, 4]


@pytest.mark.parametrize("raw", ["7", "abc", ""])
def test_an_unknown_range_falls_back_to_90_days(alice_client, pair, raw):
    response = alice_client.get(URL, {"days": raw})
    assert response.status_code == 200
    assert response.context["days"] == 90


def test_it_charts_closeness_by_week(alice, bob, alice_client, pair):
    monday = week_start(TODAY)
    weekly(alice, pair, monday - dt.timedelta(weeks=1), closeness=6)
    weekly(bob, pair, monday - dt.timedelta(weeks=1), closeness=8)
    weekly(alice, pair, monday, closeness=7)
    body = alice_client.get(URL).content.decode()
    data = embedded(body, "closeness-data")
    assert data["labels"][-2:] == ["23 Feb 2026", "2 Mar 2026"]
    assert data["datasets"][0]["data"][-3:] == [None, 6, 7]
    assert data["datasets"][1]["data"][-3:] == [None, 8, None]
    assert data["y_max"] == 10


def test_with_nothing_yet_it_invites_a_first_checkin(alice_client, pair):
    body = alice_client.get(URL).content.decode()
    assert "mood-data" not in body
    assert "No check-ins in this time yet." in body
