"""API authentication: personal access tokens, and the session with CSRF for writes."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tend.accounts.models import AccessToken

ME = "/api/v1/accounts/me"
TOKENS = "/api/v1/accounts/tokens"
JSON = "application/json"
CSRF_SECRET = "a" * 32


def bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.mark.django_db
class TestTokenAuth:
    def test_it_lets_a_token_read_as_its_owner(self, alice):
        _token, raw = AccessToken.issue(alice, "phone")
        r = Client().get(ME, **bearer(raw))
        assert r.status_code == 200
        assert r.json()["email"] == "alice@example.com"

    def test_it_lets_a_token_write_without_a_csrf_token(self, alice):
        _token, raw = AccessToken.issue(alice, "phone")
        r = Client(enforce_csrf_checks=True).patch(
            ME, {"display_name": "Ally"}, content_type=JSON, **bearer(raw)
        )
        assert r.status_code == 200
        alice.refresh_from_db()
        assert alice.display_name == "Ally"

    def test_it_notes_when_a_token_was_last_used(self, alice):
        token, raw = AccessToken.issue(alice, "phone")
        assert token.last_used_at is None
        Client().get(ME, **bearer(raw))
        token.refresh_from_db()
        assert token.last_used_at is not None

    def test_it_refuses_a_revoked_token(self, alice, alice_client):
        token, raw = AccessToken.issue(alice, "phone")
        assert Client().get(ME, **bearer(raw)).status_code == 200
        assert alice_client.delete(f"{TOKENS}/{token.code}").status_code == 204
        r = Client().get(ME, **bearer(raw))
        assert r.status_code == 401
        assert r.json()["detail"]

    @pytest.mark.parametrize("raw", ["tend_made-up", "not-even-a-tend-token", ""])
    def test_it_refuses_a_made_up_token(self, alice, raw):
        AccessToken.issue(alice, "phone")
        assert Client().get(ME, **bearer(raw)).status_code == 401

    def test_it_refuses_the_token_of_a_deactivated_account(self, alice):
        _token, raw = AccessToken.issue(alice, "phone")
        alice.is_active = False
        alice.save()
        assert Client().get(ME, **bearer(raw)).status_code == 401


@pytest.mark.django_db
class TestSessionAuth:
    def test_it_reads_with_the_session_alone(self, alice):
        assert csrf_client(alice).get(ME).status_code == 200

    def test_it_refuses_a_session_write_without_the_csrf_token(self, alice):
        r = csrf_client(alice).patch(ME, {"display_name": "Ally"}, content_type=JSON)
        assert r.status_code == 403
        assert "CSRF" in r.json()["detail"]
        alice.refresh_from_db()
        assert alice.display_name == "Alice"

    def test_it_accepts_a_session_write_with_the_csrf_token(self, alice):
        client = csrf_client(alice)
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
        r = client.patch(
            ME, {"display_name": "Ally"}, content_type=JSON, HTTP_X_CSRFTOKEN=CSRF_SECRET
        )
        assert r.status_code == 200
        alice.refresh_from_db()
        assert alice.display_name == "Ally"

    def test_it_refuses_a_csrf_token_that_does_not_match_the_cookie(self, alice):
        client = csrf_client(alice)
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
        r = client.post(TOKENS, {"name": "x"}, content_type=JSON, HTTP_X_CSRFTOKEN="b" * 32)
        assert r.status_code == 403
        assert not AccessToken.objects.exists()

    def test_it_tells_an_anonymous_writer_to_sign_in_rather_than_about_csrf(self, db):
        r = Client(enforce_csrf_checks=True).post(TOKENS, {"name": "x"}, content_type=JSON)
        assert r.status_code == 401
