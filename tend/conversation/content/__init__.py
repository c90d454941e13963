"""Tend's conversation content: prompts, love-map questions and deep-talk evenings.

All of it is original writing kept in YAML files beside this module, each item
with a stable identifier. Loading checks the shape of every file and that no
identifier is used twice; :func:`near_duplicates` (run by the test suite and by
``python -m tend.conversation.content``) checks that no two texts say nearly
the same thing.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

M = TypeVar("M", bound=BaseModel)
HERE = Path(__file__).resolve().parent
PROMPTS_DIR = HERE / "prompts"
DEEP_TALK_DIR = HERE / "deep_talk"
LOVE_MAP_FILE = HERE / "love_map.yaml"

#: Two texts are near-duplicates when their word sets overlap this much ...
JACCARD_LIMIT = 0.6
#: ... or when difflib finds them this alike, character by character.
SEQUENCE_LIMIT = 0.85

Text = Annotated[str, Field(min_length=20, max_length=200)]
Slug = Annotated[str, Field(pattern=r"^[a-z][a-z-]*[a-z]$", max_length=40)]
Title = Annotated[str, Field(min_length=2, max_length=80)]


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Prompt(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z-]*-\d{3}$")]
    depth: Literal[1, 2, 3]
    text: Text


class Category(_Strict):
    category: Slug
    title: Title
    description: Annotated[str, Field(min_length=10, max_length=200)]
    prompts: Annotated[list[Prompt], Field(min_length=1)]

    @model_validator(mode="after")
    def _ids_carry_the_category(self) -> Category:
        for prompt in self.prompts:
            if not prompt.id.startswith(self.category + "-"):
                raise ValueError(f"{prompt.id} does not start with {self.category}-")
        return self


class Topic(_Strict):
    slug: Slug
    title: Title


class LoveMapPrompt(_Strict):
    id: Annotated[str, Field(pattern=r"^lovemap-\d{3}$")]
    topic: Slug
    text: Annotated[str, Field(min_length=20, max_length=160)]


class LoveMap(_Strict):
    topics: Annotated[list[Topic], Field(min_length=1)]
    prompts: Annotated[list[LoveMapPrompt], Field(min_length=1)]

    @model_validator(mode="after")
    def _topics_exist(self) -> LoveMap:
        known = {t.slug for t in self.topics}
        for prompt in self.prompts:
            if prompt.topic not in known:
                raise ValueError(f"{prompt.id} has an unknown topic {prompt.topic!r}")
        return self


class Question(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z-]*-[1-3]-\d{2}$")]
    text: Text


class DeepTalkSet(_Strict):
    title: Title
    minutes: Annotated[int, Field(ge=5, le=60)]
    questions: Annotated[list[Question], Field(min_length=12, max_length=12)]


class DeepTalkSession(_Strict):
    slug: Slug
    #: Where the evening comes in the list people choose from.
    order: Annotated[int, Field(ge=1, le=99)]
    title: Title
    description: Annotated[str, Field(min_length=10, max_length=200)]
    sets: Annotated[list[DeepTalkSet], Field(min_length=3, max_length=3)]

    @model_validator(mode="after")
    def _ids_carry_the_session(self) -> DeepTalkSession:
        for number, deep_set in enumerate(self.sets, start=1):
            for question in deep_set.questions:
                if not question.id.startswith(f"{self.slug}-{number}-"):
                    raise ValueError(f"{question.id} is not in set {number} of {self.slug}")
        return self


def _read(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML: {exc}") from exc


def _parse(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read(path))
    except ValidationError as exc:
        raise ContentError(f"{path.name}: {exc}") from exc


def _unique(ids: list[str], what: str) -> None:
    twice = sorted(i for i, n in Counter(ids).items() if n > 1)
    if twice:
        raise ContentError(f"{what}: identifiers used more than once: {', '.join(twice)}")


@cache
def categories() -> dict[str, Category]:
    """Every prompt category by slug; the file name must be the slug."""
    found: dict[str, Category] = {}
    for path in sorted(PROMPTS_DIR.glob("*.yaml")):
        category = _parse(Category, path)
        if category.category != path.stem:
            raise ContentError(f"{path.name}: says it is {category.category!r}")
        found[category.category] = category
    _unique([p.id for c in found.values() for p in c.prompts], "prompts")
    return found


@cache
def prompts_by_id() -> dict[str, tuple[Category, Prompt]]:
    return {p.id: (c, p) for c in categories().values() for p in c.prompts}


@cache
def love_map() -> LoveMap:
    loaded = _parse(LoveMap, LOVE_MAP_FILE)
    _unique([p.id for p in loaded.prompts], "love map")
    return loaded


@cache
def deep_talk_sessions() -> dict[str, DeepTalkSession]:
    found: dict[str, DeepTalkSession] = {}
    for path in sorted(DEEP_TALK_DIR.glob("*.yaml")):
        session = _parse(DeepTalkSession, path)
        if session.slug != path.stem:
            raise ContentError(f"{path.name}: says it is {session.slug!r}")
        found[session.slug] = session
    _unique([q.id for s in found.values() for st in s.sets for q in st.questions], "deep talk")
    _unique([str(s.order) for s in found.values()], "deep talk order")
    return dict(sorted(found.items(), key=lambda item: item[1].order))


def all_texts() -> list[tuple[str, str]]:
    """(identifier, text) of everything people read, across every file."""
    texts = [(p.id, p.text) for c in categories().values() for p in c.prompts]
    texts += [(p.id, p.text) for p in love_map().prompts]
    texts += [
        (q.id, q.text) for s in deep_talk_sessions().values() for st in s.sets for q in st.questions
    ]
    return texts


_WORDS = re.compile(r"[a-z']{3,}")


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(text.lower()))


def near_duplicates(texts: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Pairs of texts that say nearly the same thing, with the reason."""
    words = [(i, t, _words(t)) for i, t in texts]
    found = []
    for (id_a, text_a, words_a), (id_b, text_b, words_b) in combinations(words, 2):
        union = words_a | words_b
        if union and len(words_a & words_b) / len(union) >= JACCARD_LIMIT:
            found.append((id_a, id_b, "same words"))
            continue
        matcher = difflib.SequenceMatcher(None, text_a.lower(), text_b.lower())
        # The cheap upper bounds first: most pairs stop there.
        if (
            matcher.real_quick_ratio() >= SEQUENCE_LIMIT
            and matcher.quick_ratio() >= SEQUENCE_LIMIT
            and matcher.ratio() >= SEQUENCE_LIMIT
        ):
            found.append((id_a, id_b, "same wording"))
    return found
