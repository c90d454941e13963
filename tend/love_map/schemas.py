"""API shapes of the love-map quiz."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from tend.lib.limits import ANSWER_TEXT
from tend.love_map.models import PROMPT_ID_LENGTH, ROUND_SIZE, Mark
from tend.privacy.codes import CODE_LENGTH

State = Literal["write", "waiting", "mark", "revealed", "marked", "ended"]
Role = Literal["subject", "guesser"]

#: One answer or guess: some words, within the stated limit.
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=ANSWER_TEXT)
]
PromptId = Annotated[str, StringConstraints(max_length=PROMPT_ID_LENGTH)]


class TopicOut(Schema):
    slug: str
    title: str
    prompts: int = Field(description="How many prompts the topic has.")


class StartIn(Schema):
    model_config = ConfigDict(extra="forbid")

    pair: str = Field(max_length=CODE_LENGTH, description="The code of one of my open pairs.")
    about: Literal["me", "partner"] = Field(
        "me",
        description="`me`: I answer about myself and my partner guesses; `partner`: "
        "the other way round.",
    )
    topic: str = Field("", max_length=40, description="A topic slug; empty for a mix.")


class ResultOut(Schema):
    right: int
    close: int
    new: int


class RoundOut(Schema):
    code: str
    pair: str
    subject: str | None = Field(description="Who answers about themself.")
    guesser: str | None
    role: Role = Field(description="What I do in this round.")
    state: State = Field(
        description="As I see it: `write` (mine to write), `waiting` (for the other), "
        "`mark` (mine to mark), `revealed` (waiting for the marks), `marked`, `ended`."
    )
    topic: str
    created_at: dt.datetime
    marked_at: dt.datetime | None
    result: ResultOut | None = Field(description="Once marked.")


class RoundPageOut(Schema):
    items: list[RoundOut]
    count: int
    limit: int
    offset: int


class SideOut(Schema):
    text: str
    author: str | None


class PromptOut(Schema):
    prompt_id: str
    text: str
    topic: str
    answer: SideOut | None = Field(description="The subject's answer; null while sealed.")
    guess: SideOut | None = Field(description="The guess; null while sealed.")
    mark: Mark | None


class RoundDetailOut(RoundOut):
    prompts: list[PromptOut]
    learned: list[str] = Field(description="Prompt ids whose guess was marked close or new.")


class EntryIn(Schema):
    model_config = ConfigDict(extra="forbid")

    prompt_id: PromptId
    text: Text


class EntriesIn(Schema):
    model_config = ConfigDict(extra="forbid")

    entries: list[EntryIn] = Field(
        max_length=ROUND_SIZE,
        description="One text for every prompt of the round: my answers, or my guesses.",
    )


class MarkIn(Schema):
    model_config = ConfigDict(extra="forbid")

    prompt_id: PromptId
    mark: Mark


class MarksIn(Schema):
    model_config = ConfigDict(extra="forbid")

    marks: list[MarkIn] = Field(max_length=ROUND_SIZE, description="One mark for every guess.")


class LearnedOut(Schema):
    round: str
    prompt_id: str
    prompt: str
    answer: str
    about: str
    mark: Mark
    marked_at: dt.datetime | None


class LearnedPageOut(Schema):
    items: list[LearnedOut]
    count: int
    limit: int
    offset: int
