"""The kinds of moment, read once from ``kinds.yaml`` and checked on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

KINDS_FILE = Path(__file__).with_name("kinds.yaml")

Whose = Literal["partner", "mine", "ours"]


class ContentError(ValueError):
    """The kinds file is malformed; the message says how."""


class Kind(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: Annotated[str, Field(pattern=r"^[a-z][a-z-]*[a-z]$", max_length=30)]
    positive: bool
    weight: Annotated[int, Field(ge=-10, le=10)]
    whose: Whose
    label: Annotated[str, Field(min_length=2, max_length=40)]
    description: Annotated[str, Field(min_length=10, max_length=120)]
    offer: Annotated[str, Field(max_length=200)] = ""

    @model_validator(mode="after")
    def _sign_matches(self) -> Kind:
        if self.positive != (self.weight > 0) or self.weight == 0:
            raise ValueError(f"{self.slug}: the weight's sign must match positive")
        if not self.positive and self.whose == "partner":
            raise ValueError(f"{self.slug}: a hard moment is mine or ours, never theirs")
        if not self.positive and self.offer:
            raise ValueError(f"{self.slug}: only warm moments offer an appreciation")
        return self


class Kinds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    target: Annotated[int, Field(ge=1, le=20)]
    kinds: Annotated[list[Kind], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique(self) -> Kinds:
        slugs = [k.slug for k in self.kinds]
        if len(set(slugs)) != len(slugs):
            raise ValueError("a kind's slug is used twice")
        return self


@cache
def load() -> Kinds:
    try:
        with KINDS_FILE.open(encoding="utf-8") as handle:
            return Kinds.model_validate(yaml.safe_load(handle))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ContentError(f"{KINDS_FILE.name}: {exc}") from exc


@cache
def by_slug() -> dict[str, Kind]:
    return {k.slug: k for k in load().kinds}


def positives() -> list[Kind]:
    return [k for k in load().kinds if k.positive]


def negatives() -> list[Kind]:
    return [k for k in load().kinds if not k.positive]


def target() -> int:
    """The ratio of warm to hard moments a pair aims for (5, for 5:1)."""
    return load().target
