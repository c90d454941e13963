from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tend.pairs.access import current_pair


def current_pair_context(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {}
    pair = current_pair(request)
    return {
        "current_pair": pair,
        "my_pairs": getattr(request, "_tend_pairs", []),
        "current_partner": pair.partner_of(request.user) if pair else None,
    }
