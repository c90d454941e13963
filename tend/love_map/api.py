"""API: the love-map quiz. A sealed answer or guess is null, never shown early."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, ErrorOut, PageParams, page_of
from tend.lib.http import AuthenticatedHttpRequest
from tend.love_map import queries, services
from tend.love_map.models import Round
from tend.love_map.schemas import (
    EntriesIn,
    LearnedPageOut,
    MarksIn,
    RoundDetailOut,
    RoundPageOut,
    StartIn,
    TopicOut,
)
from tend.love_map.selection import prompts_by_id, topic_titles
from tend.pairs.access import get_open_pair_for, get_pair_for
from tend.privacy.codes import CODE_LENGTH

router = Router(tags=["conversation"])

CREATE_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 409: ErrorOut}
PAIR_QUERY = Query(None, max_length=CODE_LENGTH, description="A pair code; leave it out for all.")


def _summary(r: Any, user: Any, state: str, result: queries.Result | None) -> dict[str, Any]:
    return {
        "code": r.code,
        "pair": r.pair.code,
        "subject": r.subject.display_name if r.subject is not None else None,
        "guesser": r.guesser.display_name if r.guesser is not None else None,
        "role": "subject" if r.subject_id == user.pk else "guesser",
        "state": state,
        "topic": r.topic,
        "created_at": r.created_at,
        "marked_at": r.marked_at,
        "result": result if r.marked_at is not None else None,
    }


def _detail(user: Any, round: Round) -> dict[str, Any]:
    view = queries.round_view(user, round)
    data = _summary(round, user, view.state, view.result)
    data["prompts"] = [
        {
            "prompt_id": row.prompt_id,
            "text": row.text,
            "topic": row.topic,
            "answer": _side(row.answer, round.subject),
            "guess": _side(row.guess, round.guesser),
            "mark": row.mark or None,
        }
        for row in view.rows
    ]
    data["learned"] = [row.prompt_id for row in view.learned]
    return data


def _side(entry: Any, author: Any) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {"text": entry.text, "author": author.display_name if author is not None else None}


@router.get("/topics", response={200: list[TopicOut], **COMMON_ERRORS}, summary="Love-map topics")
def topics(request: AuthenticatedHttpRequest) -> object:
    counts: dict[str, int] = {}
    for prompt in prompts_by_id().values():
        counts[prompt.topic] = counts.get(prompt.topic, 0) + 1
    return [
        {"slug": slug, "title": title, "prompts": counts.get(slug, 0)}
        for slug, title in topic_titles().items()
    ]


@router.get(
    "/rounds",
    response={200: RoundPageOut, **COMMON_ERRORS},
    summary="Love-map rounds",
    description="Newest first, in one pair or in every pair I am in.",
)
def list_rounds(
    request: AuthenticatedHttpRequest, page: Query[PageParams], pair: str | None = PAIR_QUERY
) -> object:
    user = request.user
    the_pair = get_pair_for(user, pair) if pair is not None else None
    found = page_of(queries.rounds_of(user, the_pair), page)
    found["items"] = [
        _summary(
            r,
            user,
            r.state,
            queries.Result(r.right, r.close, r.new),
        )
        for r in queries.summarise(found["items"], user)
    ]
    return found


@router.post(
    "/rounds",
    response={201: RoundDetailOut, **CREATE_ERRORS},
    summary="Start a love-map round",
    description="Five prompts not yet used for the person answering, topics mixed unless one "
    "is chosen. 400 while a round about the same person is unfinished.",
)
def start_round(request: AuthenticatedHttpRequest, payload: StartIn) -> object:
    user = request.user
    pair = get_open_pair_for(user, payload.pair)
    round = services.start_round(user, pair, payload.about, payload.topic)
    return Status(201, _detail(user, queries.get_round_for(user, round.code)))


@router.get(
    "/rounds/{code}",
    response={200: RoundDetailOut, **COMMON_ERRORS},
    summary="A love-map round as I see it",
)
def get_round(request: AuthenticatedHttpRequest, code: str) -> object:
    user = request.user
    return _detail(user, queries.get_round_for(user, code))


@router.post(
    "/rounds/{code}/entries",
    response={201: RoundDetailOut, **CREATE_ERRORS},
    summary="Write my answers or my guesses",
    description="All at once, one for every prompt: answers when the round is about me, "
    "guesses otherwise. 409 if I already wrote mine.",
)
def write_entries(request: AuthenticatedHttpRequest, code: str, payload: EntriesIn) -> object:
    user = request.user
    round = queries.get_round_for(user, code)
    texts = {e.prompt_id: e.text for e in payload.entries}
    if len(texts) != len(payload.entries):
        raise services.RoundError(_("Write for each prompt once."))
    services.write_entries(user, round, texts)
    return Status(201, _detail(user, round))


@router.post(
    "/rounds/{code}/marks",
    response={200: RoundDetailOut, **WRITE_ERRORS},
    summary="Mark the guesses",
    description="Only the person the round is about, once both have written: right, close "
    "or new for every guess. Finishes the round.",
)
def mark_guesses(request: AuthenticatedHttpRequest, code: str, payload: MarksIn) -> object:
    user = request.user
    round = queries.get_round_for(user, code)
    marks = {m.prompt_id: m.mark for m in payload.marks}
    services.mark_guesses(user, round, marks)
    return _detail(user, round)


@router.get(
    "/learned",
    response={200: LearnedPageOut, **COMMON_ERRORS},
    summary="Things I learned",
    description="The other person's answers to prompts I guessed close or new, newest first.",
)
def learned(
    request: AuthenticatedHttpRequest, page: Query[PageParams], pair: str | None = PAIR_QUERY
) -> object:
    user = request.user
    the_pair = get_pair_for(user, pair) if pair is not None else None
    found = page_of(queries.learned_for(user, the_pair), page)
    prompts = prompts_by_id()
    found["items"] = [
        {
            "round": e.round.code,
            "prompt_id": e.prompt_id,
            "prompt": prompts[e.prompt_id].text if e.prompt_id in prompts else e.prompt_id,
            "answer": e.text,
            "about": e.owner.display_name,
            "mark": e.learned_mark,
            "marked_at": e.round.marked_at,
        }
        for e in found["items"]
    ]
    return found
