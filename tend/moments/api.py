"""API: the kinds of moment, my own ledger, and the combined figures of my pair.

A moment is readable only by the person who noted it; the figures are counts and
sums, never entries.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from ninja import Query, Router, Status

from tend.accounts.models import User
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, PageParams, page_of
from tend.lib.http import AuthenticatedHttpRequest
from tend.moments import content, figures, services
from tend.moments.models import Moment
from tend.moments.schemas import (
    FiguresOut,
    KindsOut,
    MomentIn,
    MomentOut,
    MomentPageOut,
    MomentPatch,
)
from tend.pairs.access import get_open_pair_for, pairs_of
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH

router = Router(tags=["appreciation"])

PAIR_QUERY = Query(
    None, max_length=CODE_LENGTH, description="One of my open pairs; default my first open one."
)


def _pair(user: User, code: str | None) -> Pair | None:
    if code:
        return get_open_pair_for(user, code)
    return next((p for p in pairs_of(user) if p.is_open), None)


def _moment_out(item: Moment) -> dict[str, Any]:
    kind = content.by_slug().get(item.kind)
    return {
        "code": item.code,
        "kind": item.kind,
        "positive": bool(kind and kind.positive),
        "whose": item.whose,
        "note": item.note,
        "happened_on": item.happened_on,
        "pair": item.pair.code if item.pair is not None else None,
        "created_at": item.created_at,
        "offers_appreciation": services.offers_appreciation(item),
    }


def _tally_out(tally: figures.Tally, target: int) -> dict[str, Any]:
    if tally.hidden:
        return {
            "positives": None,
            "negatives": None,
            "ratio": None,
            "balance": None,
            "few": True,
            "withheld": True,
            "meets_target": False,
        }
    return {
        "positives": tally.positives,
        "negatives": tally.negatives,
        "ratio": tally.ratio,
        "balance": tally.balance,
        "few": tally.few,
        "withheld": False,
        "meets_target": tally.meets(target),
    }


@router.get("/kinds", response={200: KindsOut, **COMMON_ERRORS}, summary="Kinds of moment")
def kinds(request: AuthenticatedHttpRequest) -> object:
    loaded = content.load()
    return {"target": loaded.target, "kinds": [k.model_dump() for k in loaded.kinds]}


@router.get(
    "/entries",
    response={200: MomentPageOut, **COMMON_ERRORS},
    summary="My moments",
    description="Only the moments I noted, newest first; nobody else's are ever listed.",
)
def list_entries(request: AuthenticatedHttpRequest, page: Query[PageParams]) -> Any:
    result = page_of(services.own_moments(request.user).select_related("pair"), page)
    result["items"] = [_moment_out(m) for m in result["items"]]
    return result


@router.post(
    "/entries",
    response={201: MomentOut, **WRITE_ERRORS},
    summary="Note a moment",
    description="Private to me, always. A hard moment is mine or ours, never my partner's.",
)
def create_entry(request: AuthenticatedHttpRequest, payload: MomentIn) -> object:
    user = request.user
    item = services.note_moment(
        user,
        _pair(user, payload.pair),
        payload.kind,
        whose=payload.whose,
        note=payload.note,
        happened_on=payload.happened_on,
    )
    return Status(201, _moment_out(item))


@router.get(
    "/entries/{code}", response={200: MomentOut, **COMMON_ERRORS}, summary="A moment of mine"
)
def get_entry(request: AuthenticatedHttpRequest, code: str) -> object:
    return _moment_out(services.get_own_moment(request.user, code))


@router.patch(
    "/entries/{code}", response={200: MomentOut, **WRITE_ERRORS}, summary="Change a moment"
)
def update_entry(request: AuthenticatedHttpRequest, code: str, payload: MomentPatch) -> object:
    item = services.get_own_moment(request.user, code)
    changes = payload.dict(exclude_unset=True)
    return _moment_out(services.edit_moment(request.user, item, **changes))


@router.delete("/entries/{code}", response={204: None, **COMMON_ERRORS}, summary="Delete a moment")
def delete_entry(request: AuthenticatedHttpRequest, code: str) -> object:
    services.delete_moment(request.user, services.get_own_moment(request.user, code))
    return Status(204, None)


@router.get(
    "/figures",
    response={200: FiguresOut, **COMMON_ERRORS},
    summary="Our ratio and bank balance",
    description="Counts and sums over 7 and 30 days and by week, for both members of an "
    "open pair together; only my own when I have no partner in it.",
)
def get_figures(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    user = request.user
    the_pair = _pair(user, pair)
    if pair and the_pair is None:
        raise Http404
    shown = figures.for_viewer(user, the_pair)
    target = shown.target
    return {
        "scope": shown.scope,
        "pair": the_pair.code if the_pair is not None and shown.scope == "pair" else None,
        "today": shown.today,
        "target": target,
        "last_7": _tally_out(shown.last_7, target),
        "last_30": _tally_out(shown.last_30, target),
        "weeks": [{"week_start": w.start, **_tally_out(w.tally, target)} for w in shown.weeks],
    }
