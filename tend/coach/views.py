"""The draft check page: type a message, see what it may carry and a gentler way to
say it. Nothing typed here is stored: the page only reads and answers."""

from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from tend.coach.analyzer import MAX_MESSAGE, MessageError, Verdict, analyze
from tend.coach.forms import DraftForm
from tend.lib.http import AuthenticatedHttpRequest

LABEL_NAMES = {
    "criticism": _("Criticism"),
    "contempt": _("Contempt"),
    "defensiveness": _("Defensiveness"),
    "stonewalling": _("Stonewalling"),
}


def segments(verdict: Verdict) -> list[dict[str, Any]]:
    """The message cut where flags begin and end, each piece with the labels over it,
    for highlighting the words that triggered a flag."""
    text = verdict.text
    edges = {0, len(text)} | {s.start for s in verdict.spans} | {s.end for s in verdict.spans}
    cuts = sorted(edges)
    pieces = []
    for start, end in itertools.pairwise(cuts):
        labels = sorted({s.label for s in verdict.spans if s.start <= start and end <= s.end})
        names = ", ".join(str(LABEL_NAMES[label]) for label in labels)
        pieces.append({"text": text[start:end], "labels": labels, "names": names})
    return pieces


def _context(form: DraftForm) -> dict[str, Any]:
    context: dict[str, Any] = {"form": form, "limit": MAX_MESSAGE}
    if form.is_bound and form.is_valid():
        try:
            verdict = analyze(form.cleaned_data["text"])
        except MessageError as exc:
            form.add_error("text", str(exc))
        else:
            context["verdict"] = verdict
            context["segments"] = segments(verdict)
            context["antidotes"] = [
                {"label": LABEL_NAMES[a.label], "name": a.name, "text": a.text}
                for a in verdict.antidotes
            ]
    return context


@login_required
@require_http_methods(["GET", "POST"])
def draft(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DraftForm(request.POST or None)
    context = _context(form)
    status = 400 if form.is_bound and form.errors else 200
    if getattr(request, "htmx", False):
        # Typing: only the verdict is sent back; the text area stays as it is.
        return render(request, "coach/includes/verdict.html", context, status=status)
    return render(request, "coach/draft.html", context, status=status)
