"""Moments in the authorization matrix (see ``tend/tests/authz.py``).

Alice's moment carries the private words in its note. A moment is never shared,
so only alice reaches it on any route; bob and charlie see combined figures at
most, and the leak check looks for her words in every response they get.
"""

from __future__ import annotations

from typing import Any

from tend.moments import services
from tend.moments.models import Moment
from tend.tests.authz import (
    PRIVATE_WORDS,
    Case,
    World,
    api_owner_only,
    api_same,
    owner_only,
    same,
    u,
)

BASE = "/api/v1/moments"


def seed(world: World) -> None:
    alice, bob, pair = world.alice, world.bob, world.pair
    world.extra["alice_moment"] = services.note_moment(
        alice, pair, "snapped", whose="mine", note=PRIVATE_WORDS
    )
    world.extra["alice_warm"] = services.note_moment(alice, pair, "kindness", note=PRIVATE_WORDS)
    services.note_moment(bob, pair, "laughed", note="bob's moment")


def _m(key: str = "alice_moment") -> dict[str, Any]:
    return {"code": lambda w: w.extra[key].code}


def _api_m(key: str = "alice_moment") -> Any:
    return lambda w: f"{BASE}/entries/{w.extra[key].code}"


def _exists(key: str) -> Any:
    return lambda w: Moment.objects.filter(pk=w.extra[key].pk).exists()


def _edit_form(w: World) -> dict[str, Any]:
    return {
        "kind": "snapped",
        "whose": "ours",
        "happened_on": w.extra["alice_moment"].happened_on.isoformat(),
        "note": "matrix",
    }


PAGES = {
    "moments:index": [Case("GET", u("moments:index"), same(200))],
    "moments:note": [
        Case(
            "POST",
            u("moments:note"),
            same(302),
            data=lambda w: {"kind": "laughed"},
            effect=lambda w: Moment.objects.filter(kind="laughed").count() > 1,
            effect_for=("owner", "partner", "outsider"),
        )
    ],
    "moments:mine": [Case("GET", u("moments:mine"), same(200))],
    "moments:chart": [Case("GET", u("moments:chart"), same(200))],
    "moments:explain": [Case("GET", u("moments:explain"), same(200))],
    "moments:entry": [
        Case("GET", u("moments:entry", **_m()), owner_only(200)),
        Case("GET", u("moments:entry", **_m("alice_warm")), owner_only(200), label="noted"),
        Case(
            "POST",
            u("moments:entry", **_m()),
            owner_only(302),
            data=_edit_form,
            effect=lambda w: Moment.objects.filter(
                pk=w.extra["alice_moment"].pk, whose="ours"
            ).exists(),
            effect_for=("owner",),
        ),
    ],
    "moments:delete": [
        Case(
            "POST",
            u("moments:delete", **_m()),
            owner_only(302),
            effect=lambda w: not _exists("alice_moment")(w),
            effect_for=("owner",),
        )
    ],
}

OPERATIONS = {
    f"GET {BASE}/kinds": [Case("GET", lambda w: f"{BASE}/kinds", api_same(200))],
    f"GET {BASE}/entries": [Case("GET", lambda w: f"{BASE}/entries", api_same(200))],
    f"POST {BASE}/entries": [
        Case(
            "POST", lambda w: f"{BASE}/entries", api_same(201), data=lambda w: {"kind": "long-hug"}
        )
    ],
    f"GET {BASE}/entries/{{code}}": [Case("GET", _api_m(), api_owner_only(200))],
    f"PATCH {BASE}/entries/{{code}}": [
        Case("PATCH", _api_m(), api_owner_only(200), data=lambda w: {"whose": "ours"})
    ],
    f"DELETE {BASE}/entries/{{code}}": [Case("DELETE", _api_m(), api_owner_only(204))],
    f"GET {BASE}/figures": [
        Case("GET", lambda w: f"{BASE}/figures", api_same(200)),
        Case(
            "GET",
            lambda w: f"{BASE}/figures?pair={w.pair.code}",
            {"owner": 200, "partner": 200, "outsider": 404, "anonymous": 401},
            label="pair",
        ),
    ],
}
