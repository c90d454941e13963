"""API: daily check-ins, the weekly "state of us", and their series for charts.

A partner's check-in appears only once it is open for the reader (see
``OwnedQuerySet.visible_to``); a sealed one is reported as "sealed", never shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db.models import QuerySet
from ninja import Query, Router, Status
from ninja.errors import HttpError

from tend.accounts.models import User
from tend.checkins import queries, services
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.checkins.schemas import (
    DailyFields,
    DailyIn,
    DailyOut,
    DailyPageOut,
    DailyTodayOut,
    SeriesOut,
    WeeklyCurrentOut,
    WeeklyFields,
    WeeklyIn,
    WeeklyOut,
    WeeklyPageOut,
)
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, ErrorOut, PageParams, page_of
from tend.lib.http import AuthenticatedHttpRequest
from tend.lib.timezones import week_start
from tend.pairs.access import get_pair_for
from tend.pairs.models import Pair
from tend.privacy.access import get_own_item, get_visible_item
from tend.privacy.codes import CODE_LENGTH

router = Router(tags=["checkins"])

CREATE_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 409: ErrorOut}
PAIR_QUERY = Query(None, max_length=CODE_LENGTH, description="A pair code; leave it out for solo.")
MAX_SERIES_DAYS = 730

_Item = TypeVar("_Item", DailyCheckIn, WeeklyCheckIn)


def _pair_or_solo(user: User, code: str | None) -> Pair | None:
    return None if code is None else get_pair_for(user, code)


def _partner(
    pair: Pair | None,
    user: User,
    opened: DailyCheckIn | WeeklyCheckIn | None,
    sealed: bool,
) -> dict[str, Any] | None:
    """The partner's item for the same day or week: open, sealed, or nothing to say."""
    partner = pair.partner_of(user) if pair is not None and pair.is_open else None
    if partner is None:
        return None
    # "none" is also what a private item of theirs looks like: for me it does not exist.
    state = "open" if opened is not None else "sealed" if sealed else "none"
    return {"display_name": partner.display_name, "state": state, "checkin": opened}


def _create_failure(
    exc: services.CheckInError, already: DailyCheckIn | WeeklyCheckIn | None
) -> HttpError:
    return HttpError(409 if already is not None else 400, str(exc))


def _visible(model: type[_Item], user: User, pair_code: str | None) -> QuerySet[_Item]:
    qs = model.objects.visible_to(user).select_related("owner", "pair")
    if pair_code is not None:
        qs = qs.filter(pair=get_pair_for(user, pair_code))
    return qs


# Daily ------------------------------------------------------------------------


