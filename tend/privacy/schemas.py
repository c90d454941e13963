"""API shapes for the privacy operations."""

from __future__ import annotations

from ninja import Field, Schema
from pydantic import ConfigDict

# Django's password column is 128 characters of hash; a typed password has no
# business being longer than a few hundred.
PASSWORD_MAX = 512


class DeleteAccountIn(Schema):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(
        min_length=1, max_length=PASSWORD_MAX, description="My password, to be sure it is me."
    )
