"""Moments pages: the one-tap buttons with the pair's combined figures, one's own
entries, the weekly chart and the page that explains what the figures mean."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tend.lib.forms import run_service
from tend.lib.http import AuthenticatedHttpRequest
from tend.moments import content, figures, services
from tend.moments.forms import MomentForm, NoteForm
from tend.moments.models import Moment
from tend.pairs.access import current_pair

RECENT = 8
PAGE_SIZE = 30


def _entry_url(moment: Moment, noted: bool = False) -> str:
    url = reverse("moments:entry", kwargs={"code": moment.code})
    return url + "?noted=1" if noted else url


def _figures_context(request: AuthenticatedHttpRequest) -> dict[str, Any]:
    pair = current_pair(request)
    shown = figures.for_viewer(request.user, pair)
    return {
        "pair": pair,
        "partner": pair.partner_of(request.user) if shown.scope == "pair" and pair else None,
        "figures": shown,
        "few": figures.FEW,
    }


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "moments/index.html",
        {
            **_figures_context(request),
            "positives": content.positives(),
            "negatives": content.negatives(),
            "recent": list(services.own_moments(request.user)[:RECENT]),
        },
    )


@login_required
@require_POST
def note(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That moment could not be noted. Please try again."))
        return redirect("moments:index")
    try:
        moment = services.note_moment(
            request.user,
            current_pair(request),
            form.cleaned_data["kind"],
            whose=form.cleaned_data["whose"] or None,
        )
    except services.MomentError as exc:
        messages.error(request, exc.message)
        return redirect("moments:index")
    return redirect(_entry_url(moment, noted=True))


@login_required
@require_http_methods(["GET", "POST"])
def entry(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    moment = services.get_own_moment(request.user, code)
    initial = {
        "kind": moment.kind,
        "whose": moment.whose,
        "happened_on": moment.happened_on,
        "note": moment.note,
    }
    form = MomentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.edit_moment(request.user, moment, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, _("The moment is saved."))
            return redirect("moments:mine")
        moment.refresh_from_db()
    kind = content.by_slug().get(moment.kind)
    return render(
        request,
        "moments/entry.html",
        {
            "moment": moment,
            "kind": kind,
            "form": form,
            "noted": request.GET.get("noted") == "1",
            "offer": kind.offer if kind and services.offers_appreciation(moment) else "",
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def delete(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    moment = services.get_own_moment(request.user, code)
    services.delete_moment(request.user, moment)
    messages.success(request, _("The moment is deleted."))
    return redirect("moments:mine")


@login_required
@require_GET
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(services.own_moments(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "moments/mine.html",
        {"page": page, "kinds": content.by_slug()},
    )


@login_required
@require_GET
def chart(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = _figures_context(request)
    shown: figures.Figures = context["figures"]
    weeks = shown.weeks
    chart_data = {
        "labels": [w.start.isoformat() for w in weeks],
        # A week withheld from the pair is a gap in the chart, not a zero.
        "positives": [None if w.tally.hidden else w.tally.positives for w in weeks],
        "negatives": [None if w.tally.hidden else w.tally.negatives for w in weeks],
        "balance": [None if w.tally.hidden else w.tally.balance for w in weeks],
        "names": {
            "positives": _("Warm moments"),
            "negatives": _("Hard moments"),
            "balance": _("Bank account balance"),
        },
    }
    return render(
        request,
        "moments/chart.html",
        {**context, "weeks": list(reversed(weeks)), "chart_data": chart_data},
    )


@login_required
@require_GET
def explain(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "moments/explain.html",
        {
            "positives": content.positives(),
            "negatives": content.negatives(),
            "target": content.target(),
            "few": figures.FEW,
        },
    )