@router.get(
    "/daily",
    response={200: DailyPageOut, **COMMON_ERRORS},
    summary="Daily check-ins I can read",
    description="Newest first. Without `pair`: every check-in I can read, solo ones included.",
)
def list_daily(
    request: AuthenticatedHttpRequest,
    page: Query[PageParams],
    pair: str | None = PAIR_QUERY,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Any:
    qs = _visible(DailyCheckIn, request.user, pair)
    if since is not None:
        qs = qs.filter(date__gte=since)
    if until is not None:
        qs = qs.filter(date__lte=until)
    return page_of(qs, page)


@router.get(
    "/daily/today",
    response={200: DailyTodayOut, **COMMON_ERRORS},
    summary="Today: my check-in and my partner's state",
)
def daily_today(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    user = request.user
    the_pair = _pair_or_solo(user, pair)
    status = queries.daily_status(user, the_pair, user.local_today())
    return {
        "date": status.day,
        "pair": pair,
        "mine": status.mine,
        "partner": _partner(the_pair, user, status.partner, status.partner_sealed),
    }


@router.post(
    "/daily",
    response={201: DailyOut, **CREATE_ERRORS},
    summary="Check in for today",
    description="For my local today; 409 if I already checked in today in that pair (or solo).",
)
def create_daily(request: AuthenticatedHttpRequest, payload: DailyIn) -> object:
    user = request.user
    the_pair = _pair_or_solo(user, payload.pair)
    try:
        item = services.record_daily(user, the_pair, payload.model_dump(mode="json"))
    except services.CheckInError as exc:
        raise _create_failure(exc, services.todays_daily(user, the_pair)) from exc
    return Status(201, item)


@router.get("/daily/{code}", response={200: DailyOut, **COMMON_ERRORS}, summary="A check-in")
def get_daily(request: AuthenticatedHttpRequest, code: str) -> object:
    return get_visible_item(request.user, DailyCheckIn, code)


@router.put(
    "/daily/{code}",
    response={200: DailyOut, **WRITE_ERRORS},
    summary="Change my check-in",
    description="Only my own, and only on its own day. Replaces every field.",
)
def update_daily(request: AuthenticatedHttpRequest, code: str, payload: DailyFields) -> object:
    item = get_own_item(request.user, DailyCheckIn, code)
    return services.update_daily(request.user, item, payload.model_dump(mode="json"))


# Weekly -----------------------------------------------------------------------


@router.get(
    "/weekly",
    response={200: WeeklyPageOut, **COMMON_ERRORS},
    summary="Weekly check-ins I can read",
    description="Newest first. `since` and `until` compare with the week's Monday.",
)
def list_weekly(
    request: AuthenticatedHttpRequest,
    page: Query[PageParams],
    pair: str | None = PAIR_QUERY,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Any:
    qs = _visible(WeeklyCheckIn, request.user, pair)
    if since is not None:
        qs = qs.filter(week_start__gte=week_start(since))
    if until is not None:
        qs = qs.filter(week_start__lte=until)
    return page_of(qs, page)


@router.get(
    "/weekly/current",
    response={200: WeeklyCurrentOut, **COMMON_ERRORS},
    summary="This week: mine and my partner's state",
)
def weekly_current(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    user = request.user
    the_pair = _pair_or_solo(user, pair)
    monday = week_start(user.local_today())
    status = queries.weekly_status(user, the_pair, monday)
    return {
        "week_start": status.week_start,
        "pair": pair,
        "mine": status.mine,
        "partner": _partner(the_pair, user, status.partner, status.partner_sealed),
    }


@router.post(
    "/weekly",
    response={201: WeeklyOut, **CREATE_ERRORS},
    summary="Write this week's state of us",
    description="For my local week; 409 if I already wrote it in that pair (or solo).",
)
def create_weekly(request: AuthenticatedHttpRequest, payload: WeeklyIn) -> object:
    user = request.user
    the_pair = _pair_or_solo(user, payload.pair)
    try:
        item = services.record_weekly(user, the_pair, payload.model_dump(mode="json"))
    except services.CheckInError as exc:
        raise _create_failure(exc, services.this_weeks(user, the_pair)) from exc
    return Status(201, item)


@router.get(
    "/weekly/{code}", response={200: WeeklyOut, **COMMON_ERRORS}, summary="A weekly check-in"
)
def get_weekly(request: AuthenticatedHttpRequest, code: str) -> object:
    return get_visible_item(request.user, WeeklyCheckIn, code)


@router.put(
    "/weekly/{code}",
    response={200: WeeklyOut, **WRITE_ERRORS},
    summary="Change my weekly check-in",
    description="Only my own, and only during its own week. Replaces every field.",
)
def update_weekly(request: AuthenticatedHttpRequest, code: str, payload: WeeklyFields) -> object:
    item = get_own_item(request.user, WeeklyCheckIn, code)
    return services.update_weekly(request.user, item, payload.model_dump(mode="json"))


# Series -----------------------------------------------------------------------


@router.get(
    "/series",
    response={200: SeriesOut, **COMMON_ERRORS},
    summary="Mood and closeness over time",
    description="Mine, and my partner's where they are open to me; nothing sealed or private. "
    "Without `pair`: everything I wrote, solo and in any pair, as on the chart page.",
)
def series(
    request: AuthenticatedHttpRequest,
    pair: str | None = PAIR_QUERY,
    days: int = Query(90, ge=1, le=MAX_SERIES_DAYS),
) -> object:
    user = request.user
    the_pair = _pair_or_solo(user, pair)
    until = user.local_today()
    since = until - dt.timedelta(days=days - 1)
    partner = the_pair.partner_of(user) if the_pair is not None and the_pair.is_open else None
    return {
        "pair": pair,
        "since": since,
        "until": until,
        "partner_name": partner.display_name if partner is not None else None,
        "mood": [
            {"date": p.when, "mine": p.mine, "partner": p.partner}
            for p in queries.mood_points(user, the_pair, since)
        ],
        "closeness": [
            {"week_start": p.when, "mine": p.mine, "partner": p.partner}
            for p in queries.closeness_points(user, the_pair, since)
        ],
    }
