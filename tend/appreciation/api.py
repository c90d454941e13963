"""API: appreciations (send, thank, react), the jar, the end-of-day gratitude note,
the three-things exercise and good news with replies.

A partner's three things appear only once mine are written; gratitude notes are
the writer's alone. A reply to good news that the checker notices is answered with
400, the note, the spans noticed and a warmer example, and is not saved; send it
again with ``send_anyway`` to send it as it is. ``/news/{code}/replies/check``
only checks.
"""

from __future__ import annotations

from typing import Any

from ninja import Query, Router, Status

from tend.accounts.models import User
from tend.appreciation import content, responding, services
from tend.appreciation.models import (
    Appreciation,
    GoodNews,
    Gratitude,
    NewsReply,
    ThreeThings,
    ThreeThingsEntry,
)
from tend.appreciation.schemas import (
    AppreciationIn,
    AppreciationOut,
    AppreciationPageOut,
    CheckOut,
    GratitudeIn,
    GratitudeOut,
    GratitudePageOut,
    GratitudeTodayOut,
    JarOut,
    NewsDetailOut,
    NewsIn,
    NewsOut,
    NewsPageOut,
    NewsReplyIn,
    NewsReplyOut,
    NoticedOut,
    ReactionIn,
    ReplyCheckIn,
    RoundOut,
    RoundPageOut,
    SendGratitudeIn,
    ThreeThingsIn,
)
from tend.lib.api import COMMON_ERRORS, WRITE_ERRORS, ErrorOut, PageParams, page_of
from tend.lib.http import AuthenticatedHttpRequest
from tend.pairs.access import get_shared_pair_for
from tend.privacy.access import get_own_item, get_visible_item
from tend.privacy.codes import CODE_LENGTH
from tend.privacy.models import Answers

router = Router(tags=["appreciation"])

PAIR_QUERY = Query(
    None, max_length=CODE_LENGTH, description="One of my open pairs; default my first open one."
)
CONFLICT_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 409: ErrorOut}


def _appreciation(item: Appreciation, user: User) -> dict[str, Any]:
    return {
        "code": item.code,
        "pair": item.pair.code if item.pair else "",
        "text": item.text,
        "kind": item.kind,
        "source": item.source,
        "from_me": item.owner_id == user.pk,
        "to_me": item.recipient_id == user.pk,
        "author": item.owner.display_name,
        "reaction": item.reaction,
        "thanked_at": item.thanked_at,
        "created_at": item.created_at,
    }


def _visible_appreciation(user: User, code: str) -> Appreciation:
    item = get_visible_item(user, Appreciation, code)
    return Appreciation.objects.select_related("owner", "pair").get(pk=item.pk)


# Appreciations -------------------------------------------------------------------------


@router.get(
    "/appreciations",
    response={200: AppreciationPageOut, **COMMON_ERRORS},
    summary="Appreciations sent and received",
    description="Newest first. `direction`: `sent`, `received` or `all`.",
)
def list_appreciations(
    request: AuthenticatedHttpRequest,
    page: Query[PageParams],
    pair: str | None = PAIR_QUERY,
    direction: str = Query("all", pattern="^(all|sent|received)$"),
) -> Any:
    user = request.user
    the_pair = get_shared_pair_for(user, pair)
    rows = services.between(user, the_pair).select_related("pair")
    if direction == "sent":
        rows = rows.filter(owner=user)
    elif direction == "received":
        rows = rows.filter(recipient=user)
    result = page_of(rows, page)
    result["items"] = [_appreciation(a, user) for a in result["items"]]
    return result


@router.post(
    "/appreciations",
    response={201: AppreciationOut, **WRITE_ERRORS},
    summary="Send an appreciation to my partner",
    description="Shared at once; my partner sees it, thanks and reacts.",
)
def send(request: AuthenticatedHttpRequest, payload: AppreciationIn) -> object:
    user = request.user
    item = services.send(
        user, get_shared_pair_for(user, payload.pair), payload.text, payload.kind, payload.source
    )
    return Status(201, _appreciation(_visible_appreciation(user, item.code), user))


@router.get(
    "/appreciations/{code}",
    response={200: AppreciationOut, **COMMON_ERRORS},
    summary="An appreciation",
)
def get_appreciation(request: AuthenticatedHttpRequest, code: str) -> object:
    return _appreciation(_visible_appreciation(request.user, code), request.user)


@router.post(
    "/appreciations/{code}/thank",
    response={200: AppreciationOut, **WRITE_ERRORS},
    summary="Thank for an appreciation I received",
    description="Only the recipient; thanking again changes nothing.",
)
def thank(request: AuthenticatedHttpRequest, code: str) -> object:
    user = request.user
    item = services.thank(user, _visible_appreciation(user, code))
    return _appreciation(item, user)


@router.post(
    "/appreciations/{code}/reaction",
    response={200: AppreciationOut, **WRITE_ERRORS},
    summary="React to an appreciation I received",
    description="Only the recipient; the same reaction again takes it back.",
)
def react(request: AuthenticatedHttpRequest, code: str, payload: ReactionIn) -> object:
    user = request.user
    item = services.react(user, _visible_appreciation(user, code), payload.kind)
    return _appreciation(item, user)


