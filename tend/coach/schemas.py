"""API shapes for the draft check."""

from __future__ import annotations

from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from tend.coach.analyzer import MAX_MESSAGE

Label = Literal["criticism", "contempt", "defensiveness", "stonewalling"]


class CheckIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, StringConstraints(min_length=1, max_length=MAX_MESSAGE)] = Field(
        description="The message as it would be sent. It is read, never stored."
    )


class SpanOut(Schema):
    label: Label
    start: int = Field(description="Offset of the first character, in the text as sent.")
    end: int = Field(description="Offset just after the last character.")


class AntidoteOut(Schema):
    label: Label
    name: str
    text: str


class CheckOut(Schema):
    text: str
    labels: list[Label]
    spans: list[SpanOut]
    antidotes: list[AntidoteOut]
    rewrite: str | None = Field(description="A gentler wording; null when nothing was flagged.")
