"""Appreciation pages: send and thank, the jar, the end-of-day note, the three-things
exercise and good news with its replies. Views are thin; rules are in services."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tend.appreciation import content, services
from tend.appreciation.forms import (
    AppreciationForm,
    GratitudeForm,
    NewsForm,
    NewsReplyForm,
    SendGratitudeForm,
    ThreeThingsForm,
)
from tend.appreciation.models import (
    REACTION_SYMBOLS,
    Appreciation,
    GoodNews,
    Gratitude,
    ThanksReaction,
)
from tend.lib.forms import run_service
from tend.lib.http import AuthenticatedHttpRequest
from tend.lib.limits import ANSWER_TEXT
from tend.pairs.access import shared_pair
from tend.pairs.models import Pair
from tend.privacy.access import get_own_item, get_visible_item

LATEST = 10
PAGE_SIZE = 20


def _no_pair(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "appreciation/no_pair.html")


def _reactions() -> list[dict[str, str]]:
    return [
        {"value": kind.value, "label": str(kind.label), "symbol": REACTION_SYMBOLS[kind]}
        for kind in ThanksReaction
    ]


# --- sending and thanking ----------------------------------------------------------------
def _index_context(
    request: AuthenticatedHttpRequest, pair: Pair, form: AppreciationForm, source: str
) -> dict[str, Any]:
    user = request.user
    return {
        "source": source,
        "pair": pair,
        "partner": pair.partner_of(user),
        "form": form,
        "sent": list(services.sent_by(user, pair).select_related("recipient")[:LATEST]),
        "received": list(services.received_by(user, pair).select_related("owner")[:LATEST]),
        "reaction_choices": _reactions(),
    }


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    # Another page (a moment, say) may offer words to start from: ?text=...
    initial = {"text": request.GET.get("text", "")[:ANSWER_TEXT]}
    return render(
        request,
        "appreciation/index.html",
        _index_context(
            request,
            pair,
            AppreciationForm(initial=initial),
            "moment" if request.GET.get("from") == "moment" else "written",
        ),
    )


@login_required
@require_POST
def send(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    form = AppreciationForm(request.POST)
    # Started from a moment: it stays so when the form comes back with an error.
    source = "moment" if request.POST.get("source") == "moment" else "written"
    if form.is_valid():
        saved = run_service(
            form,
            lambda: services.send(
                request.user, pair, form.cleaned_data["text"], form.cleaned_data["kind"], source
            ),
        )
        if saved is not None:
            messages.success(request, _("Sent. It is waiting for them now."))
            return redirect("appreciation:index")
    context = _index_context(request, pair, form, source)
    return render(request, "appreciation/index.html", context, status=400)


def _back(request: AuthenticatedHttpRequest) -> str:
    """Back to the page the button was on (only our own pages)."""
    target = request.POST.get("next", "")
    if target in (reverse("appreciation:index"), reverse("appreciation:jar")):
        return target
    return reverse("appreciation:index")


@login_required
@require_POST
def thank(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = get_visible_item(request.user, Appreciation, code)
    try:
        services.thank(request.user, item)
        messages.success(request, _("Your thanks is on its way."))
    except services.AppreciationError as exc:
        messages.error(request, exc.message)
    return redirect(_back(request) + "#received")


@login_required
@require_POST
def react(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = get_visible_item(request.user, Appreciation, code)
    try:
        services.react(request.user, item, request.POST.get("kind", ""))
    except services.AppreciationError as exc:
        messages.error(request, exc.message)
    return redirect(_back(request) + "#received")


# --- the jar ------------------------------------------------------------------------------
@login_required
@require_GET
def jar(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    user = request.user
    after = request.GET.get("after", "")[:40]
    nonce = request.GET.get("n", "")[:40]
    picked = services.from_the_jar(user, pair, after=after, nonce=nonce)
    return render(
        request,
        "appreciation/jar.html",
        {
            "pair": pair,
            "picked": picked,
            "next_nonce": secrets.token_hex(4),
            "on_this_day": services.on_this_day(user, pair),
            "today": user.local_today(),
        },
    )


# --- end-of-day gratitude ---------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def gratitude(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    day = user.local_today()
    note = services.todays_gratitude(user, day)
    form = GratitudeForm(request.POST or None, initial={"text": note.text if note else ""})
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.write_gratitude(user, form.cleaned_data["text"], day)
        )
        if saved is not None:
            messages.success(request, _("Kept. Only you can see it unless you send it."))
            return redirect("appreciation:gratitude")
    prompt = content.gratitude_prompt(note.prompt_id) if note else None
    earlier = Gratitude.objects.filter(owner=user, date__lt=day).select_related("sent_as")
    return render(
        request,
        "appreciation/gratitude.html",
        {
            "note": note,
            "prompt": prompt or services.prompt_for(user, day),
            "form": form,
            "send_form": SendGratitudeForm(),
            "can_send": shared_pair(request) is not None,
            "earlier": list(earlier[:LATEST]),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def gratitude_send(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    note = get_own_item(request.user, Gratitude, code)
    pair = shared_pair(request)
    form = SendGratitudeForm(request.POST)
    if pair is None:
        messages.error(request, _("Sending needs a pair you share with someone now."))
    elif not form.is_valid():
        messages.error(request, _("Choose one of the kinds offered, or none."))
    else:
        try:
            services.send_gratitude(request.user, note, pair, form.cleaned_data["kind"])
            messages.success(request, _("Sent. Your note itself stays yours alone."))
        except services.AppreciationError as exc:
            messages.error(request, exc.message)
    return redirect("appreciation:gratitude")


# --- three things -------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def three_things(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    user = request.user
    form = ThreeThingsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: services.write_three(user, pair, data["first"], data["second"], data["third"]),
        )
        if saved is not None:
            messages.success(request, _("Your three things are written."))
            return redirect("appreciation:three_things")
    current = services.current_round(user, pair)
    finished = current.round is not None and current.round.finished_at is not None
    page = Paginator(services.past_rounds(pair), PAGE_SIZE).get_page(request.GET.get("page"))
    rounds = list(page.object_list)
    entries = services.entries_by_round(user, rounds)
    return render(
        request,
        "appreciation/three_things.html",
        {
            "pair": pair,
            "partner": pair.partner_of(user),
            "current": current,
            "can_write": current.round is None or finished or current.answers.mine is None,
            "finished": finished,
            "form": form,
            "page": page,
            "history": [(r, entries[r.pk]) for r in rounds],
        },
        status=400 if request.method == "POST" else 200,
    )


# --- good news ------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def news(request: AuthenticatedHttpRequest) -> HttpResponse:
    pair = shared_pair(request)
    if pair is None:
        return _no_pair(request)
    user = request.user
    form = NewsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.share_news(user, pair, form.cleaned_data["text"])
        )
        if saved is not None:
            messages.success(request, _("Shared. Here's to it!"))
            return redirect("appreciation:news_detail", code=saved.code)
    listed = GoodNews.objects.visible_to(user).filter(pair=pair).select_related("owner")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "appreciation/news.html",
        {"pair": pair, "form": form, "page": page},
        status=400 if request.method == "POST" else 200,
    )


def _news_context(
    request: AuthenticatedHttpRequest,
    item: GoodNews,
    form: NewsReplyForm | None = None,
    noticed: services.ReplyNoticed | None = None,
) -> dict[str, Any]:
    pair = shared_pair(request)
    return {
        "news": item,
        "replies": services.replies(request.user, item),
        "form": form or NewsReplyForm(),
        "guidance": content.load().reply_guidance,
        "noticed": noticed,
        "can_reply": pair is not None and item.pair_id == pair.pk,
    }


@login_required
@require_GET
def news_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = get_visible_item(request.user, GoodNews, code)
    return render(request, "appreciation/news_detail.html", _news_context(request, item))


@login_required
@require_POST
def news_reply(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    item = get_visible_item(request.user, GoodNews, code)
    form = NewsReplyForm(request.POST)
    noticed: services.ReplyNoticed | None = None
    if form.is_valid():
        try:
            services.reply_news(
                request.user,
                item,
                form.cleaned_data["text"],
                send_anyway=form.cleaned_data["send_anyway"],
            )
            return redirect(reverse("appreciation:news_detail", args=[item.code]) + "#replies")
        except services.ReplyNoticed as exc:
            noticed = exc
        except services.AppreciationError as exc:
            form.add_error(None, exc.message)
    context = _news_context(request, item, form, noticed)
    return render(request, "appreciation/news_detail.html", context, status=400)
