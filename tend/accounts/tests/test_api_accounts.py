"""API: the profile (/accounts/me) and personal access tokens."""

from __future__ import annotations

import datetime as dt

import pytest

from tend.accounts.models import AccessToken, User

ME = "/api/v1/accounts/me"
TOKENS = "/api/v1/accounts/tokens"
JSON = "application/json"


@pytest.mark.django_db
class TestProfile:
    def test_it_returns_my_profile(self, alice_client, alice):
        r = alice_client.get(ME)
        assert r.status_code == 200
        assert r.json() == {
            "email": "alice@example.com",
            "display_name": "Alice",
            "time_zone": "Europe/Berlin",
            "reminder_hour": 19,
            "quiet_start": "22:00:00",
            "quiet_end": "07:00:00",
        }

    def test_it_asks_an_anonymous_caller_to_sign_in(self, client):
        r = client.get(ME)
        assert r.status_code == 401
        assert r.json()["detail"]

    def test_it_changes_only_the_fields_sent(self, alice_client, alice):
        r = alice_client.patch(
            ME,
            {"time_zone": "Asia/Tokyo", "reminder_hour": 8, "quiet_start": "23:30"},
            content_type=JSON,
        )
        assert r.status_code == 200
        alice.refresh_from_db()
        assert alice.time_zone == "Asia/Tokyo"
        assert alice.reminder_hour == 8
        assert alice.quiet_start == dt.time(23, 30)
        assert alice.display_name == "Alice"
        assert r.json()["time_zone"] == "Asia/Tokyo"

    def test_it_refuses_a_time_zone_it_does_not_know(self, alice_client, alice):
        r = alice_client.patch(ME, {"time_zone": "Mars/Olympus"}, content_type=JSON)
        assert r.status_code == 422
        assert "Mars/Olympus" in r.json()["detail"]
        assert r.json()["errors"][0]["field"] == "time_zone"
        alice.refresh_from_db()
        assert alice.time_zone == "Europe/Berlin"

    @pytest.mark.parametrize("hour", [-1, 24, "noon"])
    def test_it_refuses_an_hour_outside_0_to_23(self, alice_client, alice, hour):
        r = alice_client.patch(ME, {"reminder_hour": hour}, content_type=JSON)
        assert r.status_code == 422
        assert "reminder_hour" in r.json()["detail"]
        alice.refresh_from_db()
        assert alice.reminder_hour == 19

    def test_it_saves_nothing_when_one_field_is_wrong(self, alice_client, alice):
        r = alice_client.patch(
            ME, {"display_name": "Ally", "time_zone": "Nowhere/Land"}, content_type=JSON
        )
        assert r.status_code == 422
        alice.refresh_from_db()
        assert alice.display_name == "Alice"

    def test_it_refuses_a_display_name_over_the_limit(self, alice_client, alice):
        limit = User._meta.get_field("display_name").max_length
        r = alice_client.patch(ME, {"display_name": "x" * (limit + 1)}, content_type=JSON)
        assert r.status_code == 422
        r = alice_client.patch(ME, {"display_name": "x" * limit}, content_type=JSON)
        assert r.status_code == 200

    def test_it_refuses_an_empty_display_name_or_null(self, alice_client):
        assert alice_client.patch(ME, {"display_name": "  "}, content_type=JSON).status_code == 422
        assert alice_client.patch(ME, {"time_zone": None}, content_type=JSON).status_code == 422

    def test_it_does_not_let_the_email_be_changed_here(self, alice_client, alice):
        r = alice_client.patch(ME, {"email": "mallory@example.com"}, content_type=JSON)
        assert r.status_code == 422
        alice.refresh_from_db()
        assert alice.email == "alice@example.com"


@pytest.mark.django_db
class TestTokens:
    def test_it_creates_a_token_and_shows_it_once(self, alice_client, alice):
        r = alice_client.post(TOKENS, {"name": "phone"}, content_type=JSON)
        assert r.status_code == 201
        body = r.json()
        assert body["token"].startswith("tend_")
        assert body["name"] == "phone"
        token = AccessToken.objects.get(code=body["code"])
        assert token.user == alice
        assert body["token"] not in (token.token_hash, token.hint)
        listed = alice_client.get(TOKENS).json()
        assert [t["code"] for t in listed] == [body["code"]]
        assert "token" not in listed[0]

    def test_it_lists_only_my_tokens(self, alice_client, alice, charlie):
        AccessToken.issue(charlie, "charlie's laptop")
        AccessToken.issue(alice, "alice's phone")
        assert [t["name"] for t in alice_client.get(TOKENS).json()] == ["alice's phone"]

    @pytest.mark.parametrize("name", ["", "   ", "x" * 121])
    def test_it_refuses_a_missing_or_over_long_name(self, alice_client, name):
        r = alice_client.post(TOKENS, {"name": name}, content_type=JSON)
        assert r.status_code == 422
        assert not AccessToken.objects.exists()

    def test_it_revokes_my_token(self, alice_client, alice):
        token, _raw = AccessToken.issue(alice, "phone")
        r = alice_client.delete(f"{TOKENS}/{token.code}")
        assert r.status_code == 204
        assert not AccessToken.objects.filter(pk=token.pk).exists()

    def test_it_will_not_revoke_someone_elses_token(self, charlie_client, alice):
        token, _raw = AccessToken.issue(alice, "phone")
        r = charlie_client.delete(f"{TOKENS}/{token.code}")
        assert r.status_code == 404
        assert r.json() == {"detail": "Not found."}
        assert AccessToken.objects.filter(pk=token.pk).exists()
