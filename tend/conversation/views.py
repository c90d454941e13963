"""Conversation pages: the Talk page, one question with its answers and thread, past
questions, the decks to ask from, the pair's own questions and its settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tend.conversation import content, services
from tend.conversation.forms import AnswerForm, PromptForm, ReplyForm, SettingsForm
from tend.conversation.models import (
    OURS,
    REACTION_SYMBOLS,
    Question,
    QuestionKind,
    ReactionKind,
)
from tend.deep_talk.services import unfinished_talk
from tend.lib.forms import run_service
from tend.lib.http import AuthenticatedHttpRequest
from tend.love_map import queries as love_map_queries
from tend.pairs.access import current_pair, shared_pair

HISTORY_PAGE_SIZE = 20
#: Asked questions stay on the Talk page this long while someone still has to answer.
OPEN_ASKED_DAYS = 30


def _no_pair(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "conversation/no_pair.html", status=200)


def _question_url(question: Question) -> str:
    return reverse("conversation:question", kwargs={"code": question.code})


def _reactions() -> list[dict[str, str]]:
    return [
        {"value": kind.value, "label": str(kind.label), "symbol": REACTION_SYMBOLS[kind]}
        for kind in ReactionKind
    ]


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    user = request.user
    todays = services.question_for(pair)
    since = todays.day - dt.timedelta(days=OPEN_ASKED_DAYS)
    rows = list(
        services.with_state(
            Question.objects.filter(pair=pair)
            .filter(Q(pk=todays.pk) | Q(kind=QuestionKind.ASKED, day__gte=since))
            .select_related("pair_prompt", "asked_by"),
            user,
        )
    )
    states = {q.pk: services.QuestionState.of(q).value for q in rows}
    return render(
        request,
        "conversation/index.html",
        {
            "pair": pair,
            "partner": pair.partner_of(user),
            "todays": next(q for q in rows if q.pk == todays.pk),
            "todays_state": states[todays.pk],
            "asked": [
                (q, states[q.pk])
                for q in rows
                if q.kind == QuestionKind.ASKED and states[q.pk] != "opened"
            ],
            "talk": unfinished_talk(pair),
            "rounds": love_map_queries.unfinished(user, pair),
        },
    )


@login_required
@require_GET
def today(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A stable address for "today's question" (links in reminders point here)."""
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    return redirect(_question_url(services.today_question(request.user, pair)))


def _question_context(
    request: AuthenticatedHttpRequest,
    question: Question,
    *,
    answer_form: AnswerForm | None = None,
    reply_form: ReplyForm | None = None,
) -> dict[str, Any]:
    user = request.user
    answers = services.answers_for(user, question)
    opened = services.is_open(answers)
    reactions = services.reactions_by_answer([answers.mine, answers.partner]) if opened else {}
    partner = question.pair.partner_of(user)
    shares_in_pair = question.pair.is_open and any(
        m.user_id == user.pk for m in question.pair.member_list() if m.left_at is None
    )
    today = services.pair_today(question.pair)
    can_skip = (
        shares_in_pair
        and question.kind == QuestionKind.DAILY
        and question.day == today
        and answers.mine is None
        and answers.partner is None
        and not answers.partner_sealed
    )
    skips_left = services.skips_left(question.pair, today) if can_skip else 0
    can_skip = can_skip and skips_left > 0
    thread = services.thread(user, question) if opened else []
    my_reaction = None
    if answers.partner is not None:
        my_reaction = next(
            (r.kind for r in reactions.get(answers.partner.pk, []) if r.owner_id == user.pk), None
        )
    return {
        "question": question,
        "pair": question.pair,
        "partner": partner,
        "answers": answers,
        "opened": opened,
        "can_write": shares_in_pair,
        "can_skip": can_skip,
        "skips_left": skips_left,
        "answer_form": answer_form or AnswerForm(),
        "reply_form": reply_form or ReplyForm(),
        "thread": thread,
        "thread_full": len(thread) >= services.MAX_REPLIES,
        "reactions_on_mine": reactions.get(answers.mine.pk, []) if answers.mine else [],
        "reactions_on_theirs": reactions.get(answers.partner.pk, []) if answers.partner else [],
        "my_reaction": my_reaction,
        "reaction_choices": _reactions(),
        "is_favourite": question.favourites.filter(owner=user).exists(),
        "category_title": _category_title(question),
    }


def _category_title(question: Question) -> str:
    if question.category == OURS:
        return _("A question you wrote")
    found = content.categories().get(question.category)
    return found.title if found else ""


