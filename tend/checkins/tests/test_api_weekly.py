"""API: the weekly "state of us", sealed until both wrote it for the same week."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tend.checkins.models import WeeklyCheckIn
from tend.lib.limits import ANSWER_TEXT
from tend.privacy.models import Visibility

WEEKLY = "/api/v1/checkins/weekly"
JSON = "application/json"
# A Wednesday: the week starts on Monday 9 March for alice (Berlin) and bob (New York).
NOW = dt.datetime(2026, 3, 11, 15, 0, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 3, 9)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def weekly(owner, pair, monday=MONDAY, visibility=Visibility.SHARED, **fields):
    fields.setdefault("closeness", 6)
    return WeeklyCheckIn.objects.create(
        owner=owner, pair=pair, week_start=monday, visibility=visibility, **fields
    )


def post(client, pair=None, **fields):
    body = {"closeness": 7, **fields}
    if pair is not None:
        body["pair"] = pair.code
    return client.post(WEEKLY, body, content_type=JSON)


def codes(response) -> list[str]:
    return [item["code"] for item in response.json()["items"]]


@pytest.mark.django_db
class TestWeekly:
    def test_it_records_this_weeks_state_of_us(self, alice_client, alice, pair):
        r = post(alice_client, pair, went_well="Sunday walk", need="More sleep")
        assert r.status_code == 201
        item = WeeklyCheckIn.objects.get(code=r.json()["code"])
        assert (item.owner, item.pair, item.week_start, item.closeness) == (alice, pair, MONDAY, 7)
        assert item.went_well == "Sunday walk"
        assert r.json()["week_start"] == MONDAY.isoformat()
        assert r.json()["can_edit"] is True

    def test_it_refuses_a_second_one_for_the_same_week(self, alice_client, pair):
        assert post(alice_client, pair).status_code == 201
        r = post(alice_client, pair, closeness=2)
        assert r.status_code == 409
        assert WeeklyCheckIn.objects.get().closeness == 7

    @pytest.mark.parametrize("closeness", [0, 11, 5.5, "close"])
    def test_it_refuses_closeness_outside_1_to_10(self, alice_client, pair, closeness):
        r = post(alice_client, pair, closeness=closeness)
        assert r.status_code == 422
        assert r.json()["errors"][0]["field"] == "closeness"
        assert not WeeklyCheckIn.objects.exists()

    def test_it_refuses_over_long_text(self, alice_client, pair):
        r = post(alice_client, pair, appreciation="x" * (ANSWER_TEXT + 1))
        assert r.status_code == 422
        assert not WeeklyCheckIn.objects.exists()

    def test_it_keeps_bobs_week_sealed_until_alice_writes_hers(self, alice_client, bob, pair):
        theirs = weekly(bob, pair, appreciation="Thanks for the soup")
        current = alice_client.get(f"{WEEKLY}/current", {"pair": pair.code}).json()
        assert current["week_start"] == MONDAY.isoformat()
        assert current["partner"] == {"display_name": "Bob", "state": "sealed", "checkin": None}
        assert codes(alice_client.get(WEEKLY, {"pair": pair.code})) == []
        assert alice_client.get(f"{WEEKLY}/{theirs.code}").status_code == 404

        post(alice_client, pair)
        current = alice_client.get(f"{WEEKLY}/current", {"pair": pair.code}).json()
        assert current["partner"]["state"] == "open"
        assert current["partner"]["checkin"]["appreciation"] == "Thanks for the soup"
        assert theirs.code in codes(alice_client.get(WEEKLY, {"pair": pair.code}))

    def test_bobs_private_week_never_reaches_alice(self, alice_client, bob, pair):
        theirs = weekly(bob, pair, visibility=Visibility.PRIVATE, was_hard="a hard secret")
        post(alice_client, pair)
        current = alice_client.get(f"{WEEKLY}/current", {"pair": pair.code})
        assert current.json()["partner"]["state"] == "none"
        assert "hard secret" not in current.content.decode()
        assert alice_client.get(f"{WEEKLY}/{theirs.code}").status_code == 404

    def test_it_changes_my_week_while_it_lasts(self, alice_client, alice, pair):
        mine = weekly(alice, pair)
        r = alice_client.put(
            f"{WEEKLY}/{mine.code}", {"closeness": 9, "need": "A day off"}, content_type=JSON
        )
        assert r.status_code == 200
        mine.refresh_from_db()
        assert (mine.closeness, mine.need) == (9, "A day off")

    def test_it_will_not_change_an_earlier_week(self, alice_client, alice, pair):
        old = weekly(alice, pair, monday=MONDAY - dt.timedelta(weeks=1))
        r = alice_client.put(f"{WEEKLY}/{old.code}", {"closeness": 9}, content_type=JSON)
        assert r.status_code == 400
        old.refresh_from_db()
        assert old.closeness == 6

    def test_it_will_not_let_alice_change_bobs_week(self, alice_client, alice, bob, pair):
        theirs = weekly(bob, pair)
        weekly(alice, pair)
        r = alice_client.put(f"{WEEKLY}/{theirs.code}", {"closeness": 1}, content_type=JSON)
        assert r.status_code == 404
        theirs.refresh_from_db()
        assert theirs.closeness == 6

    def test_charlie_gets_404_on_alices_weeks(self, charlie_client, alice, pair):
        mine = weekly(alice, pair)
        assert charlie_client.get(f"{WEEKLY}/{mine.code}").status_code == 404
        assert charlie_client.get(WEEKLY, {"pair": pair.code}).status_code == 404
        assert charlie_client.get(f"{WEEKLY}/current", {"pair": pair.code}).status_code == 404
        assert codes(charlie_client.get(WEEKLY)) == []

    def test_it_records_a_solo_week(self, charlie_client):
        r = post(charlie_client)
        assert r.status_code == 201
        current = charlie_client.get(f"{WEEKLY}/current").json()
        assert current["mine"]["code"] == r.json()["code"]
        assert current["partner"] is None
