from __future__ import annotations

import hashlib

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tend.accounts.models import AccessToken, User


def _create(client: Client, name: str = "phone app") -> tuple[str, str]:
    response = client.post(reverse("accounts:token_create"), {"name": name})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    token = AccessToken.objects.get(name=name)
    start = body.index(token.hint)
    raw = body[start : body.index("<", start)]
    return raw, body


def test_it_shows_the_new_token_once_and_stores_only_its_hash(
    alice_client: Client, alice: User
) -> None:
    raw, body = _create(alice_client)
    assert raw.startswith("tend_") and len(raw) > 30
    token = AccessToken.objects.get(user=alice)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in (token.name, token.hint, token.code)
    assert AccessToken.objects.for_raw(raw) == token
    assert "it will not be shown again" in body

    again = alice_client.get(reverse("accounts:profile")).content.decode()
    assert raw not in again
    assert "phone app" in again
    for session in Session.objects.all():
        assert raw not in str(session.get_decoded())


def test_an_empty_name_creates_nothing(alice_client: Client) -> None:
    response = alice_client.post(reverse("accounts:token_create"), {"name": "  "})
    assert response.status_code == 400
    assert not AccessToken.objects.exists()


def test_creating_needs_a_post(alice_client: Client) -> None:
    assert alice_client.get(reverse("accounts:token_create")).status_code == 405


def test_revoking_deletes_your_own_token(alice_client: Client, alice: User) -> None:
    token, _raw = AccessToken.issue(alice, "script")
    response = alice_client.post(reverse("accounts:token_revoke", args=[token.code]))
    assert response.status_code == 302
    assert not AccessToken.objects.filter(pk=token.pk).exists()


def test_revoking_someone_elses_token_is_not_found(alice_client: Client, bob: User) -> None:
    token, _raw = AccessToken.issue(bob, "bob's script")
    response = alice_client.post(reverse("accounts:token_revoke", args=[token.code]))
    assert response.status_code == 404
    assert AccessToken.objects.filter(pk=token.pk).exists()


def test_revoking_needs_a_post(alice_client: Client, alice: User) -> None:
    token, _raw = AccessToken.issue(alice, "script")
    response = alice_client.get(reverse("accounts:token_revoke", args=[token.code]))
    assert response.status_code == 405
    assert AccessToken.objects.filter(pk=token.pk).exists()


@pytest.mark.django_db
def test_anonymous_visitors_cannot_create_tokens() -> None:
    response = Client().post(reverse("accounts:token_create"), {"name": "x"})
    assert response.status_code == 302
    assert not AccessToken.objects.exists()
