from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tend.accounts.models import User
from tend.pairs import services
from tend.pairs.access import SESSION_KEY
from tend.pairs.models import Pair


def _second_pair(alice: User) -> Pair:
    return services.create_pair(alice, name="Book club", kind="friends")


def test_it_switches_and_goes_back_to_a_safe_next(
    alice_client: Client, alice: User, pair: Pair
) -> None:
    other = _second_pair(alice)
    response = alice_client.post(
        reverse("pairs:switch", args=[other.code]), {"next": "/checkins/history/?page=2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/checkins/history/?page=2"
    assert alice_client.session[SESSION_KEY] == other.code


def test_it_ignores_a_next_that_leaves_the_site(
    alice_client: Client, alice: User, pair: Pair
) -> None:
    other = _second_pair(alice)
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = alice_client.post(reverse("pairs:switch", args=[other.code]), {"next": evil})
        assert response.status_code == 302
        assert response["Location"] == reverse("today:today")


def test_the_switcher_appears_for_people_with_several_pairs(
    alice_client: Client, alice: User, pair: Pair
) -> None:
    other = _second_pair(alice)
    body = alice_client.get(reverse("pairs:list")).content.decode()
    assert reverse("pairs:switch", args=[other.code]) in body
    assert 'class="pair-switcher"' in body


def test_it_does_not_switch_to_someone_elses_pair(
    charlie_client: Client, charlie: User, pair: Pair
) -> None:
    response = charlie_client.post(reverse("pairs:switch", args=[pair.code]))
    assert response.status_code == 404
    assert SESSION_KEY not in charlie_client.session


def test_switching_needs_a_post(alice_client: Client, pair: Pair) -> None:
    assert alice_client.get(reverse("pairs:switch", args=[pair.code])).status_code == 405
