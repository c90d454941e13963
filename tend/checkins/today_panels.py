"""Check-in panels on the Today page: today's check-in and this week's state of us."""

from __future__ import annotations

from django.http import HttpRequest

from tend.checkins.queries import daily_status, weekly_status, writing_pair
from tend.lib.http import signed_in
from tend.lib.timezones import week_start
from tend.pairs.models import Pair
from tend.today.panels import Panel, register

ORDER_DAILY = 20
ORDER_WEEKLY = 60


@register(order=ORDER_DAILY)
def daily_checkin(request: HttpRequest, pair: Pair | None) -> Panel:
    user = signed_in(request)
    pair = writing_pair(pair)
    # "Today" is the viewer's own local date; a partner in another time zone is
    # matched on the same date value, which is also what sealing compares.
    status = daily_status(user, pair, user.local_today())
    return Panel(
        "checkins/today/daily.html",
        {"status": status, "partner": pair.partner_of(user) if pair else None},
    )


@register(order=ORDER_WEEKLY)
def weekly_checkin(request: HttpRequest, pair: Pair | None) -> Panel:
    user = signed_in(request)
    pair = writing_pair(pair)
    status = weekly_status(user, pair, week_start(user.local_today()))
    return Panel(
        "checkins/today/weekly.html",
        {"status": status, "partner": pair.partner_of(user) if pair else None},
    )
