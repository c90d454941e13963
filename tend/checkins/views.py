"""Check-in pages: today's check-in, this week's state of us, history and charts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tend.accounts.models import User
from tend.checkins import queries, services
from tend.checkins.forms import CheckInForm, DailyCheckInForm, WeeklyCheckInForm
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.lib.forms import run_service
from tend.lib.http import AuthenticatedHttpRequest
from tend.lib.timezones import week_start
from tend.pairs.access import current_pair
from tend.privacy.access import get_visible_item


def _save(form: CheckInForm, write: Any) -> Any | None:
    """Run a service write with the form's data; refusals become form errors."""
    return run_service(form, lambda: write(form.data_for_service()))


@login_required
@require_http_methods(["GET", "POST"])
def daily(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    pair = queries.writing_pair(current_pair(request))
    existing = services.todays_daily(user, pair)
    solo = pair is None
    if request.method == "POST":
        form = DailyCheckInForm(request.POST, solo=solo)
        if form.is_valid():
            if existing is None:
                saved = _save(form, lambda data: services.record_daily(user, pair, data))
            else:
                saved = _save(form, lambda data: services.update_daily(user, existing, data))
            if saved is not None:
                if existing is None:
                    messages.success(request, _("Your check-in for today is saved."))
                else:
                    messages.success(request, _("Your check-in for today is updated."))
                return redirect("today:today")
    else:
        initial = DailyCheckInForm.initial_from(existing) if existing else None
        form = DailyCheckInForm(initial=initial, solo=solo)
    return render(
        request,
        "checkins/daily_form.html",
        {"form": form, "existing": existing, "pair": pair, "today": user.local_today()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def weekly(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    pair = queries.writing_pair(current_pair(request))
    existing = services.this_weeks(user, pair)
    solo = pair is None
    if request.method == "POST":
        form = WeeklyCheckInForm(request.POST, solo=solo)
        if form.is_valid():
            if existing is None:
                saved = _save(form, lambda data: services.record_weekly(user, pair, data))
            else:
                saved = _save(form, lambda data: services.update_weekly(user, existing, data))
            if saved is not None:
                if existing is None:
                    messages.success(request, _("This week's state of us is saved."))
                else:
                    messages.success(request, _("This week's state of us is updated."))
                return redirect("today:today")
    else:
        initial = WeeklyCheckInForm.initial_from(existing) if existing else None
        form = WeeklyCheckInForm(initial=initial, solo=solo)
    monday = week_start(user.local_today())
    return render(
        request,
        "checkins/weekly_form.html",
        {
            "form": form,
            "existing": existing,
            "pair": pair,
            "week_start": monday,
            "week_end": monday + dt.timedelta(days=6),
        },
    )


@login_required
def daily_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    user = request.user
    item = get_visible_item(user, DailyCheckIn, code)
    is_mine = item.is_owned_by(user)
    can_edit = item.is_editable_by(user) and item.pair_id == getattr(
        queries.writing_pair(current_pair(request)), "pk", None
    )
    return render(
        request,
        "checkins/daily_detail.html",
        {"item": item, "is_mine": is_mine, "can_edit": can_edit, "writer": item.owner},
    )


@login_required
def weekly_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    user = request.user
    item = get_visible_item(user, WeeklyCheckIn, code)
    is_mine = item.is_owned_by(user)
    can_edit = item.is_editable_by(user) and item.pair_id == getattr(
        queries.writing_pair(current_pair(request)), "pk", None
    )
    return render(
        request,
        "checkins/weekly_detail.html",
        {
            "item": item,
            "is_mine": is_mine,
            "can_edit": can_edit,
            "writer": item.owner,
            "week_end": item.week_start + dt.timedelta(days=6),
        },
    )


@login_required
def history(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    pair = current_pair(request)
    number = queries.clamp_page(request.GET.get("page"))
    page = queries.history_page(user, pair, number, user.local_today())
    partner = pair.partner_of(user) if pair else None
    return render(
        request,
        "checkins/history.html",
        {
            "page": page,
            "pair": pair,
            "partner": partner,
            "partner_name": partner if partner is not None else _("Your partner"),
        },
    )


@login_required
def chart(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    pair = current_pair(request)
    try:
        days = int(request.GET.get("days", queries.DEFAULT_CHART_RANGE))
    except ValueError:
        days = queries.DEFAULT_CHART_RANGE
    if days not in queries.CHART_RANGES:
        days = queries.DEFAULT_CHART_RANGE
    today = user.local_today()
    since = today - dt.timedelta(days=days - 1)
    partner = pair.partner_of(user) if pair else None
    mood = queries.mood_points(user, pair, since)
    closeness = queries.closeness_points(user, pair, since)
    return render(
        request,
        "checkins/chart.html",
        {
            "pair": pair,
            "partner": partner,
            "days": days,
            "ranges": queries.CHART_RANGES,
            "since": since,
            "mood": mood,
            "closeness": closeness,
            "mood_data": _chart_data(
                mood, partner, _("Mood (1–5)"), (1, 5), every_day(since, today)
            ),
            "closeness_data": _chart_data(
                closeness, partner, _("Closeness (1–10)"), (1, 10), every_monday(since, today)
            ),
        },
    )


def every_day(since: dt.date, today: dt.date) -> list[dt.date]:
    return [since + dt.timedelta(days=n) for n in range((today - since).days + 1)]


def every_monday(since: dt.date, today: dt.date) -> list[dt.date]:
    first = week_start(since)
    return [first + dt.timedelta(weeks=n) for n in range((week_start(today) - first).days // 7 + 1)]


def _chart_data(
    points: list[queries.ChartPoint],
    partner: User | None,
    axis_label: str,
    scale: tuple[int, int],
    axis: list[dt.date],
) -> dict[str, Any]:
    """What the chart script draws; the page shows the same numbers as a table.

    Every day (or week) of the range gets a slot, empty ones too, so that gaps
    in the habit show as gaps in time instead of being squeezed out.
    """
    by_date = {p.when: p for p in points}
    slots = [by_date.get(when) for when in axis]
    datasets = [{"label": _("You"), "data": [p.mine if p else None for p in slots]}]
    if partner is not None or any(p.partner is not None for p in points):
        name = str(partner) if partner is not None else _("Your partner")
        datasets.append({"label": name, "data": [p.partner if p else None for p in slots]})
    return {
        "labels": [date_format(when, "SHORT_DATE_FORMAT") for when in axis],
        "datasets": datasets,
        "axis_label": axis_label,
        "y_min": scale[0],
        "y_max": scale[1],
    }
