"""Helpers for the browser tests: visiting pages, submitting forms, and the axe check.

Every page a test sees goes through :func:`visit` or :func:`submit`, so every page
is checked for accessibility without each test having to remember it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from django.conf import settings
from playwright.sync_api import CDPSession, Locator, Page, Response

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# The WCAG 2.1 A and AA rules; best-practice rules are advice, not a failure.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}; "
            f"at {', '.join(targets)}" + (f" and {more} more" if more > 0 else "")
        )
        # The first node's own explanation says what is wrong there (e.g. the two colours).
        first = violation["nodes"][0]
        detail = " ".join(check["message"] for check in first.get("any", []) + first.get("all", []))
        if detail:
            lines.append(f"    first: {detail}")
    return "\n".join(lines)


# Pages that load without running their own scripts (see switch_scripts_off).
_NO_SCRIPTS: WeakKeyDictionary[Page, CDPSession] = WeakKeyDictionary()


def switch_scripts_off(page: Page) -> Page:
    """Load every following page of ``page`` without running its scripts.

    Done through the DevTools protocol rather than Playwright's ``java_script_enabled``
    so that the axe check can switch scripts back on for itself, after the page loaded.
    """
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setScriptExecutionDisabled", {"value": True})
    _NO_SCRIPTS[page] = session
    return page


def _has_axe(page: Page) -> bool:
    return bool(page.evaluate("() => typeof window.axe !== 'undefined'"))


def check_accessibility(page: Page) -> None:
    """Fail on any serious or critical WCAG 2.1 AA violation axe-core finds on the page."""
    scripts_off = _NO_SCRIPTS.get(page)
    if scripts_off is not None:
        # axe needs timers, which do not run while scripts are off. Switching them on now
        # does not run the page's own scripts again: the page stays as it loaded.
        scripts_off.send("Emulation.setScriptExecutionDisabled", {"value": False})
    try:
        if not _has_axe(page):
            page.add_script_tag(path=str(AXE_SCRIPT))
        result = page.evaluate(
            "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
    finally:
        if scripts_off is not None:
            scripts_off.send("Emulation.setScriptExecutionDisabled", {"value": True})
    failing = [v for v in result["violations"] if v["impact"] in FAILING_IMPACTS]
    scheme = page.evaluate(
        "() => matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'"
    )
    if failing:
        # Contrast results mean little if a stylesheet did not apply; say which ones did.
        sheets = page.evaluate(
            "() => Array.from(document.styleSheets, s => `${s.href} (${s.cssRules.length} rules)`)"
        )
        raise AssertionError(
            f"accessibility problems on {page.url} ({scheme} scheme):\n{_describe(failing)}\n"
            f"stylesheets: {', '.join(sheets)}"
        )


def _checked(page: Page, response: Response | None, expect_status: int | None) -> Page:
    assert response is not None, f"no response for {page.url}"
    if expect_status is None:
        assert response.ok, f"{page.url} answered {response.status}"
    else:
        assert response.status == expect_status, (
            f"{page.url} answered {response.status}, expected {expect_status}"
        )
    check_accessibility(page)
    return page


def visit(page: Page, path: str, *, expect_status: int | None = None) -> Page:
    """Open ``path`` (relative to the live server), check it answered and is accessible."""
    response = page.goto(path)
    return _checked(page, response, expect_status)


def reload(page: Page) -> Page:
    return _checked(page, page.reload(), None)


def submit(page: Page, button: Locator, *, expect_status: int | None = None) -> Page:
    """Click a submit button, wait for the page it leads to and check that page too.

    Forms post the plain way (a full page load), so they work without JavaScript.
    """
    with page.expect_navigation() as navigation:
        button.click()
    return _checked(page, navigation.value, expect_status)


def follow(page: Page, link: Locator) -> Page:
    """Follow a link the way a person would, and check the page it leads to."""
    with page.expect_navigation() as navigation:
        link.click()
    return _checked(page, navigation.value, None)


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def main_text(page: Page) -> str:
    return page.locator("main").inner_text()


def page_source(page: Page) -> str:
    """The whole document, hidden parts and attributes included."""
    return page.content()


def find_link(page: Page, pattern: str) -> str:
    """The first URL on the page matching ``pattern`` (in text, attributes or form values)."""
    values = page.evaluate(
        """() => [
            ...Array.from(document.querySelectorAll('input, textarea'), e => e.value),
            ...Array.from(document.querySelectorAll('a[href]'), e => e.href),
            document.body.innerText,
        ]"""
    )
    for value in values:
        match = re.search(pattern, value or "")
        if match:
            return match.group(0)
    raise AssertionError(f"no link matching {pattern!r} on {page.url}")
