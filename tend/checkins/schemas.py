"""API shapes for the daily check-in and the weekly "state of us"."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints, field_validator

from tend.checkins.models import Feeling, Mood
from tend.lib.limits import ANSWER_TEXT
from tend.privacy.codes import CODE_LENGTH
from tend.privacy.models import Visibility

Closeness = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
PartnerState = Literal["none", "sealed", "open"]

PAIR_HELP = "The code of one of my pairs; leave it out for a check-in of my own (solo)."


#: Free text of one answer; the limit shows in the OpenAPI description.
Answer = Annotated[str, StringConstraints(max_length=ANSWER_TEXT)]


class DailyFields(Schema):
    """What a person writes in a daily check-in. A PUT replaces all of it."""

    model_config = ConfigDict(extra="forbid")

    mood: Mood = Field(description="1 very low … 5 great.")
    feelings: list[Feeling] = Field(default_factory=list, max_length=len(Feeling))
    win: Answer = Field("", description="A win from today.")
    challenge: Answer = Field("", description="A challenge from today.")
    carrying: Answer = Field("", description="A feeling I'm carrying.")
    support: Answer = Field("", description="How you could support me today.")
    visibility: Visibility = Visibility.SHARED

    @field_validator("feelings")
    @classmethod
    def _once_each(cls, value: list[Feeling]) -> list[Feeling]:
        return list(dict.fromkeys(value))


class DailyIn(DailyFields):
    pair: str | None = Field(None, max_length=CODE_LENGTH, description=PAIR_HELP)


class CheckInOut(Schema):
    """What every check-in shows, daily or weekly."""

    code: str
    pair: str | None
    author: str = Field(description="The writer's display name.")
    is_mine: bool
    can_edit: bool = Field(description="Mine, and still my local day (or week) of it.")
    visibility: Visibility
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_pair(obj: Any) -> str | None:
        return obj.pair.code if obj.pair_id else None

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return str(obj.owner.display_name)

    @staticmethod
    def resolve_is_mine(obj: Any, context: dict[str, Any]) -> bool:
        return bool(obj.owner_id == context["request"].user.pk)

    @staticmethod
    def resolve_can_edit(obj: Any, context: dict[str, Any]) -> bool:
        return bool(obj.is_editable_by(context["request"].user))


class DailyOut(CheckInOut):
    date: dt.date = Field(description="The writer's local date.")
    mood: Mood
    feelings: list[Feeling]
    win: str
    challenge: str
    carrying: str
    support: str


class DailyPageOut(Schema):
    items: list[DailyOut]
    count: int = Field(description="How many there are in all.")
    limit: int
    offset: int


class WeeklyFields(Schema):
    """What a person writes in the weekly "state of us". A PUT replaces all of it."""

    model_config = ConfigDict(extra="forbid")

    closeness: Closeness = Field(description="How close I feel, 1 to 10.")
    went_well: Answer = Field("", description="What went well.")
    was_hard: Answer = Field("", description="What was hard.")
    need: Answer = Field("", description="One need for next week.")
    appreciation: Answer = Field("", description="An appreciation.")
    visibility: Visibility = Visibility.SHARED


class WeeklyIn(WeeklyFields):
    pair: str | None = Field(None, max_length=CODE_LENGTH, description=PAIR_HELP)


class WeeklyOut(CheckInOut):
    week_start: dt.date = Field(description="The Monday of the writer's local week.")
    closeness: int = Field(ge=1, le=10)
    went_well: str
    was_hard: str
    need: str
    appreciation: str


class WeeklyPageOut(Schema):
    items: list[WeeklyOut]
    count: int = Field(description="How many there are in all.")
    limit: int
    offset: int


class PartnerDailyOut(Schema):
    display_name: str
    state: PartnerState = Field(
        description="none: nothing shared for this day; sealed: checked in, opens once I "
        "check in (shared) too; open: here it is."
    )
    checkin: DailyOut | None


class DailyTodayOut(Schema):
    date: dt.date = Field(description="My local today.")
    pair: str | None
    mine: DailyOut | None
    partner: PartnerDailyOut | None = Field(description="Null for a solo check-in.")


class PartnerWeeklyOut(Schema):
    display_name: str
    state: PartnerState
    checkin: WeeklyOut | None


class WeeklyCurrentOut(Schema):
    week_start: dt.date = Field(description="The Monday of my local week.")
    pair: str | None
    mine: WeeklyOut | None
    partner: PartnerWeeklyOut | None


class MoodPoint(Schema):
    date: dt.date
    mine: Mood | None
    partner: Mood | None


class ClosenessPoint(Schema):
    week_start: dt.date
    mine: int | None = Field(ge=1, le=10)
    partner: int | None = Field(ge=1, le=10)


class SeriesOut(Schema):
    """Points for charts. ``partner`` is null wherever their value is sealed, private or absent."""

    pair: str | None
    since: dt.date
    until: dt.date
    partner_name: str | None = Field(description="Null for solo, or once the pair has ended.")
    mood: list[MoodPoint]
    closeness: list[ClosenessPoint]
