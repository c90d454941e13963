"""The one-tap moment buttons on the Today page.

The panel reads nothing from the database: the kinds come from the cached kinds
file, and the figures stay on the moments page. Today is at its query budget.
"""

from __future__ import annotations

from django.http import HttpRequest

from tend.moments import content
from tend.pairs.models import Pair
from tend.today.panels import Panel, register

ORDER_MOMENTS = 40


@register(order=ORDER_MOMENTS)
def moment_buttons(request: HttpRequest, pair: Pair | None) -> Panel:
    return Panel(
        "moments/today/panel.html",
        {"positives": content.positives(), "negatives": content.negatives()},
    )
