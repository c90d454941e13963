"""One deep-talk set walked through by two people, each on their own phone.

Alice starts an evening, places how close she feels, walks set one with the turn
changing at every question, pauses once, keeps a private note and ends after the
first set; Bob places his marks afterwards; both see how closeness moved, and Bob
never sees Alice's note. Every page is checked with axe.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tend.e2e.browsing import follow, main_text, page_source, path_of, submit, visit
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import pair_up

pytestmark = pytest.mark.browser

ALICES_NOTE = "Ask Bob about the summer at the lighthouse"


def place(page: Page, label: str) -> Page:
    page.get_by_label(label).check()
    return submit(page, page.get_by_role("button", name="Place my mark"))


def step(page: Page, name: str) -> Page:
    return submit(page, page.get_by_role("button", name=name, exact=True))


def test_one_deep_talk_set_walked_through(new_page: NewPage) -> None:
    alice = new_page(viewport=PHONE)
    bob = new_page(viewport=PHONE)
    pair_up(alice, bob)

    visit(alice, "/talk/deep/")
    assert "Evening one" in main_text(alice)
    alice.get_by_label("Evening one", exact=False).first.check()
    submit(alice, alice.get_by_role("button", name="Start the evening"))
    assert "/closeness/before/" in path_of(alice)
    legend = alice.locator("main fieldset legend").inner_text()
    assert "How close do you feel" in legend
    assert alice.locator("svg.circles").count() == 7
    place(alice, "4 of 7: overlapping a little")
    talk_path = path_of(alice)

    step(alice, "Begin the first set")
    assert "About 15 minutes left in this set" in main_text(alice)
    questions = set()
    for number in range(1, 13):
        text = main_text(alice)
        assert f"Question {number} of 12 · set 1 of 3" in text
        first, second = ("Alice", "Bob") if number % 2 == 1 else ("Bob", "Alice")
        assert f"{first} answers first, then {second}" in text
        questions.add(alice.locator("#question-title").inner_text())
        if number == 3:
            step(alice, "Pause")
            assert "Paused" in main_text(alice)
            assert alice.get_by_role("button", name="Next question").count() == 0
            step(alice, "Resume")
            assert "Question 3 of 12" in main_text(alice)
        if number == 5:
            alice.get_by_label("A note for yourself").fill(ALICES_NOTE)
            submit(alice, alice.get_by_role("button", name="Keep this note"))
            assert ALICES_NOTE in main_text(alice)
        step(alice, "Finish this set" if number == 12 else "Next question")
    assert len(questions) == 12
    assert "Set 1 is done" in main_text(alice)

    # Bob looks in from his phone while they talk: the same place, none of her writing.
    visit(bob, talk_path)
    assert "Set 1 is done" in main_text(bob)
    assert ALICES_NOTE not in page_source(bob)

    step(alice, "End the evening here")
    assert "/closeness/after/" in path_of(alice)
    place(alice, "6 of 7: overlapping a lot")
    summary_path = path_of(alice)
    assert summary_path.endswith("/summary/")
    summary = main_text(alice)
    assert "after 1 set" in summary
    assert "You: 2 steps closer by the end." in summary
    assert ALICES_NOTE in summary

    # Bob finds the evening among the past ones; Alice's marks are sealed for him.
    visit(bob, "/talk/deep/")
    follow(bob, bob.get_by_role("link", name=re.compile("Evening one")))
    assert path_of(bob) == summary_path
    assert main_text(bob).count("Sealed until you place yours") == 2
    assert "6/7" not in page_source(bob) and "4/7" not in page_source(bob)
    follow(bob, bob.get_by_role("link", name="Place how close you felt before"))
    place(bob, "3 of 7: just touching")
    follow(bob, bob.get_by_role("link", name="Place how close you feel now"))
    place(bob, "4 of 7: overlapping a little")
    text = main_text(bob)
    assert "You: one step closer by the end." in text
    assert "Alice: 2 steps closer by the end." in text
    for path in (summary_path, talk_path, "/talk/deep/", "/privacy/export/"):
        visit(bob, path)
        assert ALICES_NOTE not in page_source(bob), f"Alice's note leaked on {path}"

    visit(alice, summary_path)
    assert "Bob: one step closer by the end." in main_text(alice)
    visit(alice, "/talk/deep/")
    assert "Past evenings" in main_text(alice)
