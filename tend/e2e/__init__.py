"""End-to-end tests: Tend in a real browser (Debian Chromium through Playwright).

Run with ``make test-browser`` or ``pytest -m browser``; they are left out of the main run.
"""
