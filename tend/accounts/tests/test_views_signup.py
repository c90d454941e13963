from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tend.accounts.models import User

URL = reverse("accounts:signup")
GOOD = {
    "email": "dana@example.com",
    "display_name": "Dana",
    "password1": "quiet-river-morning-42",
    "password2": "quiet-river-morning-42",
    "time_zone": "Europe/Lisbon",
}


def post(client: Client, **changes: Any) -> Any:
    return client.post(URL, {**GOOD, **changes})


@pytest.mark.django_db
def test_it_shows_the_form_with_an_empty_time_zone_to_be_guessed() -> None:
    response = Client().get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "data-guess-timezone" in body
    assert '<option value="Europe/Berlin">' in body
    assert 'name="time_zone" value=' not in body


@pytest.mark.django_db
def test_it_creates_the_account_logs_in_and_opens_today() -> None:
    client = Client()
    response = post(client, email="Dana@Example.com")
    assert response.status_code == 302
    assert response["Location"] == reverse("today:today")
    user = User.objects.get(email="dana@example.com")
    assert user.display_name == "Dana"
    assert user.time_zone == "Europe/Lisbon"
    assert user.check_password(GOOD["password1"])
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_it_returns_to_a_safe_next_after_signing_up() -> None:
    response = Client().post(URL + "?next=/pairs/join/abc/", GOOD)
    assert response["Location"] == "/pairs/join/abc/"


@pytest.mark.django_db
def test_it_ignores_a_next_that_leaves_the_site() -> None:
    response = Client().post(URL, {**GOOD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("today:today")


@pytest.mark.django_db
def test_it_refuses_an_unknown_time_zone_and_saves_nothing() -> None:
    response = post(Client(), time_zone="Mars/Olympus_Mons")
    assert response.status_code == 400
    assert "is not a time zone we know" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_short_password_and_saves_nothing() -> None:
    response = post(Client(), password1="short1", password2="short1")
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_passwords_that_differ_and_saves_nothing() -> None:
    response = post(Client(), password2="quiet-river-evening-42")
    assert response.status_code == 400
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_password_like_the_email() -> None:
    response = post(Client(), password1="dana@example.com", password2="dana@example.com")
    assert response.status_code == 400
    assert not User.objects.exists()


def test_it_says_clearly_when_the_email_is_taken_and_saves_nothing(alice: User) -> None:
    response = post(Client(), email="ALICE@example.com")
    assert response.status_code == 400
    assert "An account with this e-mail address already exists" in response.content.decode()
    assert User.objects.count() == 1
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


def test_it_sends_a_signed_in_person_on(alice_client: Client) -> None:
    response = alice_client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("today:today")