@router.get(
    "/jar",
    response={200: JarOut, **COMMON_ERRORS},
    summary="One appreciation from the jar, and on this day",
    description="The same pick all day; pass `nonce` to pick again and `after` (the code "
    "shown last) so it does not come twice in a row. `on_this_day`: the same date in "
    "earlier years.",
)
def jar(
    request: AuthenticatedHttpRequest,
    pair: str | None = PAIR_QUERY,
    after: str = Query("", max_length=CODE_LENGTH),
    nonce: str = Query("", max_length=40),
) -> object:
    user = request.user
    the_pair = get_shared_pair_for(user, pair)
    picked = services.from_the_jar(user, the_pair, after=after, nonce=nonce)
    return {
        "picked": _appreciation(picked, user) if picked else None,
        "on_this_day": [_appreciation(a, user) for a in services.on_this_day(user, the_pair)],
    }


# Gratitude -----------------------------------------------------------------------------


def _gratitude(note: Gratitude) -> dict[str, Any]:
    prompt = content.gratitude_prompt(note.prompt_id)
    return {
        "code": note.code,
        "date": note.date,
        "prompt": prompt.text if prompt else "",
        "text": note.text,
        "visibility": note.visibility,
        "sent_as": note.sent_as.code if note.sent_as_id and note.sent_as else None,
    }


@router.get(
    "/gratitude/today",
    response={200: GratitudeTodayOut, **COMMON_ERRORS},
    summary="Today's gratitude prompt and my note",
)
def gratitude_today(request: AuthenticatedHttpRequest) -> object:
    user = request.user
    day = user.local_today()
    note = services.todays_gratitude(user, day)
    prompt = content.gratitude_prompt(note.prompt_id) if note else None
    return {
        "date": day,
        "prompt": (prompt or services.prompt_for(user, day)).text,
        "note": _gratitude(note) if note else None,
    }


@router.put(
    "/gratitude/today",
    response={200: GratitudeOut, **WRITE_ERRORS},
    summary="Write or rewrite today's note (private to me)",
)
def write_gratitude(request: AuthenticatedHttpRequest, payload: GratitudeIn) -> object:
    return _gratitude(services.write_gratitude(request.user, payload.text))


@router.get(
    "/gratitude",
    response={200: GratitudePageOut, **COMMON_ERRORS},
    summary="My gratitude notes",
    description="Newest first; nobody else can list them.",
)
def list_gratitude(request: AuthenticatedHttpRequest, page: Query[PageParams]) -> Any:
    rows = Gratitude.objects.filter(owner=request.user).select_related("sent_as")
    result = page_of(rows, page)
    result["items"] = [_gratitude(n) for n in result["items"]]
    return result


@router.post(
    "/gratitude/{code}/send",
    response={201: AppreciationOut, **CONFLICT_ERRORS},
    summary="Send a note's words to my partner as an appreciation",
    description="The note itself stays private; 409 if it was sent already.",
)
def send_gratitude(
    request: AuthenticatedHttpRequest, code: str, payload: SendGratitudeIn
) -> object:
    user = request.user
    note = get_own_item(user, Gratitude, code)
    sent = services.send_gratitude(
        user, note, get_shared_pair_for(user, payload.pair), payload.kind
    )
    return Status(201, _appreciation(_visible_appreciation(user, sent.code), user))


# Three things ----------------------------------------------------------------------------


def _entry(entry: ThreeThingsEntry | None, user: User) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "code": entry.code,
        "author": entry.owner.display_name,
        "is_mine": entry.owner_id == user.pk,
        "things": entry.things,
        "created_at": entry.created_at,
    }


def _round(found: ThreeThings | None, answers: Answers, user: User) -> dict[str, Any]:
    if found is None:
        return {"code": None, "state": "none", "finished_at": None, "mine": None, "partner": None}
    return {
        "code": found.code,
        "state": services.Round(found, answers).state,
        "finished_at": found.finished_at,
        "mine": _entry(answers.mine, user),
        "partner": _entry(answers.partner, user),
    }


@router.get(
    "/three-things",
    response={200: RoundOut, **COMMON_ERRORS},
    summary="The current round of three things",
    description="The open round, or the last finished one. My partner's three stay out "
    "until mine are written.",
)
def three_things(request: AuthenticatedHttpRequest, pair: str | None = PAIR_QUERY) -> object:
    user = request.user
    current = services.current_round(user, get_shared_pair_for(user, pair))
    return _round(current.round, current.answers, user)


@router.post(
    "/three-things",
    response={201: RoundOut, **CONFLICT_ERRORS},
    summary="Write my three things",
    description="In the open round, or a new one when none is open; 409 if I already wrote "
    "mine in the open round.",
)
def write_three(request: AuthenticatedHttpRequest, payload: ThreeThingsIn) -> object:
    user = request.user
    the_pair = get_shared_pair_for(user, payload.pair)
    first, second, third = payload.things
    entry = services.write_three(user, the_pair, first, second, third)
    found = ThreeThings.objects.get(pk=entry.round_id)
    answers = ThreeThingsEntry.objects.answers_for(user, the_pair, round=found)
    return Status(201, _round(found, answers, user))


