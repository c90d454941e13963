"""API: daily check-ins, sealed until both checked in for the same date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tend.checkins.models import DailyCheckIn
from tend.lib.limits import ANSWER_TEXT
from tend.pairs import services as pair_services
from tend.privacy.models import Visibility

DAILY = "/api/v1/checkins/daily"
JSON = "application/json"
# A Wednesday afternoon in Berlin (alice) and late morning in New York (bob): the same date.
NOW = dt.datetime(2026, 3, 11, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 11)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def checkin(owner, pair, day=TODAY, visibility=Visibility.SHARED, **fields):
    fields.setdefault("mood", 3)
    return DailyCheckIn.objects.create(
        owner=owner, pair=pair, date=day, visibility=visibility, **fields
    )


def post(client, pair=None, **fields):
    body = {"mood": 4, **fields}
    if pair is not None:
        body["pair"] = pair.code
    return client.post(DAILY, body, content_type=JSON)


def codes(response) -> list[str]:
    return [item["code"] for item in response.json()["items"]]


@pytest.mark.django_db
class TestCreate:
    def test_it_records_a_check_in_in_my_pair_for_my_local_today(self, alice_client, alice, pair):
        r = post(alice_client, pair, feelings=["calm", "hopeful", "calm"], win="Finished the shelf")
        assert r.status_code == 201
        body = r.json()
        item = DailyCheckIn.objects.get(code=body["code"])
        assert (item.owner, item.pair, item.date, item.mood) == (alice, pair, TODAY, 4)
        assert item.feelings == ["calm", "hopeful"]
        assert item.win == "Finished the shelf"
        assert body["pair"] == pair.code
        assert body["author"] == "Alice"
        assert body["is_mine"] is True
        assert body["can_edit"] is True
        assert body["visibility"] == "shared"

    def test_it_records_a_solo_check_in_without_a_pair(self, charlie_client, charlie):
        r = post(charlie_client)
        assert r.status_code == 201
        assert r.json()["pair"] is None
        assert DailyCheckIn.objects.get(owner=charlie).pair is None

    def test_it_refuses_a_second_check_in_for_the_same_date(self, alice_client, pair):
        assert post(alice_client, pair).status_code == 201
        r = post(alice_client, pair, mood=1)
        assert r.status_code == 409
        assert "already checked in" in r.json()["detail"]
        assert DailyCheckIn.objects.get().mood == 4

    @pytest.mark.parametrize("mood", [0, 6, "great", None])
    def test_it_refuses_a_mood_outside_1_to_5(self, alice_client, pair, mood):
        r = post(alice_client, pair, mood=mood)
        assert r.status_code == 422
        assert r.json()["errors"][0]["field"] == "mood"
        assert "mood" in r.json()["detail"]
        assert not DailyCheckIn.objects.exists()

    def test_it_refuses_over_long_text_and_saves_nothing(self, alice_client, pair):
        r = post(alice_client, pair, win="ok", support="x" * (ANSWER_TEXT + 1))
        assert r.status_code == 422
        assert r.json()["errors"][0]["field"] == "support"
        assert not DailyCheckIn.objects.exists()
        assert post(alice_client, pair, support="x" * ANSWER_TEXT).status_code == 201

    @pytest.mark.parametrize(
        "extra",
        [{"feelings": ["smug"]}, {"visibility": "public"}, {"date": "2026-01-01"}],
    )
    def test_it_refuses_unknown_feelings_visibilities_and_fields(self, alice_client, extra):
        assert post(alice_client, **extra).status_code == 422
        assert not DailyCheckIn.objects.exists()

    def test_it_will_not_record_into_someone_elses_pair(self, charlie_client, pair):
        r = post(charlie_client, pair)
        assert r.status_code == 404
        assert not DailyCheckIn.objects.exists()

    def test_it_will_not_record_into_an_ended_pair(self, alice_client, bob, pair):
        pair_services.leave_pair(pair, bob)
        r = post(alice_client, pair)
        assert r.status_code == 400
        assert "ended" in r.json()["detail"]
        assert not DailyCheckIn.objects.exists()


@pytest.mark.django_db
class TestSealed:
    def test_it_keeps_bobs_check_in_sealed_until_alice_checks_in(self, alice_client, bob, pair):
        theirs = checkin(bob, pair, win="Bob's win")
        assert codes(alice_client.get(DAILY, {"pair": pair.code})) == []
        assert alice_client.get(f"{DAILY}/{theirs.code}").status_code == 404
        today = alice_client.get(f"{DAILY}/today", {"pair": pair.code}).json()
        assert today["mine"] is None
        assert today["partner"] == {"display_name": "Bob", "state": "sealed", "checkin": None}
        assert (
            "Bob's win"
            not in alice_client.get(f"{DAILY}/today", {"pair": pair.code}).content.decode()
        )

        mine = post(alice_client, pair).json()
        assert set(codes(alice_client.get(DAILY, {"pair": pair.code}))) == {
            mine["code"],
            theirs.code,
        }
        opened = alice_client.get(f"{DAILY}/{theirs.code}").json()
        assert opened["win"] == "Bob's win"
        assert opened["is_mine"] is False
        assert opened["can_edit"] is False
        today = alice_client.get(f"{DAILY}/today", {"pair": pair.code}).json()
        assert today["mine"]["code"] == mine["code"]
        assert today["partner"]["state"] == "open"
        assert today["partner"]["checkin"]["win"] == "Bob's win"

    def test_a_check_in_on_another_date_does_not_open_it(self, alice_client, alice, bob, pair):
        theirs = checkin(bob, pair)
        checkin(alice, pair, day=TODAY - dt.timedelta(days=1))
        assert theirs.code not in codes(alice_client.get(DAILY))
        assert alice_client.get(f"{DAILY}/{theirs.code}").status_code == 404

    def test_bobs_private_check_in_never_reaches_alice(self, alice_client, alice, bob, pair):
        theirs = checkin(bob, pair, visibility=Visibility.PRIVATE, carrying="secret")
        post(alice_client, pair)
        assert theirs.code not in codes(alice_client.get(DAILY))
        assert alice_client.get(f"{DAILY}/{theirs.code}").status_code == 404
        today = alice_client.get(f"{DAILY}/today", {"pair": pair.code})
        assert today.json()["partner"]["state"] == "none"
        assert "secret" not in today.content.decode()

    def test_alices_private_check_in_does_not_open_bobs(self, alice_client, bob, pair):
        theirs = checkin(bob, pair)
        post(alice_client, pair, visibility="private")
        assert theirs.code not in codes(alice_client.get(DAILY))
        today = alice_client.get(f"{DAILY}/today", {"pair": pair.code}).json()
        assert today["partner"]["state"] == "sealed"

    def test_an_ended_pair_stops_sharing(self, alice_client, alice, bob, pair):
        theirs = checkin(bob, pair)
        checkin(alice, pair)
        pair_services.leave_pair(pair, bob)
        assert alice_client.get(f"{DAILY}/{theirs.code}").status_code == 404
        today = alice_client.get(f"{DAILY}/today", {"pair": pair.code}).json()
        assert today["partner"] is None
        assert today["mine"] is not None


@pytest.mark.django_db
class TestOutsider:
    def test_charlie_gets_404_on_alices_pair_and_check_ins(self, charlie_client, alice, pair):
        mine = checkin(alice, pair)
        assert charlie_client.get(f"{DAILY}/{mine.code}").status_code == 404
        assert charlie_client.get(DAILY, {"pair": pair.code}).status_code == 404
        assert charlie_client.get(f"{DAILY}/today", {"pair": pair.code}).status_code == 404
        assert codes(charlie_client.get(DAILY)) == []
        r = charlie_client.put(f"{DAILY}/{mine.code}", {"mood": 1}, content_type=JSON)
        assert r.status_code == 404
        mine.refresh_from_db()
        assert mine.mood == 3

    def test_anonymous_gets_401(self, client, alice, pair):
        mine = checkin(alice, pair)
        assert client.get(DAILY).status_code == 401
        assert client.get(f"{DAILY}/{mine.code}").status_code == 401
        assert client.post(DAILY, {"mood": 3}, content_type=JSON).status_code == 401


@pytest.mark.django_db
class TestUpdate:
    def test_it_changes_my_check_in_on_its_day(self, alice_client, alice, pair):
        mine = checkin(alice, pair, win="old")
        r = alice_client.put(
            f"{DAILY}/{mine.code}",
            {"mood": 5, "win": "new", "visibility": "private"},
            content_type=JSON,
        )
        assert r.status_code == 200
        mine.refresh_from_db()
        assert (mine.mood, mine.win, mine.visibility) == (5, "new", "private")
        assert mine.pair == pair
        assert r.json()["win"] == "new"

    def test_it_will_not_change_a_check_in_of_an_earlier_day(self, alice_client, alice, pair):
        old = checkin(alice, pair, day=TODAY - dt.timedelta(days=1), win="then")
        r = alice_client.put(f"{DAILY}/{old.code}", {"mood": 5, "win": "now"}, content_type=JSON)
        assert r.status_code == 400
        assert "own day" in r.json()["detail"]
        old.refresh_from_db()
        assert old.win == "then"

    def test_it_will_not_let_alice_change_bobs_opened_check_in(
        self, alice_client, alice, bob, pair
    ):
        theirs = checkin(bob, pair, win="Bob's")
        checkin(alice, pair)
        assert alice_client.get(f"{DAILY}/{theirs.code}").status_code == 200
        r = alice_client.put(f"{DAILY}/{theirs.code}", {"mood": 1}, content_type=JSON)
        assert r.status_code == 404
        theirs.refresh_from_db()
        assert (theirs.mood, theirs.win) == (3, "Bob's")

    def test_it_refuses_a_bad_change_and_keeps_the_check_in(self, alice_client, alice, pair):
        mine = checkin(alice, pair, win="kept")
        for body in (
            {"mood": 9},
            {"mood": 2, "win": "x" * (ANSWER_TEXT + 1)},
            {"mood": 2, "pair": None},
        ):
            r = alice_client.put(f"{DAILY}/{mine.code}", body, content_type=JSON)
            assert r.status_code == 422, body
        mine.refresh_from_db()
        assert (mine.mood, mine.win) == (3, "kept")


@pytest.mark.django_db
class TestList:
    def test_it_pages_through_my_check_ins_newest_first(self, alice_client, alice, pair):
        days = [TODAY - dt.timedelta(days=n) for n in range(3)]
        for day in days:
            checkin(alice, pair, day=day)
        r = alice_client.get(DAILY, {"pair": pair.code, "limit": 2})
        assert r.json()["count"] == 3
        assert [i["date"] for i in r.json()["items"]] == [d.isoformat() for d in days[:2]]
        r = alice_client.get(DAILY, {"pair": pair.code, "limit": 2, "offset": 2})
        assert [i["date"] for i in r.json()["items"]] == [days[2].isoformat()]

    def test_it_filters_by_date(self, alice_client, alice, pair):
        for n in range(5):
            checkin(alice, pair, day=TODAY - dt.timedelta(days=n))
        since, until = TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=1)
        r = alice_client.get(DAILY, {"since": since.isoformat(), "until": until.isoformat()})
        assert [i["date"] for i in r.json()["items"]] == [
            (TODAY - dt.timedelta(days=n)).isoformat() for n in (1, 2, 3)
        ]

    @pytest.mark.parametrize(
        "query", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"since": "x"}]
    )
    def test_it_refuses_bad_paging_and_dates(self, alice_client, query):
        assert alice_client.get(DAILY, query).status_code == 422

    def test_it_shows_a_solo_check_in_only_to_its_writer(
        self, alice_client, bob_client, alice, pair
    ):
        solo = checkin(alice, None)
        assert alice_client.get(f"{DAILY}/{solo.code}").status_code == 200
        assert bob_client.get(f"{DAILY}/{solo.code}").status_code == 404
        today = alice_client.get(f"{DAILY}/today").json()
        assert today["pair"] is None
        assert today["mine"]["code"] == solo.code
        assert today["partner"] is None
