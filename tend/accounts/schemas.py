"""API shapes for the profile and personal access tokens."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Field, Schema
from pydantic import ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from tend.accounts.models import User, validate_timezone
from tend.lib.api import optional_field
from tend.lib.limits import SHORT_TEXT

DISPLAY_NAME_MAX = User._meta.get_field("display_name").max_length


def known_time_zone(value: str) -> str:
    """The model's own time-zone rule, reported as a schema error (422) without a prefix."""
    try:
        validate_timezone(value)
    except DjangoValidationError as exc:
        raise PydanticCustomError("invalid_timezone", " ".join(exc.messages)) from exc
    return value


class ProfileOut(Schema):
    email: str
    display_name: str
    time_zone: str = Field(description="An IANA time zone, e.g. Europe/Berlin.")
    reminder_hour: int = Field(ge=0, le=23, description="Reminders may arrive from this hour.")
    quiet_start: dt.time
    quiet_end: dt.time


class ProfilePatch(Schema):
    """Only the fields sent are changed; none of them may be null."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    display_name: str = optional_field(min_length=1, max_length=DISPLAY_NAME_MAX)
    time_zone: str = optional_field(max_length=64, examples=["Europe/Berlin"])
    reminder_hour: int = optional_field(ge=0, le=23)
    quiet_start: dt.time = optional_field()
    quiet_end: dt.time = optional_field()

    _known_zone = field_validator("time_zone")(known_time_zone)


class TokenIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(
        min_length=1, max_length=SHORT_TEXT, description="What the token is for, e.g. “phone”."
    )


class TokenOut(Schema):
    code: str
    name: str
    hint: str = Field(description="The first characters of the token, to recognise it.")
    created_at: dt.datetime
    last_used_at: dt.datetime | None


class TokenCreatedOut(TokenOut):
    token: str = Field(description="The token itself. It is shown only this once.")
