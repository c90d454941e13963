"""Every form works by plain submission: the same journeys with JavaScript switched off."""

from __future__ import annotations

import pytest

from tend.e2e.browsing import main_text, path_of, submit, visit
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import CheckIn, Person, check_in, log_in, log_out, sign_up

pytestmark = pytest.mark.browser

CHARLIE = Person("charlie@example.com", "Charlie", time_zone="Asia/Tokyo")


def test_it_signs_up_checks_in_and_starts_a_pair_without_javascript(
    new_page: NewPage,
) -> None:
    page = new_page(viewport=PHONE, javascript=False)
    sign_up(page, CHARLIE)
    assert "Hello, Charlie" in main_text(page)
    # theme.js marks the page as scripted; here it never ran.
    assert page.evaluate("() => document.documentElement.classList.contains('js')") is False

    # Alone, the check-in is only for Charlie, and the form says so.
    check_in(page, CheckIn(mood=2, feelings=("tired",), win="Watered the plants at last"))
    visit(page, "/")
    assert "Watered the plants at last" in page.locator(".today-daily").inner_text()

    visit(page, "/checkins/week/")
    page.get_by_label("What went well between us this week").fill("Slow breakfasts")
    page.locator("input[name=closeness][value='7']").check()
    submit(page, page.locator("main form button[type=submit]"))
    visit(page, "/")
    assert "Slow breakfasts" in page.locator(".today-weekly").inner_text()

    visit(page, "/pairs/new/")
    page.get_by_label("A name for the two of you").fill("Charlie & Dana")
    page.locator("input[name=kind][value=friends]").check()
    submit(page, page.get_by_role("button", name="Create the pair"))
    submit(page, page.get_by_role("button", name="Make an invite link"))
    assert "/pairs/join/" in page.locator("#invite-link").input_value()

    log_out(page)
    log_in(page, CHARLIE.email, CHARLIE.password)
    assert path_of(page) == "/"
