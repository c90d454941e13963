"""Deep-talk pages: choose an evening, walk through it together, see how closeness moved."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tend.conversation import content
from tend.deep_talk import services
from tend.deep_talk.forms import ClosenessForm, NoteForm, StartForm, StepForm, step_label
from tend.deep_talk.models import QUESTIONS_PER_SET, SETS, Moment, Talk, TalkState
from tend.lib.http import AuthenticatedHttpRequest
from tend.pairs.access import current_pair

#: Past evenings the index page lists; older ones stay in the export.
PAST_SHOWN = 20


def _person(who: Any, before: Any, after: Any) -> dict[str, Any]:
    """One person's before and after for the templates, with how far it moved."""
    moved = services.moved(before.rating, after.rating)
    return {
        "who": who,
        "before": before.rating,
        "after": after.rating,
        "before_sealed": before.sealed,
        "after_sealed": after.sealed,
        "moved": moved,
        "steps": abs(moved) if moved is not None else None,
    }


def _people(user: Any, closeness: services.Closeness, partner_name: Any) -> list[dict[str, Any]]:
    return [
        _person(_("You"), closeness.mine(Moment.BEFORE), closeness.mine(Moment.AFTER)),
        _person(partner_name, closeness.partner(Moment.BEFORE), closeness.partner(Moment.AFTER)),
    ]


def _index(request: AuthenticatedHttpRequest, form: StartForm | None = None) -> HttpResponse:
    user = request.user
    pair = current_pair(request)
    partner = pair.partner_of(user) if pair is not None and pair.is_open else None
    unfinished = services.unfinished_talk(pair)
    past: list[Talk] = []
    if pair is not None:
        past = list(Talk.objects.filter(pair=pair, state=TalkState.FINISHED)[:PAST_SHOWN])
    closeness = services.closeness_for_many(user, past) if past else {}
    return render(
        request,
        "deep_talk/index.html",
        {
            "pair": pair,
            "partner": partner,
            "evenings": list(content.deep_talk_sessions().values()),
            "unfinished": unfinished,
            "past": [
                (talk, _people(user, closeness[talk.pk], partner or _("Your partner")))
                for talk in past
            ],
            "form": form or StartForm(),
        },
    )


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _index(request)


@login_required
@require_POST
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StartForm(request.POST)
    pair = current_pair(request)
    if form.is_valid():
        if pair is None:
            form.add_error(None, _("A deep talk needs both of you in an open pair."))
        else:
            try:
                talk = services.start_talk(
                    request.user,
                    pair,
                    form.cleaned_data["evening"],
                    first=form.cleaned_data["first"],
                )
            except services.DeepTalkError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("deep_talk:closeness", code=talk.code, moment=Moment.BEFORE)
    return _index(request, form)


def _detail(
    request: AuthenticatedHttpRequest, talk: Talk, note_form: NoteForm | None = None
) -> HttpResponse:
    user = request.user
    first, second = talk.speakers()
    closeness = services.closeness_for(user, talk)
    question = talk.question
    return render(
        request,
        "deep_talk/detail.html",
        {
            "talk": talk,
            "evening": talk.evening,
            "deep_set": talk.current_set_content,
            "question": question,
            "set_number": talk.current_set + 1,
            "question_number": talk.current_question + 1,
            "sets": SETS,
            "per_set": QUESTIONS_PER_SET,
            "first": first,
            "second": second,
            "remaining_seconds": talk.remaining_seconds(),
            "remaining_minutes": talk.remaining_minutes(),
            "closeness": closeness,
            "notes": services.my_notes(user, talk),
            "note_form": note_form
            or NoteForm(initial={"question": question.id if question else ""}),
            "can_act": talk.pair.is_open and talk.pair.partner_of(user) is not None,
        },
    )


@login_required
def detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    talk = services.get_talk_for(request.user, code)
    if talk.is_finished:
        return redirect("deep_talk:summary", code=talk.code)
    return _detail(request, talk)


@login_required
@require_POST
def step(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    talk = services.get_talk_for(request.user, code)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That is not something an evening can do."))
        return redirect("deep_talk:detail", code=talk.code)
    try:
        services.step(
            request.user,
            talk,
            form.cleaned_data["action"],
            at=form.cleaned_data["at"],
            seen_state=form.cleaned_data["state"] or None,
        )
    except services.MovedOn as exc:
        messages.info(request, exc.message)
    except services.DeepTalkError as exc:
        messages.error(request, exc.message)
    if talk.is_finished:
        return redirect("deep_talk:closeness", code=talk.code, moment=Moment.AFTER)
    return redirect("deep_talk:detail", code=talk.code)


@login_required
@require_POST
def note(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    talk = services.get_talk_for(request.user, code)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(
                request.user, talk, form.cleaned_data["text"], form.cleaned_data["question"]
            )
        except services.DeepTalkError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your note is kept. Only you can see it."))
            if talk.is_finished:
                return redirect("deep_talk:summary", code=talk.code)
            return redirect("deep_talk:detail", code=talk.code)
    if talk.is_finished:
        return _summary(request, talk, form)
    return _detail(request, talk, form)


@login_required
@require_http_methods(["GET", "POST"])
def closeness(request: AuthenticatedHttpRequest, code: str, moment: str) -> HttpResponse:
    if moment not in Moment.values:
        raise Http404
    user = request.user
    talk = services.get_talk_for(user, code)
    mine = services.closeness_for(user, talk)
    current = (mine.before if moment == Moment.BEFORE else mine.after).mine
    if request.method == "POST":
        form = ClosenessForm(request.POST)
        if form.is_valid():
            try:
                services.rate(user, talk, moment, form.cleaned_data["value"])
            except services.DeepTalkError as exc:
                form.add_error(None, exc.message)
            else:
                if moment == Moment.AFTER or talk.is_finished:
                    return redirect("deep_talk:summary", code=talk.code)
                return redirect("deep_talk:detail", code=talk.code)
    else:
        form = ClosenessForm(initial={"value": current.value if current else None})
    return render(
        request,
        "deep_talk/closeness.html",
        {
            "talk": talk,
            "evening": talk.evening,
            "moment": moment,
            "is_before": moment == Moment.BEFORE,
            "form": form,
            "current": current,
            "steps": _steps(form),
        },
    )


def _steps(form: ClosenessForm) -> list[dict[str, Any]]:
    """The seven options of the picture, with the one that is chosen now."""
    chosen = form["value"].value()
    return [
        {"value": n, "label": step_label(n), "checked": str(chosen) == str(n)} for n in range(1, 8)
    ]


def _summary(
    request: AuthenticatedHttpRequest, talk: Talk, note_form: NoteForm | None = None
) -> HttpResponse:
    user = request.user
    closeness = services.closeness_for(user, talk)
    partner = talk.pair.partner_of(user)
    return render(
        request,
        "deep_talk/summary.html",
        {
            "talk": talk,
            "evening": talk.evening,
            "partner": partner,
            "people": _people(user, closeness, partner or _("Your partner")),
            "sets_reached": talk.current_set + 1,
            "notes": services.my_notes(user, talk),
            "note_form": note_form or NoteForm(),
            "can_act": talk.pair.is_open and partner is not None,
        },
    )


@login_required
def summary(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    talk = services.get_talk_for(request.user, code)
    if not talk.is_finished:
        return redirect("deep_talk:detail", code=talk.code)
    return _summary(request, talk)
