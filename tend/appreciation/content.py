"""The appreciation pages' words, loaded from ``content.yaml`` and checked on load.

Prompts, the reply guidance and what the reply checker notices are content, not
code: the checker's patterns are compiled here so a bad one fails at once.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

CONTENT_FILE = Path(__file__).with_name("content.yaml")

Sentence = Annotated[str, Field(min_length=10, max_length=240)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GratitudePrompt(_Strict):
    id: Annotated[str, Field(pattern=r"^grat-\d{3}$")]
    text: Sentence


def _compiles(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from exc
    return patterns


class Dismissing(_Strict):
    note: Sentence
    whole_words: Annotated[list[str], Field(min_length=1)]
    whole_phrases: list[str] = Field(default_factory=list)
    patterns: Annotated[list[str], Field(min_length=1)]

    _check = field_validator("patterns")(_compiles)


class Turning(_Strict):
    note: Sentence
    patterns: Annotated[list[str], Field(min_length=1)]

    _check = field_validator("patterns")(_compiles)


class Noticing(_Strict):
    dismissing: Dismissing
    turning: Turning


class Content(_Strict):
    gratitude_prompts: Annotated[list[GratitudePrompt], Field(min_length=1)]
    reply_guidance: Annotated[list[Sentence], Field(min_length=1)]
    noticing: Noticing
    warmer_examples: Annotated[list[Sentence], Field(min_length=1)]

    @field_validator("gratitude_prompts")
    @classmethod
    def _unique_ids(cls, prompts: list[GratitudePrompt]) -> list[GratitudePrompt]:
        ids = [p.id for p in prompts]
        if len(ids) != len(set(ids)):
            raise ValueError("a gratitude prompt id is used twice")
        return prompts


def parse(raw: object) -> Content:
    return Content.model_validate(raw)


@cache
def load() -> Content:
    with CONTENT_FILE.open(encoding="utf-8") as handle:
        return parse(yaml.safe_load(handle))


def gratitude_prompt(prompt_id: str) -> GratitudePrompt | None:
    return next((p for p in load().gratitude_prompts if p.id == prompt_id), None)
