"""Questions in the authorization matrix (see ``tend/tests/authz.py``).

Alice's answer to today's question carries the sealed words (bob has not answered
it); her answer two days ago carries the private words (she kept it to herself).
Neither may reach bob, charlie or an anonymous visitor on any route.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tend.conversation import services
from tend.conversation.models import (
    Answer,
    ConversationSettings,
    Favourite,
    PairPrompt,
    Question,
    QuestionKind,
    Reaction,
    Reply,
)
from tend.privacy.models import Visibility
from tend.tests.authz import (
    PRIVATE_WORDS,
    SEALED_WORDS,
    Case,
    World,
    api_members,
    api_same,
    members,
    same,
    u,
)

BASE = "/api/v1/conversation"


def seed(world: World) -> None:
    alice, bob, pair = world.alice, world.bob, world.pair
    today = services.pair_today(pair)
    sealed = services.question_for(pair, today)
    services.answer(alice, sealed, SEALED_WORDS)
    opened = services.question_for(pair, today - dt.timedelta(days=1))
    services.answer(alice, opened, "alice opened answer")
    bobs = services.answer(bob, opened, "bob opened answer")
    services.reply(bob, opened, "bob's reply")
    private = services.question_for(pair, today - dt.timedelta(days=2))
    services.answer(alice, private, PRIVATE_WORDS, Visibility.PRIVATE)
    services.answer(bob, private, "bob shared this one")
    world.extra["q_sealed"] = sealed
    world.extra["q_opened"] = opened
    world.extra["q_private"] = private
    world.extra["bobs_answer"] = bobs
    world.extra["asked"] = services.ask(alice, pair, prompt_id="memories-001")
    world.extra["own_prompt"] = services.write_prompt(alice, pair, "Which walk is ours?")


def _q(key: str) -> dict[str, Any]:
    return {"code": lambda w: w.extra[key].code}


def _api_q(key: str, tail: str = "") -> Any:
    return lambda w: f"{BASE}/questions/{w.extra[key].code}{tail}"


def _bobs_answer(w: World) -> Answer:
    return w.extra["bobs_answer"]


NO_PAIR_PAGE = 200  # charlie is in no pair: the page explains what questions need

PAGES = {
    "conversation:index": [Case("GET", u("conversation:index"), same(200))],
    "conversation:today": [Case("GET", u("conversation:today"), members(302, others=NO_PAIR_PAGE))],
    "conversation:question": [
        Case("GET", u("conversation:question", **_q("q_sealed")), members(200), label="sealed"),
        Case("GET", u("conversation:question", **_q("q_private")), members(200), label="private"),
        Case("GET", u("conversation:question", **_q("q_opened")), members(200), label="opened"),
    ],
    "conversation:answer": [
        Case(
            "POST",
            u("conversation:answer", **_q("asked")),
            members(302),
            data=lambda w: {"text": "matrix answer", "visibility": "shared"},
            effect=lambda w: Answer.objects.filter(question=w.extra["asked"]).exists(),
        )
    ],
    "conversation:skip": [
        # Alice answered today's question: the skip is refused with a message.
        Case(
            "POST",
            u("conversation:skip", **_q("q_sealed")),
            members(302),
            effect=lambda w: Question.objects.filter(
                pk=w.extra["q_sealed"].pk, kind=QuestionKind.SKIPPED
            ).exists(),
            effect_for=(),
        )
    ],
    "conversation:react": [
        Case(
            "POST",
            u("conversation:react", **_q("q_opened")),
            members(302),
            data=lambda w: {"answer": _bobs_answer(w).code, "kind": "heart"},
            # Only alice may react to bob's answer; bob's own is not his to react to.
            effect=lambda w: Reaction.objects.filter(answer=_bobs_answer(w)).exists(),
            effect_for=("owner",),
        )
    ],
    "conversation:reply": [
        Case(
            "POST",
            u("conversation:reply", **_q("q_opened")),
            members(302),
            data=lambda w: {"text": "matrix reply"},
            effect=lambda w: Reply.objects.filter(question=w.extra["q_opened"]).count() > 1,
        )
    ],
    "conversation:favourite": [
        Case(
            "POST",
            u("conversation:favourite", **_q("q_opened")),
            members(302),
            data=lambda w: {"on": "1"},
            effect=lambda w: Favourite.objects.filter(question=w.extra["q_opened"]).exists(),
        )
    ],
    "conversation:history": [Case("GET", u("conversation:history"), same(200))],
    "conversation:deck": [Case("GET", u("conversation:deck"), same(200))],
    "conversation:category": [
        Case("GET", u("conversation:category", slug=lambda w: "money"), same(200))
    ],
    "conversation:ask": [
        Case(
            "POST",
            u("conversation:ask"),
            members(302, others=NO_PAIR_PAGE),
            data=lambda w: {"prompt": "money-002"},
            effect=lambda w: Question.objects.filter(prompt_id="money-002").exists(),
        )
    ],
    "conversation:ours": [
        Case("GET", u("conversation:ours"), same(200)),
        Case(
            "POST",
            u("conversation:ours"),
            members(302, others=NO_PAIR_PAGE),
            data=lambda w: {"text": "matrix question?", "depth": "1"},
            effect=lambda w: PairPrompt.objects.count() > 1,
        ),
    ],
    "conversation:ours_remove": [
        Case(
            "POST",
            u("conversation:ours_remove", **_q("own_prompt")),
            members(302),
            effect=lambda w: not PairPrompt.objects.filter(pk=w.extra["own_prompt"].pk).exists(),
        )
    ],
    "conversation:settings": [
        Case("GET", u("conversation:settings"), same(200)),
        Case(
            "POST",
            u("conversation:settings"),
            members(302, others=NO_PAIR_PAGE),
            data=lambda w: {"categories": ["money", "memories"]},
            effect=lambda w: ConversationSettings.objects.filter(pair=w.pair).exists(),
        ),
    ],
}

OPERATIONS = {
    f"GET {BASE}/today": [Case("GET", lambda w: f"{BASE}/today", api_members(200))],
    f"GET {BASE}/questions": [Case("GET", lambda w: f"{BASE}/questions", api_members(200))],
    f"POST {BASE}/questions": [
        Case(
            "POST",
            lambda w: f"{BASE}/questions",
            api_members(201),
            data=lambda w: {"pair": w.pair.code, "prompt_id": "money-003"},
        )
    ],
    f"GET {BASE}/questions/{{code}}": [
        Case("GET", _api_q("q_sealed"), api_members(200), label="sealed"),
        Case("GET", _api_q("q_private"), api_members(200), label="private"),
        Case("GET", _api_q("q_opened"), api_members(200), label="opened"),
    ],
    f"POST {BASE}/questions/{{code}}/answer": [
        Case(
            "POST",
            _api_q("asked", "/answer"),
            api_members(201),
            data=lambda w: {"text": "matrix answer"},
        )
    ],
    f"POST {BASE}/questions/{{code}}/skip": [
        Case("POST", _api_q("q_sealed", "/skip"), api_members(400), label="answered")
    ],
    f"PUT {BASE}/questions/{{code}}/favourite": [
        Case("PUT", _api_q("q_opened", "/favourite"), api_members(204))
    ],
    f"DELETE {BASE}/questions/{{code}}/favourite": [
        Case("DELETE", _api_q("q_opened", "/favourite"), api_members(204))
    ],
    f"POST {BASE}/questions/{{code}}/reactions": [
        # Bob's own answer is not his to react to: only alice's reaction lands.
        Case(
            "POST",
            _api_q("q_opened", "/reactions"),
            {"owner": 200, "partner": 400, "outsider": 404, "anonymous": 401},
            data=lambda w: {"answer": _bobs_answer(w).code, "kind": "heart"},
        )
    ],
    f"POST {BASE}/questions/{{code}}/replies": [
        Case(
            "POST",
            _api_q("q_opened", "/replies"),
            api_members(201),
            data=lambda w: {"text": "matrix reply"},
        )
    ],
    f"GET {BASE}/categories": [Case("GET", lambda w: f"{BASE}/categories", api_same(200))],
    f"GET {BASE}/categories/{{slug}}": [
        Case("GET", lambda w: f"{BASE}/categories/money", api_same(200))
    ],
    f"GET {BASE}/settings": [Case("GET", lambda w: f"{BASE}/settings", api_members(200))],
    f"PUT {BASE}/settings": [
        Case(
            "PUT",
            lambda w: f"{BASE}/settings",
            api_members(200),
            data=lambda w: {"pair": w.pair.code, "categories": ["money"]},
        )
    ],
    f"GET {BASE}/own-prompts": [Case("GET", lambda w: f"{BASE}/own-prompts", api_members(200))],
    f"POST {BASE}/own-prompts": [
        Case(
            "POST",
            lambda w: f"{BASE}/own-prompts",
            api_members(201),
            data=lambda w: {"pair": w.pair.code, "text": "matrix question?"},
        )
    ],
    f"DELETE {BASE}/own-prompts/{{code}}": [
        Case(
            "DELETE",
            lambda w: f"{BASE}/own-prompts/{w.extra['own_prompt'].code}",
            api_members(204),
        )
    ],
}
