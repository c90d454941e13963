"""API shapes for appreciations, gratitude notes, the three-things exercise and good news."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from tend.appreciation.models import THING_TEXT, AppreciationKind, Source, ThanksReaction
from tend.lib.limits import ANSWER_TEXT, REPLY_TEXT
from tend.privacy.codes import CODE_LENGTH
from tend.privacy.models import Visibility

PAIR_HELP = "The code of one of my open pairs; leave it out for my first open pair."
PairCode = Annotated[str, StringConstraints(min_length=1, max_length=CODE_LENGTH)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=ANSWER_TEXT)
]
ReplyText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=REPLY_TEXT)
]
Thing = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=THING_TEXT)
]
KindOrNone = AppreciationKind | Literal[""]
RoundState = Literal["none", "to_write", "to_open", "waiting", "opened"]


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


class AppreciationOut(Schema):
    code: str
    pair: str
    text: str
    kind: KindOrNone
    source: Source
    from_me: bool
    to_me: bool
    author: str
    reaction: ThanksReaction | Literal[""] = Field(description="The recipient's reaction.")
    thanked_at: dt.datetime | None
    created_at: dt.datetime


class AppreciationPageOut(Schema):
    items: list[AppreciationOut]
    count: int
    limit: int
    offset: int


class AppreciationIn(_In):
    pair: PairCode | None = Field(None, description=PAIR_HELP)
    text: Text
    kind: KindOrNone = ""
    source: Literal["written", "moment"] = "written"


class ReactionIn(_In):
    kind: ThanksReaction = Field(description="The same reaction again takes it back.")


class JarOut(Schema):
    picked: AppreciationOut | None
    on_this_day: list[AppreciationOut]


class GratitudeOut(Schema):
    code: str
    date: dt.date
    prompt: str
    text: str
    visibility: Visibility
    sent_as: str | None = Field(description="The code of the appreciation it was sent as.")


class GratitudeTodayOut(Schema):
    date: dt.date
    prompt: str
    note: GratitudeOut | None


class GratitudeIn(_In):
    text: Text


class GratitudePageOut(Schema):
    items: list[GratitudeOut]
    count: int
    limit: int
    offset: int


class SendGratitudeIn(_In):
    pair: PairCode | None = Field(None, description=PAIR_HELP)
    kind: KindOrNone = ""


class EntryOut(Schema):
    code: str
    author: str
    is_mine: bool
    things: list[str]
    created_at: dt.datetime


class RoundOut(Schema):
    code: str | None
    state: RoundState = Field(
        description="`to_write`; `to_open`: my partner wrote theirs, mine opens both; "
        "`waiting` for my partner; `opened`: finished; `none`: no round yet."
    )
    finished_at: dt.datetime | None
    mine: EntryOut | None
    partner: EntryOut | None


class RoundPageOut(Schema):
    items: list[RoundOut]
    count: int
    limit: int
    offset: int


class ThreeThingsIn(_In):
    pair: PairCode | None = Field(None, description=PAIR_HELP)
    things: list[Thing] = Field(min_length=3, max_length=3)


class NewsReplyOut(Schema):
    code: str
    text: str
    author: str
    is_mine: bool
    created_at: dt.datetime


class NewsOut(Schema):
    code: str
    pair: str
    text: str
    author: str
    is_mine: bool
    created_at: dt.datetime


class NewsDetailOut(NewsOut):
    replies: list[NewsReplyOut]
    guidance: list[str]


class NewsPageOut(Schema):
    items: list[NewsOut]
    count: int
    limit: int
    offset: int


class NewsIn(_In):
    pair: PairCode | None = Field(None, description=PAIR_HELP)
    text: Text


class NewsReplyIn(_In):
    text: ReplyText
    send_anyway: bool = Field(
        False,
        description="Send even when the checker noticed something (it answers 400 otherwise).",
    )


class ReplyCheckIn(_In):
    text: ReplyText


class SpanOut(Schema):
    kind: Literal["dismissing", "turning"]
    start: int = Field(description="Offset of the first character noticed in the text sent.")
    end: int
    words: str


class NoticedOut(Schema):
    detail: str
    noticed: list[SpanOut]
    notes: list[str]
    example: str = Field(description="A warmer reply, as an example.")


class CheckOut(Schema):
    flagged: bool
    noticed: list[SpanOut]
    notes: list[str]
    example: str | None
