"""Signing up, logging in and out, and the profile, in a real browser."""

from __future__ import annotations

import pytest

from tend.e2e.browsing import main_text, path_of, submit, visit
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import ALICE, log_in, log_out, sign_up

pytestmark = pytest.mark.browser


def test_it_signs_up_logs_out_and_logs_back_in_through_the_forms(new_page: NewPage) -> None:
    page = new_page(viewport=PHONE)

    visit(page, "/")
    assert page.get_by_role("link", name="Log in").first.is_visible()

    # A typo in the second password: the form comes back with the error and keeps the rest.
    visit(page, "/accounts/signup/")
    page.locator("input[name=email]").fill(ALICE.email)
    page.locator("input[name=display_name]").fill(ALICE.name)
    page.locator("input[name=password1]").fill(ALICE.password)
    page.locator("input[name=password2]").fill(ALICE.password + "x")
    page.locator("input[name=time_zone]").fill(ALICE.time_zone)
    submit(page, page.locator("main button[type=submit]"), expect_status=400)
    assert page.locator("[role=alert]").first.is_visible()
    assert page.locator("input[name=email]").input_value() == ALICE.email

    sign_up(page, ALICE)
    assert path_of(page) == "/"
    assert "Alice" in main_text(page)

    log_out(page)
    assert path_of(page) == "/accounts/login/"

    log_in(page, ALICE.email, "not-the-password", expect_status=200)
    assert "do not match" in main_text(page)
    log_in(page, ALICE.email.upper(), ALICE.password)
    assert page.get_by_role("button", name="Log out").is_visible()


def test_it_saves_the_profile_and_shows_the_privacy_page(new_page: NewPage) -> None:
    page = new_page()
    sign_up(page, ALICE)

    visit(page, "/accounts/profile/")
    assert ALICE.email in main_text(page)
    page.locator("input[name=display_name]").fill("Alice B.")
    submit(page, page.get_by_role("button", name="Save"))
    assert page.locator("input[name=display_name]").input_value() == "Alice B."
    assert "saved" in page.locator(".messages").inner_text()

    # A wrong zone is refused with a message next to the field, and nothing is saved.
    page.locator("input[name=time_zone]").fill("Mars/Olympus")
    submit(page, page.get_by_role("button", name="Save"), expect_status=400)
    assert page.locator("[role=alert]").first.is_visible()
    visit(page, "/accounts/profile/")
    assert page.locator("input[name=time_zone]").input_value() == ALICE.time_zone

    page.get_by_label("What is this token for?").fill("phone app")
    submit(page, page.get_by_role("button", name="Create a token"))
    assert page.locator("#new-token").inner_text().strip()

    visit(page, "/privacy/")
    assert page.get_by_role("heading", name="Privacy", level=1).is_visible()
    visit(page, "/privacy/export/")


def test_it_locks_the_log_in_after_five_wrong_passwords(new_page: NewPage) -> None:
    page = new_page()
    sign_up(page, ALICE)
    log_out(page)
    for _attempt in range(4):
        log_in(page, ALICE.email, "not-the-password", expect_status=200)
    log_in(page, ALICE.email, "not-the-password", expect_status=429)
    # Even the right password is refused while the lock lasts.
    log_in(page, ALICE.email, ALICE.password, expect_status=429)
    assert "pause" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_role("button", name="Log out").count() == 0
