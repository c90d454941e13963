"""Love-map pages: start a round, write answers or guesses, mark them, what I learned."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tend.lib.http import AuthenticatedHttpRequest
from tend.love_map import queries, services
from tend.love_map.forms import EntriesForm, MarkForm, StartForm
from tend.love_map.models import Entry
from tend.pairs.access import current_pair, get_open_pair_for

HISTORY_PAGE = 20
LEARNED_PAGE = 50


def _page_number(request: AuthenticatedHttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


@login_required
def index(request: AuthenticatedHttpRequest, start_form: StartForm | None = None) -> HttpResponse:
    user = request.user
    pair = current_pair(request)
    partner = pair.partner_of(user) if pair is not None and pair.is_open else None
    context: dict[str, object] = {"pair": pair, "partner": partner}
    if pair is not None:
        history = Paginator(queries.finished(user, pair), HISTORY_PAGE)
        page = history.get_page(_page_number(request))
        context.update(
            unfinished=queries.unfinished(user, pair),
            history=page,
            finished=queries.summarise(list(page.object_list), user),
            form=start_form or StartForm(partner=partner),
        )
    return render(request, "love_map/index.html", context)


@login_required
@require_POST
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    pair = current_pair(request)
    if pair is None or not pair.is_open:
        messages.error(request, _("A love-map round needs an open pair."))
        return redirect("love_map:index")
    pair = get_open_pair_for(user, pair.code)
    form = StartForm(request.POST, partner=pair.partner_of(user))
    if form.is_valid():
        try:
            round = services.start_round(
                user, pair, form.cleaned_data["about"], form.cleaned_data["topic"]
            )
        except services.RoundError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("love_map:round", code=round.code)
    response = index(request, start_form=form)
    response.status_code = 400
    return response


@login_required
@require_http_methods(["GET", "POST"])
def round_page(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    user = request.user
    round = queries.get_round_for(user, code)
    view = queries.round_view(user, round)
    guessing = not view.is_subject
    form: EntriesForm | None = None
    status = 200
    if view.state == queries.WRITE:
        form = EntriesForm(request.POST or None, rows=view.rows, guessing=guessing)
        if request.method == "POST":
            if form.is_valid():
                try:
                    services.write_entries(user, round, form.texts())
                except services.RoundError as exc:
                    form.add_error(None, exc.message)
                except ValidationError as exc:
                    for name, errors in exc.error_dict.items():
                        form.add_error(name if name in form.fields else None, errors)
                else:
                    if guessing:
                        messages.success(request, _("Your guesses are saved."))
                    else:
                        messages.success(request, _("Your answers are saved."))
                    return redirect("love_map:round", code=round.code)
            status = 400
    elif request.method == "POST":
        messages.error(request, _("There is nothing to write in this round any more."))
        return redirect("love_map:round", code=round.code)
    mark_form = MarkForm(rows=view.rows) if view.state == queries.MARK else None
    return _render_round(request, view, form, mark_form, status)


def _render_round(
    request: AuthenticatedHttpRequest,
    view: queries.RoundView,
    form: EntriesForm | None,
    mark_form: MarkForm | None,
    status: int,
) -> HttpResponse:
    return render(
        request,
        "love_map/round.html",
        {"view": view, "round": view.round, "form": form, "mark_form": mark_form},
        status=status,
    )


@login_required
@require_POST
def mark(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    user = request.user
    round = queries.get_round_for(user, code)
    view = queries.round_view(user, round)
    if view.state != queries.MARK:
        if view.is_subject:
            messages.error(request, _("There is nothing to mark in this round now."))
        else:
            messages.error(request, _("Only the person the round is about marks the guesses."))
        return redirect("love_map:round", code=round.code)
    form = MarkForm(request.POST, rows=view.rows)
    if form.is_valid():
        try:
            services.mark_guesses(user, round, form.marks())
        except services.RoundError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The round is marked."))
            return redirect("love_map:round", code=round.code)
    return _render_round(request, view, None, form, 400)


@login_required
def learned(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    pair = current_pair(request)
    partner = pair.partner_of(user) if pair is not None else None
    answers = queries.learned_for(user, pair) if pair is not None else Entry.objects.none()
    paginator = Paginator(answers, LEARNED_PAGE)
    page = paginator.get_page(_page_number(request))
    return render(
        request,
        "love_map/learned.html",
        {
            "pair": pair,
            "partner": partner,
            "page": page,
            "items": queries.learned_rows(list(page.object_list)),
        },
    )
