"""API: the draft check. The message is read and answered, never stored."""

from __future__ import annotations

from ninja import Router
from ninja.errors import HttpError

from tend.coach.analyzer import MessageError, analyze
from tend.coach.schemas import CheckIn, CheckOut
from tend.lib.api import WRITE_ERRORS
from tend.lib.http import AuthenticatedHttpRequest

router = Router(tags=["coach"])


@router.post(
    "/check",
    response={200: CheckOut, **WRITE_ERRORS},
    summary="Check a draft message",
    description="The four patterns it may carry, the words behind each, an antidote for "
    "each, and a gentler wording. Nothing is stored.",
)
def check(request: AuthenticatedHttpRequest, payload: CheckIn) -> object:
    try:
        verdict = analyze(payload.text)
    except MessageError as exc:
        raise HttpError(400, str(exc)) from exc
    return {
        "text": verdict.text,
        "labels": list(verdict.labels),
        "spans": [{"label": s.label, "start": s.start, "end": s.end} for s in verdict.spans],
        "antidotes": [
            {"label": a.label, "name": a.name, "text": a.text} for a in verdict.antidotes
        ],
        "rewrite": verdict.rewrite,
    }
