"""Fixtures for the browser tests: one Chromium for the run, fresh contexts per person."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Request,
    Response,
    sync_playwright,
)

from tend.e2e.browsing import BROWSER_ARGS, switch_scripts_off

# The live server runs in a thread next to Playwright's event loop; Django would otherwise
# refuse database access from what it takes for async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 420, "height": 900}
DESKTOP = {"width": 1280, "height": 900}
# Both people live in the same zone so their "today" is the same date whatever the hour
# the suite runs at; sealing pairs check-ins by date.
TIME_ZONE = "Europe/Berlin"


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    runner = sync_playwright().start()
    yield runner
    runner.stop()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS
    )
    yield chromium
    chromium.close()


NewPage = Callable[..., Page]


@pytest.fixture
def new_page(browser: Browser, live_server: Any) -> Iterator[NewPage]:
    """Open a page in a browser of its own (one person: own cookies) on the live server.

    Script errors, failed requests and missing static files on any page fail the test.
    """
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def on_response(response: Response) -> None:
        if "/static/" in response.url and not response.ok:
            errors.append(f"{response.url} answered {response.status}")

    def on_failure(request: Request) -> None:
        if request.url.startswith(live_server.url):
            errors.append(f"{request.url} failed: {request.failure}")

    def make(
        *,
        viewport: dict[str, int] | None = None,
        color_scheme: str = "light",
        javascript: bool = True,
        reduced_motion: str = "no-preference",
    ) -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport or DESKTOP,  # type: ignore[arg-type]
            device_scale_factor=1,
            color_scheme=color_scheme,  # type: ignore[arg-type]
            reduced_motion=reduced_motion,  # type: ignore[arg-type]
            locale="en-GB",
            timezone_id=TIME_ZONE,
        )
        contexts.append(context)
        context.set_default_timeout(10_000)
        # The quick-exit link points off-site; no test should ever leave the live server.
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        context.on("response", on_response)
        context.on("requestfailed", on_failure)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        if not javascript:
            switch_scripts_off(page)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, "problems in the browser:\n" + "\n".join(errors)
