"""The demo pair's pages, checked with axe, and photographed for the README.

The pictures are only written when TEND_SCREENSHOTS_DIR names a directory
(``make screenshots`` writes docs/screenshots); without it the test still walks
the demo pages, which hold months of history, in both colour schemes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tend.checkins import services as checkin_services
from tend.demo.builder import DEMO_PASSWORD, build
from tend.e2e.browsing import main_text, submit, visit
from tend.e2e.conftest import DESKTOP, PHONE, NewPage
from tend.e2e.people import log_in
from tend.privacy.models import Visibility

pytestmark = pytest.mark.browser


class Camera:
    def __init__(self) -> None:
        target = os.environ.get("TEND_SCREENSHOTS_DIR", "")
        self.directory = Path(target) if target else None
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)

    def shoot(self, page: Page, name: str) -> None:
        if self.directory is None:
            return
        # Scroll to the top and let fonts settle, so every picture starts at the page head.
        page.evaluate("() => document.fonts.ready.then(() => window.scrollTo(0, 0))")
        page.screenshot(path=str(self.directory / f"{name}.png"), animations="disabled")


def test_screenshots_of_the_demo_pair_for_the_readme(new_page: NewPage) -> None:
    demo = build(days=120)
    alex, sam = demo.people
    # Sam has already checked in today, so Alex's Today shows a sealed check-in.
    checkin_services.record_daily(
        sam,
        demo.pair,
        {
            "mood": 4,
            "feelings": ["grateful", "calm"],
            "win": "Cooked the whole dinner without looking at a recipe.",
            "challenge": "The bus was late twice.",
            "carrying": "",
            "support": "Sit with me on the balcony after dinner.",
            "visibility": Visibility.SHARED,
        },
    )
    camera = Camera()

    phone = new_page(viewport=PHONE, reduced_motion="reduce")
    log_in(phone, alex.email, DEMO_PASSWORD)
    assert "Sam has checked in" in phone.locator(".today-daily").inner_text()
    camera.shoot(phone, "today-phone")

    visit(phone, "/checkins/today/")
    form = phone.locator("main form")
    form.locator("input[name=mood][value='4']").check()
    form.locator("input[name=feelings][value='hopeful']").check()
    form.locator("input[name=feelings][value='tired']").check()
    form.get_by_label("One win from today").fill("We planned the trip to the coast together.")
    form.get_by_label("How you could support me today").fill("A slow breakfast tomorrow.")
    camera.shoot(phone, "checkin-phone")
    submit(phone, form.locator("button[type=submit]"))

    visit(phone, f"/pairs/{demo.pair.code}/")
    assert "Alex & Sam" in main_text(phone)
    camera.shoot(phone, "pair-phone")

    desktop = new_page(viewport=DESKTOP, reduced_motion="reduce")
    log_in(desktop, alex.email, DEMO_PASSWORD)
    assert "Cooked the whole dinner" in desktop.locator(".today-daily").inner_text()
    camera.shoot(desktop, "today-desktop")
    visit(desktop, "/checkins/history/")
    camera.shoot(desktop, "history-desktop")
    visit(desktop, "/checkins/chart/")
    assert desktop.locator("#mood-chart").is_visible()
    camera.shoot(desktop, "chart-desktop")

    # The dark scheme: the same pages once more for axe, and one picture.
    for page in (phone, desktop):
        page.emulate_media(color_scheme="dark")
    visit(phone, "/")
    camera.shoot(phone, "today-phone-dark")
    for path in ("/", "/checkins/today/", "/checkins/history/", "/checkins/chart/"):
        visit(desktop, path)
    visit(desktop, f"/pairs/{demo.pair.code}/")


def test_screenshots_of_talk_for_the_readme(new_page: NewPage) -> None:
    from tend.conversation.models import Question
    from tend.deep_talk.models import Talk
    from tend.love_map.models import Round

    demo = build(days=120)
    alex = demo.people[0]
    camera = Camera()
    opened = Question.objects.filter(pair=demo.pair, replies__isnull=False).order_by("-day")[0]
    talk = Talk.objects.filter(pair=demo.pair).first()
    round_ = Round.objects.filter(pair=demo.pair, subject=alex).order_by("-created_at").first()
    assert talk is not None and round_ is not None

    phone = new_page(viewport=PHONE, reduced_motion="reduce")
    log_in(phone, alex.email, DEMO_PASSWORD)
    visit(phone, "/talk/")
    assert "Today's question" in main_text(phone)
    camera.shoot(phone, "talk-phone")

    desktop = new_page(viewport=DESKTOP, reduced_motion="reduce")
    log_in(desktop, alex.email, DEMO_PASSWORD)
    visit(desktop, f"/talk/q/{opened.code}/")
    assert "Talk about it" in main_text(desktop)
    camera.shoot(desktop, "question-desktop")
    visit(desktop, f"/talk/deep/{talk.code}/summary/")
    camera.shoot(desktop, "deep-talk-desktop")
    visit(desktop, f"/talk/love-map/rounds/{round_.code}/")
    camera.shoot(desktop, "love-map-desktop")
    for path in ("/talk/past/", "/talk/decks/", "/talk/decks/money/", "/talk/ours/"):
        visit(desktop, path)

    # The same pages in the dark scheme, for axe.
    desktop.emulate_media(color_scheme="dark")
    for path in (
        "/talk/",
        f"/talk/q/{opened.code}/",
        f"/talk/deep/{talk.code}/summary/",
        f"/talk/love-map/rounds/{round_.code}/",
        "/talk/love-map/learned/",
    ):
        visit(desktop, path)


def test_screenshots_of_thanks_and_moments_for_the_readme(new_page: NewPage) -> None:
    demo = build(days=120)
    alex = demo.people[0]
    camera = Camera()

    desktop = new_page(viewport=DESKTOP, reduced_motion="reduce")
    log_in(desktop, alex.email, DEMO_PASSWORD)
    visit(desktop, "/thanks/jar/")
    camera.shoot(desktop, "jar-desktop")
    visit(desktop, "/moments/chart/")
    assert desktop.locator("canvas").first.is_visible()
    camera.shoot(desktop, "moments-chart-desktop")
    for path in ("/thanks/", "/thanks/three-things/", "/thanks/news/", "/moments/about/"):
        visit(desktop, path)

    phone = new_page(viewport=PHONE, reduced_motion="reduce")
    log_in(phone, alex.email, DEMO_PASSWORD)
    visit(phone, "/moments/")
    assert "Last 30 days" in main_text(phone)
    camera.shoot(phone, "moments-phone")

    # The same pages in the dark scheme, for axe.
    desktop.emulate_media(color_scheme="dark")
    for path in ("/thanks/", "/thanks/jar/", "/moments/", "/moments/chart/"):
        visit(desktop, path)
