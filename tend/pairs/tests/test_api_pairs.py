"""API: pairs, invites into them, and leaving them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tend.pairs import services
from tend.pairs.models import Invite, Membership, Pair, hash_invite_token

PAIRS = "/api/v1/pairs"
JSON = "application/json"


def invite_url(token: str) -> str:
    return f"{PAIRS}/invites/{token}"


@pytest.mark.django_db
class TestPairs:
    def test_it_lists_my_pairs_with_both_members(self, alice_client, pair):
        r = alice_client.get(PAIRS)
        assert r.status_code == 200
        [only] = r.json()
        assert only["code"] == pair.code
        assert only["is_open"] is True
        assert only["members"] == [
            {"display_name": "Alice", "is_me": True, "has_left": False},
            {"display_name": "Bob", "is_me": False, "has_left": False},
        ]

    def test_it_lists_only_pairs_i_am_in(self, charlie_client, pair, charlie_pair):
        assert [p["code"] for p in charlie_client.get(PAIRS).json()] == [charlie_pair.code]

    def test_it_shows_a_pair_the_other_person_left_as_ended(self, alice_client, bob, pair):
        services.leave_pair(pair, bob)
        [only] = alice_client.get(PAIRS).json()
        assert only["is_open"] is False
        assert only["closed_at"] is not None

    def test_it_creates_a_pair_with_me_in_it(self, charlie_client, charlie):
        r = charlie_client.post(
            PAIRS,
            {"name": "Sis & me", "kind": "family", "started_on": "1990-05-01"},
            content_type=JSON,
        )
        assert r.status_code == 201
        body = r.json()
        created = Pair.objects.get(code=body["code"])
        assert created.kind == "family"
        assert created.started_on == dt.date(1990, 5, 1)
        assert created.time_zone == "Asia/Tokyo"
        assert body["members"] == [{"display_name": "Charlie", "is_me": True, "has_left": False}]

    @pytest.mark.parametrize(
        "body",
        [
            {"name": "x" * 121},
            {"name": ""},
            {"name": "Us", "kind": "enemies"},
            {"name": "Us", "started_on": "yesterday"},
            {"name": "Us", "code": "mine"},
        ],
    )
    def test_it_refuses_a_bad_new_pair_and_creates_nothing(self, charlie_client, body):
        r = charlie_client.post(PAIRS, body, content_type=JSON)
        assert r.status_code == 422
        assert r.json()["detail"].startswith("The request is not valid.")
        assert not Pair.objects.exists()

    def test_it_shows_one_of_my_pairs(self, bob_client, pair):
        r = bob_client.get(f"{PAIRS}/{pair.code}")
        assert r.status_code == 200
        assert r.json()["name"] == "Alice & Bob"

    def test_it_hides_a_pair_from_an_outsider(self, charlie_client, pair):
        r = charlie_client.get(f"{PAIRS}/{pair.code}")
        assert r.status_code == 404
        assert r.json() == {"detail": "Not found."}

    def test_it_changes_a_pair(self, bob_client, pair):
        r = bob_client.patch(
            f"{PAIRS}/{pair.code}",
            {"name": "Bob & Alice", "time_zone": "America/New_York", "started_on": None},
            content_type=JSON,
        )
        assert r.status_code == 200
        pair.refresh_from_db()
        assert (pair.name, pair.time_zone) == ("Bob & Alice", "America/New_York")
        assert pair.kind == "partners"

    def test_it_refuses_a_bad_change_and_keeps_the_pair(self, alice_client, pair):
        for body in ({"time_zone": "Atlantis/Deep"}, {"name": "x" * 121}, {"name": None}):
            r = alice_client.patch(f"{PAIRS}/{pair.code}", body, content_type=JSON)
            assert r.status_code == 422, body
        pair.refresh_from_db()
        assert (pair.name, pair.time_zone) == ("Alice & Bob", "Europe/Berlin")

    def test_it_will_not_let_an_outsider_change_a_pair(self, charlie_client, pair):
        r = charlie_client.patch(f"{PAIRS}/{pair.code}", {"name": "Mine"}, content_type=JSON)
        assert r.status_code == 404
        pair.refresh_from_db()
        assert pair.name == "Alice & Bob"

    def test_it_will_not_change_an_ended_pair(self, alice_client, bob, pair):
        services.leave_pair(pair, bob)
        r = alice_client.patch(f"{PAIRS}/{pair.code}", {"name": "Still us"}, content_type=JSON)
        assert r.status_code == 409
        pair.refresh_from_db()
        assert pair.name == "Alice & Bob"

    def test_it_lets_me_leave_a_pair(self, bob_client, alice_client, pair):
        r = bob_client.post(f"{PAIRS}/{pair.code}/leave")
        assert r.status_code == 204
        pair.refresh_from_db()
        assert not pair.is_open
        assert bob_client.get(f"{PAIRS}/{pair.code}").status_code == 404
        assert alice_client.get(f"{PAIRS}/{pair.code}").json()["is_open"] is False

    def test_it_will_not_let_an_outsider_end_a_pair(self, charlie_client, pair):
        assert charlie_client.post(f"{PAIRS}/{pair.code}/leave").status_code == 404
        pair.refresh_from_db()
        assert pair.is_open


@pytest.mark.django_db
class TestInvites:
    def test_it_issues_an_invite_link_once(self, charlie_client, charlie_pair):
        r = charlie_client.post(f"{PAIRS}/{charlie_pair.code}/invites")
        assert r.status_code == 201
        body = r.json()
        assert body["url"].endswith(f"/pairs/join/{body['token']}/")
        invite = services.find_invite(body["token"])
        assert invite is not None
        assert invite.pair == charlie_pair
        assert invite.token_hash != body["token"]
        expires_at = dt.datetime.fromisoformat(body["expires_at"])
        assert abs(expires_at - invite.expires_at) < dt.timedelta(milliseconds=1)

    def test_it_will_not_invite_a_third_person(self, alice_client, pair):
        r = alice_client.post(f"{PAIRS}/{pair.code}/invites")
        assert r.status_code == 409
        assert "two people" in r.json()["detail"]
        assert not Invite.objects.filter(pair=pair).pending().exists()

    def test_it_will_not_let_an_outsider_invite_into_a_pair(self, charlie_client, alice, pair):
        assert charlie_client.post(f"{PAIRS}/{pair.code}/invites").status_code == 404

    def test_it_says_who_invites_me(self, alice_client, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        r = alice_client.get(invite_url(issued.token))
        assert r.status_code == 200
        assert r.json() == {
            "inviter": "Charlie",
            "pair_name": "Charlie's",
            "pair_kind": "friends",
            "expires_at": r.json()["expires_at"],
        }

    def test_it_does_not_know_a_made_up_invite(self, alice_client):
        r = alice_client.get(invite_url("made-up"))
        assert r.status_code == 404
        assert "not valid" in r.json()["detail"]

    def test_it_says_an_expired_invite_is_gone(self, alice_client, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        Invite.objects.filter(pk=issued.invite.pk).update(
            expires_at=timezone.now() - dt.timedelta(minutes=1)
        )
        r = alice_client.get(invite_url(issued.token))
        assert r.status_code == 410
        assert "expired" in r.json()["detail"]
        r = alice_client.post(invite_url(issued.token) + "/accept")
        assert r.status_code == 410
        assert not Membership.objects.filter(pair=charlie_pair, user__email="alice@example.com")

    def test_it_lets_me_accept_an_invite(self, alice_client, alice, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        r = alice_client.post(invite_url(issued.token) + "/accept")
        assert r.status_code == 200
        assert r.json()["code"] == charlie_pair.code
        assert [m["display_name"] for m in r.json()["members"]] == ["Charlie", "Alice"]
        assert Membership.objects.filter(pair=charlie_pair, user=alice).exists()

    def test_it_says_a_used_invite_is_gone(self, alice_client, bob_client, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        assert alice_client.post(invite_url(issued.token) + "/accept").status_code == 200
        r = bob_client.post(invite_url(issued.token) + "/accept")
        assert r.status_code == 410
        assert "already been used" in r.json()["detail"]
        assert bob_client.get(invite_url(issued.token)).status_code == 410

    def test_it_will_not_let_me_accept_my_own_invite(self, charlie_client, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        assert charlie_client.get(invite_url(issued.token)).status_code == 409
        r = charlie_client.post(invite_url(issued.token) + "/accept")
        assert r.status_code == 409
        assert "already in this pair" in r.json()["detail"]
        assert Membership.objects.filter(pair=charlie_pair).count() == 1

    def test_it_will_not_let_anyone_into_a_full_pair(self, charlie_client, alice, pair):
        # An invite still pending while the pair filled up, e.g. two links accepted at once.
        token = Invite.new_token()
        Invite.objects.create(
            pair=pair,
            inviter=alice,
            token_hash=hash_invite_token(token),
            expires_at=timezone.now() + dt.timedelta(days=1),
        )
        r = charlie_client.post(invite_url(token) + "/accept")
        assert r.status_code == 409
        assert "two people" in r.json()["detail"]
        assert pair.memberships.count() == 2

    def test_it_lets_me_decline_an_invite(self, alice_client, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        r = alice_client.post(invite_url(issued.token) + "/decline")
        assert r.status_code == 204
        assert alice_client.get(invite_url(issued.token)).status_code == 410
        assert alice_client.post(invite_url(issued.token) + "/accept").status_code == 410
        assert charlie_pair.memberships.count() == 1

    def test_it_needs_a_signed_in_person_for_invites(self, client, charlie, charlie_pair):
        issued = services.issue_invite(charlie_pair, charlie)
        assert client.get(invite_url(issued.token)).status_code == 401
        assert client.post(invite_url(issued.token) + "/accept").status_code == 401
