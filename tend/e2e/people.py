"""People in the browser tests: signing up and logging in through the real forms."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from tend.e2e.browsing import find_link, follow, submit, visit

PASSWORD = "a-long-browser-passphrase-2026"


@dataclass(frozen=True)
class Person:
    email: str
    name: str
    time_zone: str = "Europe/Berlin"
    password: str = PASSWORD


ALICE = Person("alice@example.com", "Alice")
BOB = Person("bob@example.com", "Bob")


def sign_up(page: Page, person: Person, path: str = "/accounts/signup/") -> Page:
    """Fill in the sign-up form and land wherever it leads (Today, or ``next``)."""
    visit(page, path)
    return fill_sign_up(page, person)


def fill_sign_up(page: Page, person: Person) -> Page:
    """Fill in the sign-up form on the current page and submit it."""
    form = page.locator("main form").filter(has=page.locator("input[name=password1]"))
    form.locator("input[name=email]").fill(person.email)
    form.locator("input[name=display_name]").fill(person.name)
    form.locator("input[name=password1]").fill(person.password)
    form.locator("input[name=password2]").fill(person.password)
    form.locator("input[name=time_zone]").fill(person.time_zone)
    return submit(page, form.locator("button[type=submit]"))


def log_in(page: Page, email: str, password: str, *, expect_status: int | None = None) -> Page:
    visit(page, "/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=username]").fill(email)
    form.locator("input[name=password]").fill(password)
    return submit(page, form.locator("button[type=submit]"), expect_status=expect_status)


def log_out(page: Page) -> Page:
    return submit(page, page.get_by_role("button", name="Log out"))


@dataclass(frozen=True)
class CheckIn:
    mood: int
    feelings: tuple[str, ...] = ()
    win: str = ""
    challenge: str = ""
    carrying: str = ""
    support: str = ""
    shared: bool = True


def check_in(page: Page, answers: CheckIn) -> Page:
    """Fill in today's check-in form the way a person would (labels, not field names)."""
    visit(page, "/checkins/today/")
    form = page.locator("main form").filter(has=page.locator("input[name=mood]"))
    form.locator(f"input[name=mood][value='{answers.mood}']").check()
    for feeling in answers.feelings:
        form.locator(f"input[name=feelings][value='{feeling}']").check()
    form.get_by_label("One win from today").fill(answers.win)
    form.get_by_label("One challenge from today").fill(answers.challenge)
    form.get_by_label("A feeling I'm carrying").fill(answers.carrying)
    form.get_by_label("How you could support me today").fill(answers.support)
    visibility = form.locator("input[name=visibility]")
    if visibility.count():
        visibility.and_(
            page.locator("[value=shared]" if answers.shared else "[value=private]")
        ).check()
    return submit(page, form.locator("button[type=submit]"))


def pair_up(
    alice: Page, bob: Page, *, alice_person: Person = ALICE, bob_person: Person = BOB
) -> None:
    """Alice signs up and invites Bob, who signs up through the link and accepts."""
    sign_up(alice, alice_person)
    visit(alice, "/pairs/new/")
    alice.get_by_label("A name for the two of you").fill("Alice & Bob")
    alice.locator("input[name=kind][value=partners]").check()
    submit(alice, alice.get_by_role("button", name="Create the pair"))
    submit(alice, alice.get_by_role("button", name="Make an invite link"))
    invite_path = find_link(alice, r"/pairs/join/[^/\s\"'?#]+/")
    visit(bob, invite_path)
    follow(bob, bob.get_by_role("link", name="Create an account"))
    fill_sign_up(bob, bob_person)
    submit(bob, bob.get_by_role("button", name="Accept"))
