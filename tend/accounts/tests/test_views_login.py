from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tend.accounts.models import User
from tend.conftest import PASSWORD

URL = reverse("accounts:login")


def test_it_logs_in_with_the_email_in_any_case(alice: User) -> None:
    client = Client()
    response = client.post(URL, {"username": "Alice@Example.COM", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("today:today")
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_follows_a_safe_next(alice: User) -> None:
    response = Client().post(
        URL, {"username": alice.email, "password": PASSWORD, "next": "/pairs/"}
    )
    assert response["Location"] == "/pairs/"


def test_it_says_the_details_do_not_match(alice: User) -> None:
    client = Client()
    response = client.post(URL, {"username": alice.email, "password": "not-the-password"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_locks_logging_in_after_five_failures(alice: User) -> None:
    client = Client()
    for _ in range(5):
        client.post(URL, {"username": alice.email, "password": "wrong-password"})
    response = client.post(URL, {"username": alice.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Let’s pause for a moment" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock_anyone_out(alice: User) -> None:
    client = Client()
    for _ in range(4):
        client.post(URL, {"username": alice.email, "password": "wrong-password"})
    response = client.post(URL, {"username": alice.email, "password": PASSWORD})
    assert response.status_code == 302


def test_logging_out_needs_a_post(alice_client: Client) -> None:
    assert alice_client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in alice_client.session


def test_logging_out_ends_the_session(alice_client: Client) -> None:
    response = alice_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in alice_client.session


@pytest.mark.django_db
def test_the_login_page_has_the_quick_exit_and_a_skip_link() -> None:
    body = Client().get(URL).content.decode()
    assert "data-quick-exit" in body
    assert 'href="#main"' in body
    assert '<html lang="en"' in body
