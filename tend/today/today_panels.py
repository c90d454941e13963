"""Today's own panel: where the person stands with their pair, for newcomers especially."""

from __future__ import annotations

from django.http import HttpRequest

from tend.pairs.models import Pair
from tend.today.panels import Panel, register

ORDER_PAIR_STATUS = 10


@register(order=ORDER_PAIR_STATUS)
def pair_status(request: HttpRequest, pair: Pair | None) -> Panel | None:
    """Teach what to do next when there is no partner to share with yet."""
    if pair is None:
        return Panel("today/panels/no_pair.html")
    if not pair.is_open:
        return Panel("today/panels/pair_ended.html", {"pair": pair})
    if pair.partner_of(request.user) is None:
        return Panel("today/panels/waiting_for_partner.html", {"pair": pair})
    return None
