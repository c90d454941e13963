"""API shapes for questions: prompts, answers as the reader may see them, the thread."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from tend.conversation.models import ReactionKind
from tend.lib.limits import ANSWER_TEXT, PROMPT_TEXT, REPLY_TEXT
from tend.privacy.codes import CODE_LENGTH
from tend.privacy.models import Visibility

State = Literal["to_answer", "to_open", "waiting", "opened", "kept"]
PartnerState = Literal["none", "sealed", "open"]
Kind = Literal["daily", "asked", "skipped"]
Depth = Literal[1, 2, 3]

PAIR_HELP = "The code of one of my open pairs; leave it out for my first open pair."
PairCode = Annotated[str, StringConstraints(min_length=1, max_length=CODE_LENGTH)]


AnswerText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=ANSWER_TEXT)
]
ReplyText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=REPLY_TEXT)
]
PromptText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=PROMPT_TEXT)
]


class ReactionOut(Schema):
    kind: ReactionKind
    by_me: bool


class AnswerOut(Schema):
    code: str
    text: str
    is_mine: bool
    visibility: Visibility
    created_at: dt.datetime
    reactions: list[ReactionOut] = Field(default_factory=list)


class PartnerOut(Schema):
    display_name: str
    state: PartnerState = Field(
        description="`open`: answered and opened for me; `sealed`: answered, opens once I "
        "share an answer; `none`: nothing I can know of."
    )
    answer: AnswerOut | None


class ReplyOut(Schema):
    code: str
    text: str
    author: str
    is_mine: bool
    created_at: dt.datetime


class QuestionSummaryOut(Schema):
    code: str
    pair: str
    day: dt.date = Field(description="The pair's local date it was given or asked.")
    kind: Kind
    text: str
    category: str
    asked_by_me: bool | None
    state: State = Field(
        description="`to_answer`; `to_open`: my partner answered, mine opens it; `waiting` "
        "for my partner; `opened`; `kept`: I kept my answer to myself, so theirs stays closed."
    )
    is_favourite: bool


class QuestionOut(QuestionSummaryOut):
    mine: AnswerOut | None
    partner: PartnerOut | None
    replies: list[ReplyOut] = Field(description="The thread; empty until the question opens.")
    can_skip: bool
    skips_left: int


class QuestionPageOut(Schema):
    items: list[QuestionSummaryOut]
    count: int
    limit: int
    offset: int


class AnswerIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: AnswerText
    visibility: Visibility = Visibility.SHARED


class AskIn(Schema):
    model_config = ConfigDict(extra="forbid")

    pair: PairCode | None = Field(None, description=PAIR_HELP)
    prompt_id: str = Field("", max_length=60, description="A prompt of the decks.")
    own_prompt: str = Field(
        "", max_length=CODE_LENGTH, description="Or the code of a question we wrote."
    )


class ReactIn(Schema):
    model_config = ConfigDict(extra="forbid")

    answer: PairCode = Field(description="The code of my partner's opened answer.")
    kind: ReactionKind = Field(description="The same reaction again takes it back.")


class ReactOut(Schema):
    kind: ReactionKind | None


class ReplyIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: ReplyText


class CategoryOut(Schema):
    slug: str
    title: str
    description: str
    prompts: int


class PromptOut(Schema):
    id: str
    text: str
    depth: Depth


class CategoryDetailOut(CategoryOut):
    items: list[PromptOut]


class SettingsOut(Schema):
    pair: str
    categories: list[str] = Field(description="The categories switched on.")


class SettingsIn(Schema):
    model_config = ConfigDict(extra="forbid")

    pair: PairCode | None = Field(None, description=PAIR_HELP)
    categories: list[Annotated[str, StringConstraints(max_length=40)]] = Field(
        min_length=1, max_length=40
    )


class OwnPromptOut(Schema):
    code: str
    text: str
    depth: Depth
    written_by_me: bool
    created_at: dt.datetime


class OwnPromptIn(Schema):
    model_config = ConfigDict(extra="forbid")

    pair: PairCode | None = Field(None, description=PAIR_HELP)
    text: PromptText
    depth: Depth = 1
