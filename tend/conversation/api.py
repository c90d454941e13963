"""API: the question of the day, asked questions, answers, reactions, the thread,
the decks, the pair's own questions and its categories.

A partner's answer appears only once it is open for the reader; before that the
partner's state says "sealed", never more.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from ninja import Query, Router, Status

from tend.accounts.models import User
from tend.conversation import content, services
from tend.conversation.models import Answer, PairPrompt, Question, QuestionKind, Reaction
from tend.conversation.schemas import (
    AnswerIn,
    AnswerOut,
    AskIn,
    CategoryDetailOut,
    CategoryOut,
    OwnPromptIn,
    OwnPromptOut,
    QuestionOut,
    QuestionPageOut,
    ReactIn,
    ReactOut,
    ReplyIn,
    ReplyOut,
    SettingsIn,
    SettingsOut,
)
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, ErrorOut, PageParams, page_of
from tend.lib.http import AuthenticatedHttpRequest
from tend.pairs.access import get_shared_pair_for
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH

router = Router(tags=["conversation"])

PAIR_QUERY = Query(
    None, max_length=CODE_LENGTH, description="One of my open pairs; default my first open one."
)
ANSWER_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 409: ErrorOut}


def _answer_out(item: Answer | None, user: User, reactions: list[Reaction]) -> dict | None:
    if item is None:
        return None
    return {
        "code": item.code,
        "text": item.text,
        "is_mine": item.owner_id == user.pk,
        "visibility": item.visibility,
        "created_at": item.created_at,
        "reactions": [{"kind": r.kind, "by_me": r.owner_id == user.pk} for r in reactions],
    }


def _summary(question: Any, user: User) -> dict[str, Any]:
    return {
        "code": question.code,
        "pair": question.pair.code,
        "day": question.day,
        "kind": question.kind,
        "text": question.text,
        "category": question.category,
        "asked_by_me": question.asked_by_id == user.pk if question.asked_by_id else None,
        "state": services.QuestionState.of(question).value,
        "is_favourite": question.is_favourite,
    }


def _question_out(user: User, code: str) -> dict[str, Any]:
    question = services.with_state(
        Question.objects.select_related("pair", "pair_prompt").filter(
            code=code, pair__in=Pair.objects.of(user)
        ),
        user,
    ).first()
    if question is None:
        raise Http404
    answers = services.answers_for(user, question)
    opened = services.is_open(answers)
    reactions = services.reactions_by_answer([answers.mine, answers.partner]) if opened else {}
    partner_user = question.pair.partner_of(user)
    partner = None
    if partner_user is not None:
        state = "open" if answers.partner else "sealed" if answers.partner_sealed else "none"
        partner = {
            "display_name": partner_user.display_name,
            "state": state,
            "answer": _answer_out(
                answers.partner,
                user,
                reactions.get(answers.partner.pk, []) if answers.partner else [],
            ),
        }
    today = services.pair_today(question.pair)
    can_skip = (
        question.pair.is_open
        and question.kind == QuestionKind.DAILY
        and question.day == today
        and answers.mine is None
        and partner is not None
        and partner["state"] == "none"
    )
    skips_left = services.skips_left(question.pair, today) if can_skip else 0
    return {
        **_summary(question, user),
        "mine": _answer_out(
            answers.mine, user, reactions.get(answers.mine.pk, []) if answers.mine else []
        ),
        "partner": partner,
        "replies": [
            {
                "code": r.code,
                "text": r.text,
                "author": r.owner.display_name,
                "is_mine": r.owner_id == user.pk,
                "created_at": r.created_at,
            }
            for r in (services.thread(user, question) if opened else [])
        ],
        "can_skip": can_skip and skips_left > 0,
        "skips_left": skips_left,
    }


# Questions ------------------------------------------------------------------------


@router.get(
    "/today",
    response={200: QuestionOut, **COMMON_ERRORS},
    summary="Today's question",
    description="The pair's question for its local day, the same for both; chosen on first ask.",
)
def today(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    question = services.today_question(request.user, get_shared_pair_for(request.user, pair))
    return _question_out(request.user, question.code)


@router.get(
    "/questions",
    response={200: QuestionPageOut, **COMMON_ERRORS},
    summary="Past and asked questions",
    description="Newest first; skipped ones are left out.",
)
def list_questions(
    request: AuthenticatedHttpRequest,
    page: Query[PageParams],
    pair: str | None = PAIR_QUERY,
    favourites: bool = False,
) -> Any:
    user = request.user
    the_pair = get_shared_pair_for(user, pair)
    listed: QuerySet[Question] = Question.objects.filter(pair=the_pair).exclude(
        kind=QuestionKind.SKIPPED
    )
    if favourites:
        listed = listed.filter(favourites__owner=user)
    rows = services.with_state(listed.select_related("pair", "pair_prompt"), user)
    result = page_of(rows, page)
    result["items"] = [_summary(q, user) for q in result["items"]]
    return result


@router.post(
    "/questions",
    response={201: QuestionOut, **WRITE_ERRORS},
    summary="Ask my partner a question",
    description="A prompt of the decks (`prompt_id`) or one we wrote (`own_prompt`).",
)
def ask(request: AuthenticatedHttpRequest, payload: AskIn) -> object:
    user = request.user
    the_pair = get_shared_pair_for(user, payload.pair)
    own = services.get_own_prompt(user, payload.own_prompt) if payload.own_prompt else None
    if own is not None and own.pair_id != the_pair.pk:
        raise Http404
    asked = services.ask(user, the_pair, prompt_id=payload.prompt_id, own_prompt=own)
    return Status(201, _question_out(user, asked.code))


@router.get("/questions/{code}", response={200: QuestionOut, **COMMON_ERRORS}, summary="A question")
def get_question(request: AuthenticatedHttpRequest, code: str) -> object:
    return _question_out(request.user, code)


@router.post(
    "/questions/{code}/answer",
    response={201: AnswerOut, **ANSWER_ERRORS},
    summary="Answer a question",
    description="Once. A shared answer opens my partner's when they have shared theirs; "
    "409 if I already answered.",
)
def answer(request: AuthenticatedHttpRequest, code: str, payload: AnswerIn) -> object:
    user = request.user
    question = services.get_question_for(user, code)
    item = services.answer(user, question, payload.text, payload.visibility)
    return Status(201, _answer_out(item, user, []))


@router.post(
    "/questions/{code}/skip",
    response={201: QuestionOut, **WRITE_ERRORS},
    summary="Skip today's question",
    description="Another prompt for today, while neither of us has answered; a few a day.",
)
def skip(request: AuthenticatedHttpRequest, code: str) -> object:
    user = request.user
    fresh = services.skip(user, services.get_question_for(user, code))
    return Status(201, _question_out(user, fresh.code))


@router.put(
    "/questions/{code}/favourite",
    response={204: None, **COMMON_ERRORS},
    summary="Mark as a favourite (only I see the mark)",
)
def favourite(request: AuthenticatedHttpRequest, code: str) -> object:
    services.set_favourite(request.user, services.get_question_for(request.user, code), True)
    return Status(204, None)


@router.delete(
    "/questions/{code}/favourite", response={204: None, **COMMON_ERRORS}, summary="Unmark"
)
def unfavourite(request: AuthenticatedHttpRequest, code: str) -> object:
    services.set_favourite(request.user, services.get_question_for(request.user, code), False)
    return Status(204, None)


@router.post(
    "/questions/{code}/reactions",
    response={200: ReactOut, **WRITE_ERRORS},
    summary="React to my partner's opened answer",
)
def react(request: AuthenticatedHttpRequest, code: str, payload: ReactIn) -> object:
    user = request.user
    question = services.get_question_for(user, code)
    reaction = services.react(user, question, payload.answer, payload.kind)
    return {"kind": reaction.kind if reaction is not None else None}


@router.post(
    "/questions/{code}/replies",
    response={201: ReplyOut, **WRITE_ERRORS},
    summary="Reply in the thread of an opened question",
)
def reply(request: AuthenticatedHttpRequest, code: str, payload: ReplyIn) -> object:
    user = request.user
    item = services.reply(user, services.get_question_for(user, code), payload.text)
    return Status(
        201,
        {
            "code": item.code,
            "text": item.text,
            "author": user.display_name,
            "is_mine": True,
            "created_at": item.created_at,
        },
    )


# Decks --------------------------------------------------------------------------------


@router.get("/categories", response={200: list[CategoryOut], **COMMON_ERRORS}, summary="Decks")
def categories(request: AuthenticatedHttpRequest) -> object:
    return [
        {
            "slug": c.category,
            "title": c.title,
            "description": c.description,
            "prompts": len(c.prompts),
        }
        for c in content.categories().values()
    ]


@router.get(
    "/categories/{slug}",
    response={200: CategoryDetailOut, **COMMON_ERRORS},
    summary="The prompts of a deck",
)
def category(request: AuthenticatedHttpRequest, slug: str) -> object:
    found = content.categories().get(slug)
    if found is None:
        raise Http404
    return {
        "slug": found.category,
        "title": found.title,
        "description": found.description,
        "prompts": len(found.prompts),
        "items": [{"id": p.id, "text": p.text, "depth": p.depth} for p in found.prompts],
    }


@router.get("/settings", response={200: SettingsOut, **COMMON_ERRORS}, summary="Our categories")
def get_settings(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    the_pair = get_shared_pair_for(request.user, pair)
    chosen = services.chosen_categories(the_pair) or [s for s, _t in services.category_choices()]
    return {"pair": the_pair.code, "categories": chosen}


@router.put(
    "/settings",
    response={200: SettingsOut, **WRITE_ERRORS},
    summary="Switch categories on",
    description="The question of the day comes from these; at least one.",
)
def put_settings(request: AuthenticatedHttpRequest, payload: SettingsIn) -> object:
    the_pair = get_shared_pair_for(request.user, payload.pair)
    chosen = services.update_settings(request.user, the_pair, payload.categories)
    return {"pair": the_pair.code, "categories": chosen}


# The pair's own questions ------------------------------------------------------------------


def _own_out(item: PairPrompt, user: User) -> dict[str, Any]:
    return {
        "code": item.code,
        "text": item.text,
        "depth": item.depth,
        "written_by_me": item.owner_id == user.pk,
        "created_at": item.created_at,
    }


@router.get(
    "/own-prompts",
    response={200: list[OwnPromptOut], **COMMON_ERRORS},
    summary="Questions we wrote",
)
def list_own(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    the_pair = get_shared_pair_for(request.user, pair)
    return [_own_out(p, request.user) for p in services.own_prompts(the_pair)]


@router.post(
    "/own-prompts",
    response={201: OwnPromptOut, **WRITE_ERRORS},
    summary="Write a question for us",
)
def write_own(request: AuthenticatedHttpRequest, payload: OwnPromptIn) -> object:
    the_pair = get_shared_pair_for(request.user, payload.pair)
    item = services.write_prompt(request.user, the_pair, payload.text, payload.depth)
    return Status(201, _own_out(item, request.user))


@router.delete(
    "/own-prompts/{code}",
    response={204: None, **COMMON_ERRORS},
    summary="Remove a question we wrote",
    description="One already asked stays readable under its questions.",
)
def remove_own(request: AuthenticatedHttpRequest, code: str) -> object:
    services.remove_prompt(request.user, services.get_own_prompt(request.user, code))
    return Status(204, None)
