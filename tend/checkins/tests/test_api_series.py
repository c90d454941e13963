"""API: mood and closeness series for charts carry only what is open to the reader."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.privacy.models import Visibility

SERIES = "/api/v1/checkins/series"
NOW = dt.datetime(2026, 3, 11, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 11)
MONDAY = dt.date(2026, 3, 9)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def daily(owner, pair, days_ago, mood, visibility=Visibility.SHARED):
    day = TODAY - dt.timedelta(days=days_ago)
    DailyCheckIn.objects.create(owner=owner, pair=pair, date=day, mood=mood, visibility=visibility)


def weekly(owner, pair, weeks_ago, closeness):
    monday = MONDAY - dt.timedelta(weeks=weeks_ago)
    WeeklyCheckIn.objects.create(owner=owner, pair=pair, week_start=monday, closeness=closeness)


@pytest.mark.django_db
class TestSeries:
    def test_it_charts_only_what_is_open_to_me(self, alice_client, alice, bob, pair):
        daily(alice, pair, 2, mood=4)
        daily(bob, pair, 2, mood=2)  # opened: alice checked in that day too
        daily(bob, pair, 1, mood=1)  # sealed: alice did not
        daily(alice, pair, 0, mood=5)
        daily(bob, pair, 0, mood=3, visibility=Visibility.PRIVATE)  # never shared
        weekly(alice, pair, 1, closeness=8)
        weekly(bob, pair, 1, closeness=6)
        weekly(bob, pair, 0, closeness=2)  # sealed

        r = alice_client.get(SERIES, {"pair": pair.code, "days": 30})
        assert r.status_code == 200
        body = r.json()
        assert body["partner_name"] == "Bob"
        assert body["until"] == TODAY.isoformat()
        assert body["since"] == (TODAY - dt.timedelta(days=29)).isoformat()
        assert body["mood"] == [
            {"date": "2026-03-09", "mine": 4, "partner": 2},
            {"date": "2026-03-11", "mine": 5, "partner": None},
        ]
        assert body["closeness"] == [{"week_start": "2026-03-02", "mine": 8, "partner": 6}]

    def test_it_covers_only_the_days_asked_for(self, alice_client, alice, pair):
        daily(alice, pair, 10, mood=2)
        daily(alice, pair, 3, mood=4)
        body = alice_client.get(SERIES, {"pair": pair.code, "days": 7}).json()
        assert [p["date"] for p in body["mood"]] == ["2026-03-08"]

    @pytest.mark.parametrize("days", [0, 731, "many"])
    def test_it_refuses_a_range_out_of_bounds(self, alice_client, pair, days):
        assert alice_client.get(SERIES, {"pair": pair.code, "days": days}).status_code == 422

    def test_charlie_gets_404_on_alices_series(self, charlie_client, alice, pair):
        daily(alice, pair, 0, mood=5)
        assert charlie_client.get(SERIES, {"pair": pair.code}).status_code == 404
        assert charlie_client.get(SERIES).json()["mood"] == []
