"""API: the deep-talk evening, its closeness marks and each person's private notes.

A partner's mark appears only once opened for the reader (they placed theirs for the
same moment); a partner's notes never appear at all.
"""

from __future__ import annotations

from typing import Any

from ninja import Query, Router, Status

from tend.accounts.models import User
from tend.conversation import content
from tend.deep_talk import services
from tend.deep_talk.models import Talk, TalkNote
from tend.deep_talk.schemas import (
    EveningPageOut,
    MomentName,
    NoteIn,
    NoteOut,
    NotePageOut,
    RatingIn,
    RatingOut,
    StepIn,
    TalkIn,
    TalkOut,
    TalkPageOut,
)
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, ErrorOut, PageParams
from tend.lib.http import AuthenticatedHttpRequest
from tend.pairs.access import get_pair_for
from tend.privacy.codes import CODE_LENGTH
from tend.privacy.models import Answers

router = Router(tags=["conversation"])

STEP_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 409: ErrorOut}
PAIR_QUERY = Query(None, max_length=CODE_LENGTH, description="Only this pair's evenings.")


def _speaker(person: User | None, user: User) -> dict[str, Any] | None:
    if person is None:
        return None
    return {"display_name": person.display_name, "is_me": person.pk == user.pk}


def _mark(answers: Answers) -> dict[str, Any]:
    partner = answers.partner
    state = "open" if partner is not None else "sealed" if answers.partner_sealed else "none"
    return {
        "mine": answers.mine.value if answers.mine is not None else None,
        "partner": partner.value if partner is not None else None,
        "partner_state": state,
    }


def _talk_out(talk: Talk, user: User, closeness: services.Closeness) -> dict[str, Any]:
    evening = talk.evening
    deep_set = talk.current_set_content
    question = talk.question if talk.state != "before" else None
    first, second = talk.speakers()
    return {
        "code": talk.code,
        "pair": talk.pair.code,
        "evening": talk.session,
        "evening_title": evening.title if evening is not None else talk.session,
        "state": talk.state,
        "set": talk.current_set + 1,
        "set_title": deep_set.title if deep_set is not None else "",
        "question_number": talk.current_question + 1,
        "position": talk.position,
        "question": {"id": question.id, "text": question.text} if question else None,
        "first_speaker": _speaker(first, user),
        "second_speaker": _speaker(second, user),
        "set_seconds": talk.set_seconds,
        "remaining_seconds": talk.remaining_seconds(),
        "created_at": talk.created_at,
        "finished_at": talk.finished_at,
        "closeness": {"before": _mark(closeness.before), "after": _mark(closeness.after)},
    }


def _one(talk: Talk, user: User) -> dict[str, Any]:
    return _talk_out(talk, user, services.closeness_for(user, talk))


@router.get(
    "/evenings",
    response={200: EveningPageOut, **COMMON_ERRORS},
    summary="The evenings to choose from",
)
def list_evenings(request: AuthenticatedHttpRequest, page: Query[PageParams]) -> object:
    evenings = list(content.deep_talk_sessions().values())
    items = [
        {
            "slug": e.slug,
            "title": e.title,
            "description": e.description,
            "sets": [
                {"title": s.title, "minutes": s.minutes, "questions": len(s.questions)}
                for s in e.sets
            ],
        }
        for e in evenings[page.offset : page.offset + page.limit]
    ]
    return {"items": items, "count": len(evenings), "limit": page.limit, "offset": page.offset}


@router.get(
    "/talks",
    response={200: TalkPageOut, **COMMON_ERRORS},
    summary="Evenings of my pairs",
    description="Newest first, the one in progress included.",
)
def list_talks(
    request: AuthenticatedHttpRequest, page: Query[PageParams], pair: str | None = PAIR_QUERY
) -> object:
    user = request.user
    qs = services.with_people(Talk.objects.of(user))
    if pair is not None:
        qs = qs.filter(pair=get_pair_for(user, pair))
    talks = list(qs[page.offset : page.offset + page.limit])
    closeness = services.closeness_for_many(user, talks) if talks else {}
    return {
        "items": [_talk_out(t, user, closeness[t.pk]) for t in talks],
        "count": qs.count(),
        "limit": page.limit,
        "offset": page.offset,
    }


@router.post(
    "/talks",
    response={201: TalkOut, **WRITE_ERRORS},
    summary="Start an evening",
    description="400 while the pair has an evening in progress, or without a partner.",
)
def start_talk(request: AuthenticatedHttpRequest, payload: TalkIn) -> object:
    user = request.user
    pair = get_pair_for(user, payload.pair)
    talk = services.start_talk(user, pair, payload.evening, first=payload.first)
    return Status(201, _one(services.get_talk_for(user, talk.code), user))


@router.get("/talks/{code}", response={200: TalkOut, **COMMON_ERRORS}, summary="An evening")
def get_talk(request: AuthenticatedHttpRequest, code: str) -> object:
    return _one(services.get_talk_for(request.user, code), request.user)


@router.post(
    "/talks/{code}/step",
    response={200: TalkOut, **STEP_ERRORS},
    summary="Move the evening on, back, pause, resume or end it",
    description="Either of the two may do it. 400 when the action does not fit the "
    "evening's state (next while paused, anything once finished); 409 when `at` is stale.",
)
def step_talk(request: AuthenticatedHttpRequest, code: str, payload: StepIn) -> object:
    user = request.user
    talk = services.get_talk_for(user, code)
    services.step(user, talk, payload.action, at=payload.at, seen_state=payload.state)
    return _one(talk, user)


@router.put(
    "/talks/{code}/closeness/{moment}",
    response={200: RatingOut, **WRITE_ERRORS},
    summary="Place how close I feel, before or after",
    description="Placing again moves my mark. `after` only once the evening has ended.",
)
def rate(
    request: AuthenticatedHttpRequest, code: str, moment: MomentName, payload: RatingIn
) -> object:
    user = request.user
    talk = services.get_talk_for(user, code)
    rating = services.rate(user, talk, moment, payload.value)
    return {"talk": talk.code, "moment": rating.moment, "value": rating.value}


def _note_out(note: TalkNote, talk: Talk) -> dict[str, Any]:
    return {
        "code": note.code,
        "talk": talk.code,
        "question_id": note.question_id,
        "text": note.text,
        "created_at": note.created_at,
    }


@router.get(
    "/talks/{code}/notes",
    response={200: NotePageOut, **COMMON_ERRORS},
    summary="My notes on an evening",
    description="Only mine: notes are private, my partner's never appear.",
)
def list_notes(request: AuthenticatedHttpRequest, code: str, page: Query[PageParams]) -> object:
    user = request.user
    talk = services.get_talk_for(user, code)
    qs = TalkNote.objects.filter(owner=user, talk=talk).order_by("created_at", "pk")
    return {
        "items": [_note_out(n, talk) for n in qs[page.offset : page.offset + page.limit]],
        "count": qs.count(),
        "limit": page.limit,
        "offset": page.offset,
    }


@router.post(
    "/talks/{code}/notes",
    response={201: NoteOut, **WRITE_ERRORS},
    summary="Keep a private note on an evening",
)
def add_note(request: AuthenticatedHttpRequest, code: str, payload: NoteIn) -> object:
    user = request.user
    talk = services.get_talk_for(user, code)
    note = services.add_note(user, talk, payload.text, payload.question_id)
    return Status(201, _note_out(note, talk))
