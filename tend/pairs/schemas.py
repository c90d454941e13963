"""API shapes for pairs and invites."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema
from pydantic import ConfigDict, field_validator

from tend.accounts.schemas import known_time_zone
from tend.lib.api import optional_field
from tend.lib.limits import SHORT_TEXT
from tend.pairs.models import PairKind


class MemberOut(Schema):
    display_name: str
    is_me: bool
    has_left: bool


class PairOut(Schema):
    code: str
    name: str
    kind: PairKind
    started_on: dt.date | None
    time_zone: str
    is_open: bool = Field(description="False once a member has left: sharing has ended.")
    created_at: dt.datetime
    closed_at: dt.datetime | None
    members: list[MemberOut]


class PairIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=SHORT_TEXT)
    kind: PairKind = PairKind.PARTNERS
    started_on: dt.date | None = Field(None, description="Together since (optional).")


class PairPatch(Schema):
    """Only the fields sent are changed; only ``started_on`` may be null."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = optional_field(min_length=1, max_length=SHORT_TEXT)
    kind: PairKind = optional_field()
    started_on: dt.date | None = Field(None, description="Send null to clear it.")
    time_zone: str = optional_field(
        max_length=64, description="The zone the pair's own day follows."
    )

    _known_zone = field_validator("time_zone")(known_time_zone)


class InviteCreatedOut(Schema):
    token: str = Field(description="The invite token. It is shown only this once.")
    url: str = Field(description="The link to send to the other person.")
    expires_at: dt.datetime


class InviteOut(Schema):
    """Who invites you, for a pending invite only."""

    inviter: str = Field(description="The inviter's display name.")
    pair_name: str
    pair_kind: PairKind
    expires_at: dt.datetime
