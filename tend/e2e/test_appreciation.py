"""Appreciation in two browsers: alice sends an appreciation that bob sees and thanks.
Every page on the way is checked with axe."""

from __future__ import annotations

import pytest

from tend.e2e.browsing import check_accessibility, main_text, reload, submit, visit
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import pair_up

pytestmark = pytest.mark.browser

NOTE = "You made the whole evening easy for everyone. Thank you for the calm."


def test_alice_sends_an_appreciation_that_bob_sees_and_thanks(new_page: NewPage) -> None:
    alice = new_page()
    bob = new_page(viewport=PHONE)
    pair_up(alice, bob)

    visit(alice, "/thanks/")
    check_accessibility(alice)
    alice.get_by_label("Your appreciation").fill(NOTE)
    alice.get_by_label("Something you did").check()
    submit(alice, alice.get_by_role("button", name="Send it"))
    assert NOTE in alice.locator("#sent").inner_text()

    visit(bob, "/thanks/")
    received = bob.locator("#received")
    assert NOTE in received.inner_text()
    check_accessibility(bob)
    submit(bob, received.get_by_role("button", name="Say thank you"))
    submit(bob, bob.locator("#received").get_by_role("button", name="A hug back"))
    text = bob.locator("#received").inner_text()
    assert "Thanked" in text and "A hug back" in text

    reload(alice)
    sent = alice.locator("#sent").inner_text()
    assert "Thanked" in sent and "A hug back" in sent

    # The jar holds it now.
    visit(alice, "/thanks/jar/")
    assert NOTE in main_text(alice)
    check_accessibility(alice)
