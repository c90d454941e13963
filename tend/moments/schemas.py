"""API shapes for moments: the kinds, one's own entries, and the combined figures."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tend.lib.api import optional_field
from tend.moments.models import NOTE_TEXT
from tend.privacy.codes import CODE_LENGTH

WhoseValue = Literal["partner", "mine", "ours"]
KindSlug = Annotated[str, StringConstraints(min_length=1, max_length=30)]
NoteText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=NOTE_TEXT)]
PairCode = Annotated[str, StringConstraints(min_length=1, max_length=CODE_LENGTH)]


class KindOut(Schema):
    slug: str
    label: str
    description: str
    positive: bool
    weight: int = Field(description="What one such moment adds to the bank balance.")
    whose: WhoseValue = Field(description="Whose moment a note is unless told otherwise.")
    offer: str = Field(description="Words for an appreciation, for warm moments about a partner.")


class KindsOut(Schema):
    target: int = Field(description="The ratio aimed for: 5 means 5 warm moments to 1 hard.")
    kinds: list[KindOut]


class MomentIn(Schema):
    kind: KindSlug
    whose: WhoseValue | None = Field(
        None, description="Leave out for the kind's usual; a hard moment is never `partner`."
    )
    note: NoteText = ""
    happened_on: dt.date | None = Field(None, description="My local date; default today.")
    pair: PairCode | None = Field(
        None, description="One of my open pairs it counts towards; default my first open one."
    )


class MomentPatch(Schema):
    kind: KindSlug = optional_field()
    whose: WhoseValue = optional_field()
    note: NoteText = optional_field()
    happened_on: dt.date = optional_field()


class MomentOut(Schema):
    code: str
    kind: str
    positive: bool
    whose: WhoseValue
    note: str
    happened_on: dt.date
    pair: str | None
    created_at: dt.datetime
    offers_appreciation: bool


class MomentPageOut(Schema):
    items: list[MomentOut]
    count: int
    limit: int
    offset: int


class TallyOut(Schema):
    positives: int | None
    negatives: int | None
    ratio: float | None = Field(
        description="Warm per hard moment, one decimal; null when no hard moment was noted."
    )
    balance: int | None = Field(description="The emotional bank account: the sum of the weights.")
    few: bool = Field(description="Too few moments for the ratio to say much.")
    withheld: bool = Field(
        description="The pair's figures for a period with fewer than five moments are not "
        "given (all numbers null), so that no single moment can be read out of them."
    )
    meets_target: bool


class WeekOut(TallyOut):
    week_start: dt.date


class FiguresOut(Schema):
    scope: Literal["pair", "me"] = Field(
        description="`pair`: both members' ledgers combined; `me`: only my own (no partner)."
    )
    pair: str | None
    today: dt.date = Field(description="The last day counted, in the pair's time zone.")
    target: int
    last_7: TallyOut
    last_30: TallyOut
    weeks: list[WeekOut] = Field(description="Oldest first; weeks start on Monday.")
