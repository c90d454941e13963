"""The deep-talk routes in the authorization matrix (see ``tend/tests/authz.py``).

Alice started an evening in her pair with bob, placed how close she feels before it
(sealed for bob: he has not placed his) and kept a private note; an earlier evening
of theirs has ended.
"""

from __future__ import annotations

from tend.deep_talk import services
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote, TalkState
from tend.deep_talk.tests.builders import EVENING, finished
from tend.tests.authz import (
    API_401,
    PRIVATE_WORDS,
    Case,
    World,
    api_members,
    api_same,
    members,
    same,
    u,
)


def seed(w: World) -> None:
    done = finished(w.pair, w.alice, days_ago=10)
    talk = services.start_talk(w.alice, w.pair, EVENING)
    services.step(w.alice, talk, "begin")
    services.rate(w.alice, talk, "before", 5)
    services.add_note(w.alice, talk, f"about {PRIVATE_WORDS}")
    w.extra["talk"] = talk
    w.extra["finished_talk"] = done


TALK = {"code": lambda w: w.extra["talk"].code}
DONE = {"code": lambda w: w.extra["finished_talk"].code}
BEFORE = {**TALK, "moment": lambda w: "before"}


def _api(path: str = ""):  # type: ignore[no-untyped-def]
    return lambda w: f"/api/v1/deep-talk/talks/{w.extra['talk'].code}{path}"


PAGES: dict[str, list[Case]] = {
    "deep_talk:index": [Case("GET", u("deep_talk:index"), same(200))],
    # An evening is under way in alice's pair, and charlie has no partner: the form
    # comes back with the reason, nothing started.
    "deep_talk:start": [
        Case(
            "POST",
            u("deep_talk:start"),
            same(200),
            data=lambda w: {"evening": "evening-two", "first": "me"},
            label="cannot start",
        )
    ],
    "deep_talk:detail": [Case("GET", u("deep_talk:detail", **TALK), members(200))],
    "deep_talk:step": [
        Case(
            "POST",
            u("deep_talk:step", **TALK),
            members(302),
            data=lambda w: {"action": "pause", "at": "0"},
            effect=lambda w: Talk.objects.filter(
                pk=w.extra["talk"].pk, state=TalkState.PAUSED
            ).exists(),
        )
    ],
    "deep_talk:note": [
        Case(
            "POST",
            u("deep_talk:note", **TALK),
            members(302),
            data=lambda w: {"text": "matrix"},
            effect=lambda w: TalkNote.objects.filter(talk=w.extra["talk"]).count() > 1,
        )
    ],
    "deep_talk:closeness": [
        Case("GET", u("deep_talk:closeness", **BEFORE), members(200)),
        Case(
            "POST",
            u("deep_talk:closeness", **BEFORE),
            members(302),
            data=lambda w: {"value": 4},
            effect=lambda w: ClosenessRating.objects.filter(
                talk=w.extra["talk"], moment="before", value=4
            ).exists(),
        ),
    ],
    "deep_talk:summary": [Case("GET", u("deep_talk:summary", **DONE), members(200))],
}

OPERATIONS: dict[str, list[Case]] = {
    "GET /api/v1/deep-talk/evenings": [
        Case("GET", lambda w: "/api/v1/deep-talk/evenings", api_same(200))
    ],
    "GET /api/v1/deep-talk/talks": [
        Case("GET", lambda w: "/api/v1/deep-talk/talks", api_same(200))
    ],
    "POST /api/v1/deep-talk/talks": [
        Case(
            "POST",
            lambda w: "/api/v1/deep-talk/talks",
            {"owner": 400, "partner": 400, "outsider": 404, "anonymous": API_401},
            data=lambda w: {"pair": w.pair.code, "evening": "evening-two"},
            label="one in progress",
        )
    ],
    "GET /api/v1/deep-talk/talks/{code}": [Case("GET", _api(), api_members(200))],
    "POST /api/v1/deep-talk/talks/{code}/step": [
        Case("POST", _api("/step"), api_members(200), data=lambda w: {"action": "pause"})
    ],
    "PUT /api/v1/deep-talk/talks/{code}/closeness/{moment}": [
        Case("PUT", _api("/closeness/before"), api_members(200), data=lambda w: {"value": 4})
    ],
    "GET /api/v1/deep-talk/talks/{code}/notes": [Case("GET", _api("/notes"), api_members(200))],
    "POST /api/v1/deep-talk/talks/{code}/notes": [
        Case("POST", _api("/notes"), api_members(201), data=lambda w: {"text": "matrix"})
    ],
}
