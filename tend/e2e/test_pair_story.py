"""The main story: two people become a pair and open each other's check-ins together.

Alice and Bob each use their own browser (a separate context, so separate cookies).
Every page either of them sees is also checked with axe.
"""

from __future__ import annotations

import pytest

from tend.e2e.browsing import (
    check_accessibility,
    find_link,
    follow,
    main_text,
    page_source,
    path_of,
    reload,
    submit,
    visit,
)
from tend.e2e.conftest import PHONE, NewPage
from tend.e2e.people import ALICE, BOB, CheckIn, check_in, fill_sign_up, sign_up

pytestmark = pytest.mark.browser

ALICES = CheckIn(
    mood=4,
    feelings=("grateful", "tired"),
    win="Finished the bookshelf with my own hands",
    challenge="A long meeting that went nowhere",
    carrying="A little worry about my sister",
    support="Tea and ten quiet minutes after work",
)
BOBS = CheckIn(
    mood=3,
    feelings=("hopeful",),
    win="Ran to the harbour before breakfast",
    challenge="Missed the early train",
    support="A walk together tonight",
)


def test_two_people_pair_up_and_their_check_ins_open_only_when_both_have_written(
    new_page: NewPage,
) -> None:
    alice = new_page()
    bob = new_page(viewport=PHONE)

    # Alice signs up and starts a pair; Today invites her to do so.
    sign_up(alice, ALICE)
    assert "Hello, Alice" in main_text(alice)
    visit(alice, "/pairs/new/")
    alice.get_by_label("A name for the two of you").fill("Alice & Bob")
    alice.locator("input[name=kind][value=partners]").check()
    submit(alice, alice.get_by_role("button", name="Create the pair"))
    pair_path = path_of(alice)
    assert pair_path.startswith("/pairs/") and pair_path != "/pairs/new/"
    assert "Waiting for someone to join" in main_text(alice)

    submit(alice, alice.get_by_role("button", name="Make an invite link"))
    invite_path = find_link(alice, r"/pairs/join/[^/\s\"'?#]+/")
    # The link is shown once: coming back to the pair page does not show it again.
    visit(alice, pair_path)
    assert invite_path not in page_source(alice)

    # Bob opens the link before he has an account: he sees who invites him to what.
    visit(bob, invite_path)
    assert "Alice invites you to share “Alice & Bob”" in main_text(bob)
    follow(bob, bob.get_by_role("link", name="Create an account"))
    fill_sign_up(bob, BOB)
    assert path_of(bob) == invite_path, "sign-up should lead back to the invitation"
    submit(bob, bob.get_by_role("button", name="Accept"))

    # Both now see the pair with both names in it.
    visit(bob, pair_path)
    members = bob.locator("#members-title + ul").inner_text()
    assert "Alice" in members and "Bob" in members
    reload(alice)
    assert "Bob" in alice.locator("#members-title + ul").inner_text()
    assert "Waiting for someone to join" not in main_text(alice)

    # Alice checks in first; her Today shows it, and Bob as not yet checked in.
    check_in(alice, ALICES)
    visit(alice, "/")
    daily = alice.locator(".today-daily")
    assert ALICES.win in daily.inner_text()
    assert "Bob hasn't checked in yet today" in daily.inner_text()

    # Bob sees that Alice has checked in, but nothing of what she wrote.
    visit(bob, "/")
    daily = bob.locator(".today-daily")
    assert "Sealed" in daily.inner_text()
    assert "Alice has checked in" in daily.inner_text()
    for page_path in ("/", "/checkins/history/", "/checkins/chart/", "/privacy/export/"):
        visit(bob, page_path)
        source = page_source(bob)
        for secret in (ALICES.win, ALICES.challenge, ALICES.carrying, ALICES.support):
            assert secret not in source, f"Alice's sealed answer leaked on {page_path}"

    # Bob checks in: now both check-ins are open to both of them.
    check_in(bob, BOBS)
    visit(bob, "/")
    daily_text = bob.locator(".today-daily").inner_text()
    assert ALICES.win in daily_text
    assert BOBS.win in daily_text
    assert "Sealed" not in daily_text
    follow(bob, bob.locator(".today-daily").get_by_role("link", name="Read it").last)
    assert "Alice's check-in" in main_text(bob)
    assert ALICES.carrying in main_text(bob)

    visit(alice, "/")
    assert BOBS.win in alice.locator(".today-daily").inner_text()

    # The rest of the pages around the check-ins, each checked with axe.
    visit(alice, "/checkins/history/")
    assert ALICES.win in main_text(alice) or "Alice" in main_text(alice)
    visit(alice, "/checkins/chart/")
    assert alice.locator("#mood-chart").count() == 1
    visit(bob, "/checkins/history/")
    visit(bob, "/checkins/chart/")
    visit(alice, "/pairs/")
    visit(alice, pair_path)
    visit(alice, "/accounts/profile/")
    visit(alice, "/privacy/")
    visit(bob, "/privacy/")

    # Today in the dark scheme, for both of them.
    for page in (alice, bob):
        page.emulate_media(color_scheme="dark")
        visit(page, "/")
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        check_accessibility(page)
