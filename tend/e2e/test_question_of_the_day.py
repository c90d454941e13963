"""The question of the day in two browsers: each answers alone, and it opens only once
both have answered. Then a reaction and a reply. Every page is checked with axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tend.e2e.browsing import (
    check_accessibility,
    follow,
    main_text,
    page_source,
    reload,
    submit,
    visit,
)
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import pair_up

pytestmark = pytest.mark.browser

ALICES = "The bakery on the corner, because the owner remembers my order."
BOBS = "Our Sunday walk to the lighthouse, even in the rain."


def test_the_question_opens_only_after_both_answered(new_page: NewPage) -> None:
    alice = new_page()
    bob = new_page(viewport=PHONE)
    pair_up(alice, bob)

    # Today shows the question, waiting to be answered, for both.
    visit(alice, "/")
    panel = alice.locator(".today-question")
    question = panel.locator(".prompt").inner_text()
    assert "To answer" in panel.inner_text()
    visit(bob, "/")
    assert bob.locator(".today-question .prompt").inner_text() == question

    # Alice answers on her own.
    follow(alice, panel.get_by_role("link", name="Answer it"))
    alice.get_by_label("Your answer").fill(ALICES)
    submit(alice, alice.get_by_role("button", name="Save my answer"))
    assert ALICES in main_text(alice)
    assert "hasn't answered yet" in main_text(alice)

    # Bob sees that she answered, not what she wrote.
    reload(bob)
    assert "Alice answered" in bob.locator(".today-question").inner_text()
    follow(bob, bob.locator(".today-question").get_by_role("link", name="Answer it"))
    assert ALICES not in page_source(bob)
    assert "Sealed" in main_text(bob)

    # Bob answers: both open.
    bob.get_by_label("Your answer").fill(BOBS)
    submit(bob, bob.get_by_role("button", name="Save my answer"))
    assert ALICES in main_text(bob)
    reload(alice)
    assert BOBS in main_text(alice)

    # Alice reacts (the reaction updates in place) and replies; Bob sees both.
    alice.evaluate("() => { window.stillTheSamePage = true; }")
    alice.get_by_role("button", name="Sending a hug").click()
    expect(alice.get_by_role("button", name="Sending a hug")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert alice.evaluate("() => window.stillTheSamePage === true"), "the page reloaded"
    check_accessibility(alice)
    alice.get_by_role("button", name="Mark as favourite").click()
    expect(alice.get_by_role("button", name="Favourite")).to_have_attribute("aria-pressed", "true")
    alice.get_by_label("Reply").fill("Which lighthouse bench is the best one?")
    submit(alice, alice.get_by_role("button", name="Send reply"))
    reload(bob)
    text = main_text(bob)
    assert "Alice: Sending a hug" in text
    assert "Which lighthouse bench is the best one?" in text
    visit(bob, "/")
    assert "Open" in bob.locator(".today-question").inner_text()


def test_the_talk_pages_are_reachable_and_accessible(new_page: NewPage) -> None:
    alice = new_page()
    bob = new_page(viewport=PHONE)
    pair_up(alice, bob)
    visit(alice, "/talk/")
    for name in ("Past questions", "Decks", "Our questions", "Settings"):
        follow(alice, alice.locator("nav.subnav").get_by_role("link", name=name, exact=True))
    # Ask Bob a question from a deck; it waits on his Talk page.
    follow(alice, alice.locator("nav.subnav").get_by_role("link", name="Decks", exact=True))
    follow(alice, alice.locator(".deck-list a").first)
    first = alice.locator(".prompt-row").first
    asked = first.locator("p").first.inner_text()
    submit(alice, first.get_by_role("button", name="Ask my partner this one"))
    visit(bob, "/talk/")
    assert asked in main_text(bob)