@login_required
@require_GET
def question(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = services.get_question_for(request.user, code)
    return render(request, "conversation/question.html", _question_context(request, item))


@login_required
@require_POST
def answer(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = services.get_question_for(request.user, code)
    form = AnswerForm(request.POST)
    if form.is_valid():
        saved = run_service(
            form,
            lambda: services.answer(
                request.user, item, form.cleaned_data["text"], form.cleaned_data["visibility"]
            ),
        )
        if saved is not None:
            messages.success(request, _("Your answer is saved."))
            return redirect(_question_url(item))
    context = _question_context(request, item, answer_form=form)
    return render(request, "conversation/question.html", context, status=400)


@login_required
@require_POST
def skip(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = services.get_question_for(request.user, code)
    try:
        services.skip(request.user, item)
        messages.success(request, _("Here is another question for today."))
    except services.AnswerError as exc:
        messages.error(request, exc.message)
    return redirect(_question_url(item))


@login_required
@require_POST
def react(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = services.get_question_for(request.user, code)
    try:
        services.react(
            request.user, item, request.POST.get("answer", ""), request.POST.get("kind", "")
        )
    except services.AnswerError as exc:
        messages.error(request, exc.message)
    return redirect(_question_url(item) + "#answers")


@login_required
@require_POST
def reply(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = services.get_question_for(request.user, code)
    form = ReplyForm(request.POST)
    if form.is_valid():
        saved = run_service(
            form, lambda: services.reply(request.user, item, form.cleaned_data["text"])
        )
        if saved is not None:
            return redirect(_question_url(item) + "#thread")
    context = _question_context(request, item, reply_form=form)
    return render(request, "conversation/question.html", context, status=400)


@login_required
@require_POST
def favourite(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = services.get_question_for(request.user, code)
    on = request.POST.get("on") == "1"
    services.set_favourite(request.user, item, on)
    messages.success(request, _("Marked as a favourite.") if on else _("No longer a favourite."))
    return redirect(_question_url(item))


@login_required
@require_GET
def history(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = current_pair(request)
    if pair is None:
        return _no_pair(request)
    favourites_only = request.GET.get("favourites") == "1"
    listed = Question.objects.filter(pair=pair).exclude(kind=QuestionKind.SKIPPED)
    if favourites_only:
        listed = listed.filter(favourites__owner=request.user)
    questions = services.with_state(listed.select_related("pair_prompt", "asked_by"), request.user)
    page = Paginator(questions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "conversation/history.html",
        {
            "pair": pair,
            "partner": pair.partner_of(request.user) or _("your partner"),
            "page": page,
            "rows": [(q, services.QuestionState.of(q).value) for q in page.object_list],
            "favourites_only": favourites_only,
        },
    )


@login_required
@require_GET
def deck(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    chosen = set(services.chosen_categories(pair))
    categories = [(c, not chosen or c.category in chosen) for c in content.categories().values()]
    return render(request, "conversation/deck.html", {"pair": pair, "categories": categories})


@login_required
@require_GET
def category(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    found = content.categories().get(slug)
    if found is None:
        raise Http404
    asked = set(
        Question.objects.filter(pair=pair, prompt_id__startswith=f"{slug}-").values_list(
            "prompt_id", flat=True
        )
    )
    return render(
        request,
        "conversation/category.html",
        {"pair": pair, "category": found, "asked": asked},
    )


@login_required
@require_POST
def ask(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    own_code = request.POST.get("own", "")
    own = services.get_own_prompt(request.user, own_code) if own_code else None
    if own is not None and own.pair_id != pair.pk:
        raise Http404
    try:
        asked = services.ask(
            request.user, pair, prompt_id=request.POST.get("prompt", ""), own_prompt=own
        )
    except services.AnswerError as exc:
        messages.error(request, exc.message)
        return redirect("conversation:ours" if own is not None else "conversation:deck")
    messages.success(request, _("Asked. Answer it yourself too: it opens once you both have."))
    return redirect(_question_url(asked))


@login_required
@require_http_methods(["GET", "POST"])
def ours(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    form = PromptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.write_prompt(
                request.user, pair, form.cleaned_data["text"], form.cleaned_data["depth"]
            ),
        )
        if saved is not None:
            messages.success(request, _("Your question is added; it can come up any day now."))
            return redirect("conversation:ours")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "conversation/ours.html",
        {"pair": pair, "form": form, "prompts": list(services.own_prompts(pair))},
        status=status,
    )


@login_required
@require_POST
def ours_remove(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    prompt = services.get_own_prompt(request.user, code)
    services.remove_prompt(request.user, prompt)
    messages.success(request, _("The question is removed."))
    return redirect("conversation:ours")


@login_required
@require_http_methods(["GET", "POST"])
def settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    choices = services.category_choices()
    chosen = services.chosen_categories(pair) or [slug for slug, _title in choices]
    form = SettingsForm(request.POST or None, choices=choices, initial={"categories": chosen})
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.update_settings(request.user, pair, form.cleaned_data["categories"]),
        )
        if saved is not None:
            messages.success(request, _("Your categories are saved."))
            return redirect("conversation:index")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "conversation/settings.html",
        {"pair": pair, "form": form, "categories": content.categories()},
        status=status,
    )
