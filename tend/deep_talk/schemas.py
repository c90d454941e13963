"""API shapes of the deep-talk evening."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from tend.deep_talk.models import CLOSENESS_STEPS, SETS, TalkState
from tend.lib.limits import LONG_TEXT
from tend.privacy.codes import CODE_LENGTH

Action = Literal["begin", "next", "back", "pause", "resume", "continue", "finish"]
MomentName = Literal["before", "after"]
PartnerState = Literal["none", "sealed", "open"]
NoteText = Annotated[
    str, StringConstraints(min_length=1, max_length=LONG_TEXT, strip_whitespace=True)
]


class SetOut(Schema):
    title: str
    minutes: int
    questions: int


class EveningOut(Schema):
    slug: str
    title: str
    description: str
    sets: list[SetOut]


class EveningPageOut(Schema):
    items: list[EveningOut]
    count: int
    limit: int
    offset: int


class TalkIn(Schema):
    model_config = ConfigDict(extra="forbid")

    pair: str = Field(max_length=CODE_LENGTH, description="The code of one of my open pairs.")
    evening: str = Field(max_length=40, description="The slug of an evening (see /evenings).")
    first: Literal["me", "partner"] = Field(
        "me", description="Who answers the first question; after that the turn alternates."
    )


class StepIn(Schema):
    model_config = ConfigDict(extra="forbid")

    action: Action = Field(
        description="begin (the first set), next, back, pause, resume, continue (to the next "
        "set, between sets) or finish (end the evening here)."
    )
    at: int | None = Field(
        None,
        ge=0,
        le=SETS * 12 - 1,
        description="The position I am looking at (`position` of the talk). If the evening "
        "moved on since, nothing changes and the answer is 409.",
    )
    state: TalkState | None = Field(
        None,
        description="The state I am looking at (`state` of the talk); the end of a set has "
        "the position of its last question, so send both. 409 when it changed.",
    )


class RatingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    value: int = Field(
        ge=1, le=CLOSENESS_STEPS, description="1 far apart … 7 almost one (the two circles)."
    )


class NoteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: NoteText
    question_id: str = Field("", max_length=60, description="The question it is about, if any.")


class QuestionOut(Schema):
    id: str
    text: str


class SpeakerOut(Schema):
    display_name: str
    is_me: bool


class MarkOut(Schema):
    mine: int | None = Field(description="My mark, 1–7, or null.")
    partner: int | None = Field(description="My partner's, only once opened for me.")
    partner_state: PartnerState = Field(
        description="none: not placed; sealed: placed, opens once I place mine; open: here it is."
    )


class ClosenessOut(Schema):
    before: MarkOut
    after: MarkOut


class TalkOut(Schema):
    code: str
    pair: str
    evening: str
    evening_title: str
    state: TalkState
    set: int = Field(description="1 to 3.")
    set_title: str
    question_number: int = Field(description="1 to 12, within the set.")
    position: int = Field(description="0 to 35, across the evening; send it back as `at`.")
    question: QuestionOut | None = Field(description="Null before the evening begins.")
    first_speaker: SpeakerOut | None
    second_speaker: SpeakerOut | None
    set_seconds: int
    remaining_seconds: int
    created_at: dt.datetime
    finished_at: dt.datetime | None
    closeness: ClosenessOut


class TalkPageOut(Schema):
    items: list[TalkOut]
    count: int
    limit: int
    offset: int


class RatingOut(Schema):
    talk: str
    moment: MomentName
    value: int


class NoteOut(Schema):
    code: str
    talk: str
    question_id: str
    text: str
    created_at: dt.datetime


class NotePageOut(Schema):
    items: list[NoteOut]
    count: int
    limit: int
    offset: int
