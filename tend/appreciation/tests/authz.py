"""Appreciation in the authorization matrix (see ``tend/tests/authz.py``).

Alice's three things in the open round carry the sealed words (bob has not
written his); her gratitude note carries the private words. Neither may reach
bob, charlie or an anonymous visitor on any route.
"""

from __future__ import annotations

from typing import Any

from tend.appreciation import services
from tend.appreciation.models import Appreciation, GoodNews, Gratitude, NewsReply, ThreeThingsEntry
from tend.tests.authz import (
    LOGIN,
    PRIVATE_WORDS,
    SEALED_WORDS,
    Case,
    World,
    api_members,
    api_owner_only,
    api_same,
    members,
    owner_only,
    same,
    u,
)

BASE = "/api/v1/appreciation"
NO_PAIR_PAGE = 200  # charlie is in no pair: the page explains what appreciation needs


def seed(world: World) -> None:
    alice, bob, pair = world.alice, world.bob, world.pair
    world.extra["to_bob"] = services.send(alice, pair, "alice thanks bob", "did")
    world.extra["to_alice"] = services.send(bob, pair, "bob thanks alice", "who")
    world.extra["gratitude"] = services.write_gratitude(alice, PRIVATE_WORDS)
    services.write_three(alice, pair, SEALED_WORDS, SEALED_WORDS, SEALED_WORDS)
    world.extra["news"] = services.share_news(bob, pair, "bob got the job")


def _code(key: str) -> dict[str, Any]:
    return {"code": lambda w: w.extra[key].code}


def _api(path: str) -> Any:
    return lambda w: BASE + path.format(**{k: v.code for k, v in w.extra.items()})


PAGES = {
    "appreciation:index": [Case("GET", u("appreciation:index"), same(200))],
    "appreciation:send": [
        Case(
            "POST",
            u("appreciation:send"),
            members(302, others=NO_PAIR_PAGE),
            data=lambda w: {"text": "matrix thanks", "kind": ""},
            effect=lambda w: Appreciation.objects.filter(source="written").count() > 2,
        )
    ],
    "appreciation:thank": [
        # Only bob received it: only his thanks lands.
        Case(
            "POST",
            u("appreciation:thank", **_code("to_bob")),
            members(302),
            effect=lambda w: Appreciation.objects.filter(
                pk=w.extra["to_bob"].pk, thanked_at__isnull=False
            ).exists(),
            effect_for=("partner",),
        )
    ],
    "appreciation:react": [
        Case(
            "POST",
            u("appreciation:react", **_code("to_bob")),
            members(302),
            data=lambda w: {"kind": "hug"},
            effect=lambda w: Appreciation.objects.filter(
                pk=w.extra["to_bob"].pk, reaction="hug"
            ).exists(),
            effect_for=("partner",),
        )
    ],
    "appreciation:jar": [Case("GET", u("appreciation:jar"), same(200))],
    "appreciation:gratitude": [
        Case("GET", u("appreciation:gratitude"), same(200)),
        Case(
            "POST",
            u("appreciation:gratitude"),
            same(302),
            data=lambda w: {"text": "matrix gratitude"},
            effect=lambda w: Gratitude.objects.count() > 1,
            effect_for=("partner", "outsider"),
        ),
    ],
    "appreciation:gratitude_send": [
        Case(
            "POST",
            u("appreciation:gratitude_send", **_code("gratitude")),
            owner_only(302),
            data=lambda w: {"kind": ""},
            effect=lambda w: Gratitude.objects.filter(
                pk=w.extra["gratitude"].pk, sent_as__isnull=False
            ).exists(),
            effect_for=("owner",),
        )
    ],
    "appreciation:three_things": [
        Case("GET", u("appreciation:three_things"), same(200)),
        Case(
            "POST",
            u("appreciation:three_things"),
            # Alice wrote hers already: refused, the page keeps what she typed.
            {"owner": 400, "partner": 302, "outsider": NO_PAIR_PAGE, "anonymous": LOGIN},
            data=lambda w: {"first": "one", "second": "two", "third": "three"},
            # Alice wrote hers already: only bob's lands.
            effect=lambda w: ThreeThingsEntry.objects.count() > 1,
            effect_for=("partner",),
        ),
    ],
    "appreciation:news": [
        Case("GET", u("appreciation:news"), same(200)),
        Case(
            "POST",
            u("appreciation:news"),
            members(302, others=NO_PAIR_PAGE),
            data=lambda w: {"text": "matrix news"},
            effect=lambda w: GoodNews.objects.count() > 1,
        ),
    ],
    "appreciation:news_detail": [
        Case("GET", u("appreciation:news_detail", **_code("news")), members(200))
    ],
    "appreciation:news_reply": [
        Case(
            "POST",
            u("appreciation:news_reply", **_code("news")),
            members(302),
            data=lambda w: {"text": "How did the interview go?"},
            effect=lambda w: NewsReply.objects.exists(),
        )
    ],
}

