from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tend.accounts.models import User

URL = reverse("accounts:profile")
GOOD = {
    "display_name": "Alice B.",
    "time_zone": "America/Chicago",
    "reminder_hour": "8",
    "quiet_start": "23:00",
    "quiet_end": "06:30",
}


@pytest.mark.django_db
def test_it_asks_anonymous_visitors_to_log_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_shows_the_profile(alice_client: Client) -> None:
    response = alice_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Europe/Berlin"' in body
    assert "alice@example.com" in body


def test_it_saves_the_profile(alice_client: Client, alice: User) -> None:
    response = alice_client.post(URL, GOOD)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Alice B."
    assert alice.time_zone == "America/Chicago"
    assert alice.reminder_hour == 8
    assert alice.quiet_start == dt.time(23, 0)
    assert alice.quiet_end == dt.time(6, 30)


def test_an_unknown_time_zone_saves_nothing(alice_client: Client, alice: User) -> None:
    response = alice_client.post(URL, {**GOOD, "time_zone": "Europe/Atlantis"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "is not a time zone we know" in body
    assert 'aria-invalid="true"' in body
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/Berlin"
    assert alice.display_name == "Alice"
    assert alice.reminder_hour == 19


def test_a_reminder_hour_past_23_saves_nothing(alice_client: Client, alice: User) -> None:
    response = alice_client.post(URL, {**GOOD, "reminder_hour": "24"})
    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.reminder_hour == 19
    assert alice.display_name == "Alice"


def test_the_profile_page_offers_the_download_of_my_data(alice_client):
    body = alice_client.get("/accounts/profile/").content.decode()
    assert 'href="/privacy/export.json"' in body
    assert 'href="/privacy/export/"' in body
