"""The moments ledger in two browsers: both note moments with one tap; the ratio card
shows the combined figures and never an entry of the other. Every page is checked
with axe."""

from __future__ import annotations

import re

import pytest

from tend.e2e.browsing import (
    check_accessibility,
    follow,
    main_text,
    page_source,
    reload,
    submit,
    switch_scripts_off,
    visit,
)
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import pair_up

pytestmark = pytest.mark.browser

ALICES_NOTE = "Tea brought up without asking, on the grey morning."


def tally(page, period: str) -> str:
    card = page.get_by_test_id("ratio-card")
    return card.locator("div.stack", has=page.get_by_role("heading", name=period)).inner_text()


def test_both_note_moments_and_see_only_the_combined_figures(new_page: NewPage) -> None:
    alice = new_page()
    bob = new_page(viewport=PHONE)
    pair_up(alice, bob)

    # Alice notes a kindness of Bob's from the Today page: one tap.
    visit(alice, "/")
    panel = alice.locator(".today-moments")
    check_accessibility(alice)
    submit(alice, panel.get_by_role("button", name="A kindness"))
    assert "Noted" in main_text(alice)
    # A warm moment about him: the page offers to tell him.
    offer = alice.get_by_role("link", name="Turn it into an appreciation")
    thanks_path = offer.get_attribute("href") or ""
    assert "from=moment" in thanks_path
    check_accessibility(alice)
    alice.get_by_label("A few words to remember it by (only you see them)").fill(ALICES_NOTE)
    submit(alice, alice.get_by_role("button", name="Save"))
    assert ALICES_NOTE in main_text(alice)
    # The offer opens the appreciation form with the words to start from.
    visit(alice, thanks_path)
    assert "kind thing you did" in alice.locator("textarea[name=text]").input_value()

    # Bob, with scripts off, notes a laugh and a hard moment of his own.
    switch_scripts_off(bob)
    visit(bob, "/moments/")
    check_accessibility(bob)
    submit(bob, bob.get_by_role("button", name="Laughed together"))
    visit(bob, "/moments/")
    submit(bob, bob.get_by_role("button", name=re.compile(r"^Mine\W+Snapped$")))
    visit(bob, "/moments/")
    # Three moments between them: too few to show the pair anything of them.
    assert "no single moment can be read out of them" in tally(bob, "Last 7 days")
    for kind in ("Support", "A long hug"):
        submit(bob, bob.get_by_role("button", name=kind))
        visit(bob, "/moments/")
    assert "Warm\n4" in tally(bob, "Last 7 days")
    assert "Hard\n1" in tally(bob, "Last 7 days")
    assert ALICES_NOTE not in page_source(bob)
    assert "A kindness" not in bob.locator("#recent-title + ul").inner_text()
    visit(bob, "/moments/mine/")
    assert "Snapped" in main_text(bob) and "A kindness" not in main_text(bob)

    # Alice sees the same combined figures, and only her own entry.
    reload(alice)
    visit(alice, "/moments/")
    seven = tally(alice, "Last 7 days")
    assert "Warm\n4" in seven and "Hard\n1" in seven and "4:1" in seven
    recent = alice.locator("#recent-title + ul").inner_text()
    assert "A kindness" in recent and "Snapped" not in recent and "Laughed" not in recent
    assert "Below 5:1 for now" in main_text(alice)

    # The chart, with its table, and the explanation.
    follow(alice, alice.get_by_test_id("ratio-card").get_by_role("link", name="Week by week"))
    assert alice.locator("#moments-chart").is_visible()
    assert "Snapped" not in page_source(alice)
    check_accessibility(alice)
    visit(alice, "/moments/about/")
    assert "Not a score to win" in main_text(alice)
    check_accessibility(alice)