OPERATIONS = {
    f"GET {BASE}/appreciations": [Case("GET", _api("/appreciations"), api_members(200))],
    f"POST {BASE}/appreciations": [
        Case("POST", _api("/appreciations"), api_members(201), data=lambda w: {"text": "thanks"})
    ],
    f"GET {BASE}/appreciations/{{code}}": [
        Case("GET", _api("/appreciations/{to_bob}"), api_members(200))
    ],
    f"POST {BASE}/appreciations/{{code}}/thank": [
        Case(
            "POST",
            _api("/appreciations/{to_bob}/thank"),
            {"owner": 400, "partner": 200, "outsider": 404, "anonymous": 401},
        )
    ],
    f"POST {BASE}/appreciations/{{code}}/reaction": [
        Case(
            "POST",
            _api("/appreciations/{to_bob}/reaction"),
            {"owner": 400, "partner": 200, "outsider": 404, "anonymous": 401},
            data=lambda w: {"kind": "smile"},
        )
    ],
    f"GET {BASE}/jar": [Case("GET", _api("/jar"), api_members(200))],
    f"GET {BASE}/gratitude/today": [Case("GET", _api("/gratitude/today"), api_same(200))],
    f"PUT {BASE}/gratitude/today": [
        Case("PUT", _api("/gratitude/today"), api_same(200), data=lambda w: {"text": "a walk"})
    ],
    f"GET {BASE}/gratitude": [Case("GET", _api("/gratitude"), api_same(200))],
    f"POST {BASE}/gratitude/{{code}}/send": [
        Case("POST", _api("/gratitude/{gratitude}/send"), api_owner_only(201))
    ],
    f"GET {BASE}/three-things": [Case("GET", _api("/three-things"), api_members(200))],
    f"POST {BASE}/three-things": [
        Case(
            "POST",
            _api("/three-things"),
            # Bob writing his would rightly open alice's sealed three; here the pair is
            # alice's spare one, with no partner in it: nobody may write there.
            api_same(404),
            data=lambda w: {"pair": w.spare.code, "things": ["one", "two", "three"]},
            label="a pair without a partner",
        )
    ],
    f"GET {BASE}/three-things/rounds": [
        Case("GET", _api("/three-things/rounds"), api_members(200))
    ],
    f"GET {BASE}/news": [Case("GET", _api("/news"), api_members(200))],
    f"POST {BASE}/news": [
        Case("POST", _api("/news"), api_members(201), data=lambda w: {"text": "a win"})
    ],
    f"GET {BASE}/news/{{code}}": [Case("GET", _api("/news/{news}"), api_members(200))],
    f"POST {BASE}/news/{{code}}/replies": [
        Case(
            "POST",
            _api("/news/{news}/replies"),
            api_members(201),
            data=lambda w: {"text": "Tell me all about it!"},
        )
    ],
    f"POST {BASE}/news/{{code}}/replies/check": [
        Case(
            "POST",
            _api("/news/{news}/replies/check"),
            api_members(200),
            data=lambda w: {"text": "ok"},
        )
    ],
}
