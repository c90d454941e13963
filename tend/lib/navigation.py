"""The main navigation, defined once and resolved once per language.

Every page shows it, so its labels and addresses are translated and reversed
once per process and language instead of on every request.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# (view name, label, the URL namespaces whose pages belong to the item)
MAIN = (
    ("today:today", _("Today"), ("today",)),
    ("checkins:history", _("Check-ins"), ("checkins",)),
    ("conversation:index", _("Talk"), ("conversation", "deep_talk", "love_map")),
    ("appreciation:index", _("Thanks"), ("appreciation",)),
    ("moments:index", _("Moments"), ("moments",)),
    ("coach:draft", _("Coach"), ("coach",)),
    ("pairs:list", _("Pairs"), ("pairs",)),
    ("accounts:profile", _("Profile"), ("accounts",)),
    ("privacy:overview", _("Privacy"), ("privacy",)),
)


@lru_cache(maxsize=64)
def _resolved(
    language: str | None, prefix: str
) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    return tuple((name, str(label), reverse(name), spaces) for name, label, spaces in MAIN)


def main_navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``nav_items`` as (view name, label, address, namespaces) for
    signed-in people."""
    if not request.user.is_authenticated:
        return {}
    return {"nav_items": _resolved(get_language(), get_script_prefix())}
