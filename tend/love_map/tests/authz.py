"""The love map's part of the authorization matrix (see ``tend/tests/authz.py``).

Alice's answers in ``love_map_sealed`` carry the sealed words: bob has not
guessed yet, so no route may show them to him.
"""

from __future__ import annotations

import random
from typing import Any

from tend.love_map import services
from tend.love_map.models import Entry, Kind, Mark, Round
from tend.tests.authz import (
    SEALED_WORDS,
    Case,
    World,
    api_members,
    api_same,
    members,
    same,
    u,
)

BASE = "/api/v1/love-map"


def seed(world: World) -> None:
    alice, bob, pair = world.alice, world.bob, world.pair
    done = services.start_round(alice, pair, services.ABOUT_ME, rng=random.Random(1))
    services.write_entries(alice, done, dict.fromkeys(done.prompt_ids, "a shared answer"))
    services.write_entries(bob, done, dict.fromkeys(done.prompt_ids, "bob's guess"))
    services.mark_guesses(alice, done, dict.fromkeys(done.prompt_ids, Mark.NEW))
    sealed = services.start_round(alice, pair, services.ABOUT_ME, rng=random.Random(2))
    services.write_entries(alice, sealed, dict.fromkeys(sealed.prompt_ids, SEALED_WORDS))
    # About bob, nobody has written yet: writing there opens nothing sealed.
    fresh = services.start_round(bob, pair, services.ABOUT_ME, rng=random.Random(3))
    world.extra["love_map_done"] = done
    world.extra["love_map_sealed"] = sealed
    world.extra["love_map_fresh"] = fresh


def _sealed(w: World) -> str:
    return str(w.extra["love_map_sealed"].code)


def _fresh(w: World) -> str:
    return str(w.extra["love_map_fresh"].code)


def _texts(w: World) -> dict[str, Any]:
    return dict.fromkeys(w.extra["love_map_fresh"].prompt_ids, "matrix")


def _marks(w: World) -> dict[str, Any]:
    return {f"mark-{p}": Mark.RIGHT for p in w.extra["love_map_sealed"].prompt_ids}


SEALED = {"code": _sealed}
DONE = {"code": lambda w: str(w.extra["love_map_done"].code)}

PAGES: dict[str, list[Case]] = {
    "love_map:index": [Case("GET", u("love_map:index"), same(200))],
    "love_map:start": [
        # A round about each of them is going; charlie has no pair and is sent back.
        Case(
            "POST",
            u("love_map:start"),
            {"owner": 400, "partner": 400, "outsider": 302, "anonymous": "login"},
            data=lambda w: {"about": "partner"},
            label="one going already",
        )
    ],
    "love_map:round": [
        Case("GET", u("love_map:round", **SEALED), members(200), label="sealed for bob"),
        Case("GET", u("love_map:round", **DONE), members(200), label="marked"),
        Case(
            "POST",
            u("love_map:round", **SEALED),
            members(302),
            data=lambda w: dict.fromkeys(w.extra["love_map_sealed"].prompt_ids, "matrix"),
            label="sealed",
            # Alice has written hers already; only bob's guesses are new.
            effect=lambda w: Entry.objects.filter(
                round=w.extra["love_map_sealed"], kind=Kind.GUESS
            ).exists(),
            effect_for=("partner",),
        ),
        Case(
            "POST",
            u("love_map:round", code=_fresh),
            members(302),
            data=_texts,
            label="fresh",
            effect=lambda w: Entry.objects.filter(round=w.extra["love_map_fresh"]).exists(),
        ),
    ],
    "love_map:mark": [
        Case(
            "POST",
            u("love_map:mark", **SEALED),
            members(302),
            data=_marks,
            label="too early",
            effect=lambda w: Round.objects.filter(
                pk=w.extra["love_map_sealed"].pk, marked_at__isnull=False
            ).exists(),
            effect_for=(),
        )
    ],
    "love_map:learned": [Case("GET", u("love_map:learned"), same(200))],
}

OPERATIONS: dict[str, list[Case]] = {
    f"GET {BASE}/topics": [Case("GET", lambda w: f"{BASE}/topics", api_same(200))],
    f"GET {BASE}/rounds": [Case("GET", lambda w: f"{BASE}/rounds", api_same(200))],
    f"POST {BASE}/rounds": [
        Case(
            "POST",
            lambda w: f"{BASE}/rounds",
            {"owner": 400, "partner": 400, "outsider": 404, "anonymous": 401},
            data=lambda w: {"pair": w.pair.code, "about": "partner"},
            label="one going already",
        )
    ],
    f"GET {BASE}/rounds/{{code}}": [
        Case("GET", lambda w: f"{BASE}/rounds/{_sealed(w)}", api_members(200)),
    ],
    f"POST {BASE}/rounds/{{code}}/entries": [
        Case(
            "POST",
            lambda w: f"{BASE}/rounds/{_fresh(w)}/entries",
            api_members(201),
            data=lambda w: {"entries": [{"prompt_id": p, "text": t} for p, t in _texts(w).items()]},
        ),
        Case(
            "POST",
            lambda w: f"{BASE}/rounds/{_sealed(w)}/entries",
            api_members(400),
            data=lambda w: {"entries": [{"prompt_id": p, "text": "x"} for p in _texts(w)]},
            label="prompts of another round",
        ),
    ],
    f"POST {BASE}/rounds/{{code}}/marks": [
        Case(
            "POST",
            lambda w: f"{BASE}/rounds/{_sealed(w)}/marks",
            api_members(400),
            data=lambda w: {
                "marks": [
                    {"prompt_id": p, "mark": "right"} for p in w.extra["love_map_sealed"].prompt_ids
                ]
            },
            label="too early",
        )
    ],
    f"GET {BASE}/learned": [Case("GET", lambda w: f"{BASE}/learned", api_same(200))],
}
