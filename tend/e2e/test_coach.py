"""The draft check in the browser: flags appear while typing, with the words marked and
a gentler wording, and the page passes axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tend.e2e.browsing import check_accessibility, submit, visit
from tend.e2e.conftest import NewPage
from tend.e2e.people import ALICE, sign_up

pytestmark = pytest.mark.browser


def test_the_draft_check_flags_while_typing(new_page: NewPage) -> None:
    page = new_page()
    sign_up(page, ALICE)
    visit(page, "/coach/")
    page.evaluate("() => { window.stillTheSamePage = true; }")
    page.get_by_label("What you want to say").fill("You never listen to me, you're so selfish.")
    verdict = page.locator("#verdict")
    expect(verdict).to_contain_text("This might land harder than you mean it")
    expect(verdict.locator("mark.coach-mark").first).to_be_visible()
    expect(verdict).to_contain_text("A gentler way to say it")
    assert page.evaluate("() => window.stillTheSamePage === true"), "the page reloaded"
    check_accessibility(page)
    # Softer words: the flags go away as the text changes.
    page.get_by_label("What you want to say").fill(
        "I felt lonely at dinner; could we put the phones away tomorrow?"
    )
    expect(verdict).to_contain_text("Nothing here looks likely to hurt")


def test_the_draft_check_works_without_scripts(new_page: NewPage) -> None:
    page = new_page(javascript=False)
    sign_up(page, ALICE)
    visit(page, "/coach/")
    page.get_by_label("What you want to say").fill("whatever. im done")
    submit(page, page.get_by_role("button", name="Check it"))
    assert "Stonewalling" in page.locator("#verdict").inner_text()