@router.get(
    "/three-things/rounds",
    response={200: RoundPageOut, **COMMON_ERRORS},
    summary="Finished rounds",
    description="Newest first, with both people's three things.",
)
def rounds(
    request: AuthenticatedHttpRequest, page: Query[PageParams], pair: str | None = PAIR_QUERY
) -> Any:
    user = request.user
    the_pair = get_shared_pair_for(user, pair)
    result = page_of(services.past_rounds(the_pair), page)
    entries = services.entries_by_round(user, result["items"])
    items = []
    for found in result["items"]:
        mine = next((e for e in entries[found.pk] if e.owner_id == user.pk), None)
        theirs = next((e for e in entries[found.pk] if e.owner_id != user.pk), None)
        items.append(_round(found, Answers(mine, theirs, False), user))
    result["items"] = items
    return result


# Good news ---------------------------------------------------------------------------------


def _news(item: GoodNews, user: User) -> dict[str, Any]:
    return {
        "code": item.code,
        "pair": item.pair.code if item.pair else "",
        "text": item.text,
        "author": item.owner.display_name,
        "is_mine": item.owner_id == user.pk,
        "created_at": item.created_at,
    }


def _reply(item: NewsReply, user: User) -> dict[str, Any]:
    return {
        "code": item.code,
        "text": item.text,
        "author": item.owner.display_name,
        "is_mine": item.owner_id == user.pk,
        "created_at": item.created_at,
    }


def _visible_news(user: User, code: str) -> GoodNews:
    item = get_visible_item(user, GoodNews, code)
    return GoodNews.objects.select_related("owner", "pair").get(pk=item.pk)


def _spans(noticed: responding.Noticed) -> list[dict[str, Any]]:
    return [
        {"kind": s.kind, "start": s.start, "end": s.end, "words": s.words} for s in noticed.spans
    ]


@router.get("/news", response={200: NewsPageOut, **COMMON_ERRORS}, summary="Good news shared")
def list_news(
    request: AuthenticatedHttpRequest, page: Query[PageParams], pair: str | None = PAIR_QUERY
) -> Any:
    user = request.user
    rows = (
        GoodNews.objects.visible_to(user)
        .filter(pair=get_shared_pair_for(user, pair))
        .select_related("owner", "pair")
    )
    result = page_of(rows, page)
    result["items"] = [_news(n, user) for n in result["items"]]
    return result


@router.post("/news", response={201: NewsOut, **WRITE_ERRORS}, summary="Share good news")
def share_news(request: AuthenticatedHttpRequest, payload: NewsIn) -> object:
    user = request.user
    item = services.share_news(user, get_shared_pair_for(user, payload.pair), payload.text)
    return Status(201, _news(_visible_news(user, item.code), user))


@router.get(
    "/news/{code}",
    response={200: NewsDetailOut, **COMMON_ERRORS},
    summary="Good news with its replies",
    description="`guidance`: how to answer it with real interest.",
)
def get_news(request: AuthenticatedHttpRequest, code: str) -> object:
    user = request.user
    item = _visible_news(user, code)
    return {
        **_news(item, user),
        "replies": [_reply(r, user) for r in services.replies(user, item)],
        "guidance": content.load().reply_guidance,
    }


@router.post(
    "/news/{code}/replies",
    response={201: NewsReplyOut, **WRITE_ERRORS, 400: NoticedOut},
    summary="Reply to good news",
    description="A reply to my partner's news that the checker notices is not saved: 400 "
    "with `notes`, the spans `noticed` and a warmer `example`. Send it again with "
    "`send_anyway: true` to send it as it is.",
)
def reply(request: AuthenticatedHttpRequest, code: str, payload: NewsReplyIn) -> object:
    user = request.user
    item = _visible_news(user, code)
    try:
        saved = services.reply_news(user, item, payload.text, send_anyway=payload.send_anyway)
    except services.ReplyNoticed as exc:
        return Status(
            400,
            {
                "detail": exc.message,
                "noticed": _spans(exc.noticed),
                "notes": exc.notes,
                "example": exc.example,
            },
        )
    saved.owner = user
    return Status(201, _reply(saved, user))


@router.post(
    "/news/{code}/replies/check",
    response={200: CheckOut, **WRITE_ERRORS},
    summary="Check a reply before sending it",
    description="Saves nothing. Only a reply to my partner's news is checked.",
)
def check_reply(request: AuthenticatedHttpRequest, code: str, payload: ReplyCheckIn) -> object:
    user = request.user
    item = _visible_news(user, code)
    noticed = services.check_reply(user, item, payload.text)
    return {
        "flagged": noticed.flagged,
        "noticed": _spans(noticed),
        "notes": responding.note_for(noticed),
        "example": responding.warmer_example(payload.text) if noticed.flagged else None,
    }
