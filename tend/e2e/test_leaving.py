"""Leaving a pair ends sharing at once, and a spent invite link says so kindly."""

from __future__ import annotations

import pytest

from tend.accounts.models import User
from tend.checkins import services as checkin_services
from tend.e2e.browsing import follow, main_text, page_source, submit, visit
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import ALICE, BOB, Person, log_in
from tend.pairs import services as pair_services
from tend.privacy.models import Visibility

pytestmark = pytest.mark.browser

ALICES_WIN = "Planted the lavender by the door"


def make(person: Person) -> User:
    return User.objects.create_user(
        person.email, person.password, display_name=person.name, time_zone=person.time_zone
    )


def checked_in(user: User, pair: object, win: str) -> None:
    checkin_services.record_daily(
        user,
        pair,  # type: ignore[arg-type]
        {
            "mood": 3,
            "feelings": [],
            "win": win,
            "challenge": "",
            "carrying": "",
            "support": "",
            "visibility": Visibility.SHARED,
        },
    )


def test_leaving_a_pair_ends_sharing_at_once_and_its_invite_link_stops_working(
    new_page: NewPage,
) -> None:
    alice, bob = make(ALICE), make(BOB)
    pair = pair_services.create_pair(alice, name="Alice & Bob", kind="partners")
    issued = pair_services.issue_invite(pair, alice)
    pair_services.accept_invite(issued.token, bob)
    checked_in(alice, pair, ALICES_WIN)
    checked_in(bob, pair, "Fixed the bike chain")

    bob_page = new_page(viewport=PHONE)
    log_in(bob_page, BOB.email, BOB.password)
    assert ALICES_WIN in bob_page.locator(".today-daily").inner_text()

    alice_page = new_page()
    log_in(alice_page, ALICE.email, ALICE.password)
    visit(alice_page, f"/pairs/{pair.code}/")
    follow(alice_page, alice_page.get_by_role("link", name="Leave this pair"))
    assert "Sharing ends at once" in main_text(alice_page)
    submit(alice_page, alice_page.get_by_role("button", name="Leave the pair"))
    visit(alice_page, "/")
    assert "you and Bob" not in main_text(alice_page)

    # Bob's next page no longer holds anything Alice wrote in the pair.
    visit(bob_page, "/")
    assert "not sharing with anyone" in main_text(bob_page)
    for path in ("/", "/checkins/history/", "/checkins/chart/"):
        visit(bob_page, path)
        assert ALICES_WIN not in page_source(bob_page), f"shared text still shown on {path}"

    # The used invite link now explains itself instead of failing bluntly.
    visit(bob_page, f"/pairs/join/{issued.token}/", expect_status=410)
    visit(bob_page, "/pairs/join/not-a-real-token/", expect_status=400)
