"""One love-map round: Alice answers about herself, Bob guesses, Alice marks, both see it.

Alice and Bob each use their own browser; every page either sees is checked with axe.
"""

from __future__ import annotations

import pytest

from tend.e2e.browsing import follow, main_text, page_source, submit, visit
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import pair_up

pytestmark = pytest.mark.browser

ANSWERS = [
    "Lemon drizzle cake, still warm",
    "Autumn walks along the canal",
    "Uncle Rafi and his terrible jokes",
    "A little boat I could sail alone",
    "Checking the stove knob twice",
]
GUESSES = [
    "Lemon cake",
    "Autumn",
    "Your aunt",
    "Learning to surf",
    "The stove",
]
MARKS = ["Right", "Right", "New to me", "Close", "Right"]


def test_one_love_map_round(new_page: NewPage) -> None:
    alice = new_page()
    bob = new_page(viewport=PHONE)
    pair_up(alice, bob)

    # Alice starts a round about herself and answers.
    visit(alice, "/talk/love-map/")
    alice.get_by_label("I answer about myself, Bob guesses").check()
    submit(alice, alice.get_by_role("button", name="Start the round"))
    round_path = alice.url
    assert "There is no private answer here" in main_text(alice)
    boxes = alice.locator("main form textarea")
    assert boxes.count() == 5
    for index, text in enumerate(ANSWERS):
        boxes.nth(index).fill(text)
    submit(alice, alice.get_by_role("button", name="Save my answers"))
    assert "Waiting for Bob's guesses" in main_text(alice)

    # Bob sees the round waiting for his guesses, and nothing Alice wrote.
    visit(bob, "/talk/love-map/")
    assert "Your guesses about Alice to write" in main_text(bob)
    follow(bob, bob.get_by_role("link", name="About Alice"))
    for secret in ANSWERS:
        assert secret not in page_source(bob)
    boxes = bob.locator("main form textarea")
    for index, text in enumerate(GUESSES):
        boxes.nth(index).fill(text)
    submit(bob, bob.get_by_role("button", name="Save my guesses"))
    assert ANSWERS[0] in main_text(bob), "both sides open once both have written"
    assert "Alice is marking your guesses" in main_text(bob)

    # Alice sees both sides and marks each guess.
    visit(alice, round_path)
    assert GUESSES[3] in main_text(alice)
    groups = alice.locator("main form fieldset")
    assert groups.count() == 5
    for index, mark in enumerate(MARKS):
        groups.nth(index).get_by_label(mark, exact=True).check()
    submit(alice, alice.get_by_role("button", name="Save the marks"))

    # Both see the result; Bob keeps what was new to him.
    for page in (alice, bob):
        visit(page, round_path)
        assert "3 right, 1 close, 1 new" in main_text(page)
    assert "Things I learned about Alice" in main_text(bob)
    visit(bob, "/talk/love-map/learned/")
    learned = main_text(bob)
    assert ANSWERS[2] in learned and ANSWERS[3] in learned
    assert ANSWERS[0] not in learned
    visit(alice, "/talk/love-map/")
    assert "3 right, 1 close, 1 new" in main_text(alice)
