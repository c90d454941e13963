"""Loading ``rules.yaml``: its shape is checked with pydantic and every pattern compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

RULES_FILE = Path(__file__).with_name("rules.yaml")

Label = Literal["criticism", "contempt", "defensiveness", "stonewalling"]
#: The order labels are reported in.
LABELS: tuple[Label, ...] = ("criticism", "contempt", "defensiveness", "stonewalling")

Sentence = Annotated[str, Field(min_length=10, max_length=240)]
_MACRO = re.compile(r"\{([A-Z_]+)\}")


class RulesError(ValueError):
    """``rules.yaml`` is malformed; the message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    patterns: Annotated[list[str], Field(min_length=1)]
    #: Skip a hit when its sentence matches one of these (a name in @... is a shared guard).
    unless: list[str] = Field(default_factory=list)
    #: Skip a hit when the whole message matches one of these.
    unless_message: list[str] = Field(default_factory=list)
    #: Only count a hit when the whole message also matches one of these.
    when_message: list[str] = Field(default_factory=list)
    #: Only match a message that is this rule and nothing else (after trimming).
    whole: bool = False


class LabelSpec(_Strict):
    antidote_name: Annotated[str, Field(min_length=3, max_length=60)]
    antidote: Sentence
    feeling: Annotated[str, Field(min_length=3, max_length=40)]
    need: Annotated[str, Field(min_length=5, max_length=120)]
    rules: Annotated[list[RuleSpec], Field(min_length=1)]


class TopicSpec(_Strict):
    pattern: str
    subject: Annotated[str, Field(min_length=2, max_length=60)]


class RewriteSpec(_Strict):
    template: Annotated[str, Field(min_length=10, max_length=200)]
    fallback_subject: Annotated[str, Field(min_length=3, max_length=60)]
    topics: list[TopicSpec]
    #: Words that do not make a subject on their own (the noun-phrase heuristic skips them).
    not_subjects: list[str]


class RulesSpec(_Strict):
    forms: dict[str, str]
    keep_double: list[str]
    macros: dict[str, str]
    guards: dict[str, list[str]]
    labels: dict[Label, LabelSpec]
    rewrite: RewriteSpec

    @model_validator(mode="after")
    def _every_label(self) -> RulesSpec:
        missing = set(LABELS) - set(self.labels)
        if missing:
            raise ValueError(f"labels missing: {sorted(missing)}")
        return self


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: Label
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    unless_message: tuple[re.Pattern[str], ...]
    when_message: tuple[re.Pattern[str], ...]
    whole: bool


@dataclass(frozen=True, slots=True)
class Topic:
    pattern: re.Pattern[str]
    subject: str


@dataclass(frozen=True, slots=True)
class Rules:
    forms: dict[str, str]
    keep_double: frozenset[str]
    rules: tuple[Rule, ...]
    labels: dict[Label, LabelSpec]
    template: str
    fallback_subject: str
    topics: tuple[Topic, ...]
    not_subjects: frozenset[str]


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise RulesError(f"{where}: unknown macro {{{name}}}")
        return macros[name]

    # Macros may use other macros; a few rounds cover any sensible nesting.
    for _ in range(4):
        pattern = _MACRO.sub(one, pattern)
    return pattern


def _compile(pattern: str, macros: dict[str, str], where: str) -> re.Pattern[str]:
    expanded = _expand(pattern, macros, where)
    try:
        return re.compile(expanded)
    except re.error as exc:
        raise RulesError(f"{where}: pattern {pattern!r} does not compile: {exc}") from exc


def build(spec: RulesSpec) -> Rules:
    guards = {
        name: tuple(_compile(p, spec.macros, f"guard {name}") for p in patterns)
        for name, patterns in spec.guards.items()
    }

    def guard_list(items: list[str], where: str) -> tuple[re.Pattern[str], ...]:
        compiled: list[re.Pattern[str]] = []
        for item in items:
            if item.startswith("@"):
                if item[1:] not in guards:
                    raise RulesError(f"{where}: unknown guard {item}")
                compiled.extend(guards[item[1:]])
            else:
                compiled.append(_compile(item, spec.macros, where))
        return tuple(compiled)

    rules: list[Rule] = []
    seen: set[str] = set()
    for label, label_spec in spec.labels.items():
        for rule in label_spec.rules:
            if rule.id in seen:
                raise RulesError(f"rule id {rule.id} is used twice")
            seen.add(rule.id)
            rules.append(
                Rule(
                    id=rule.id,
                    label=label,
                    patterns=tuple(_compile(p, spec.macros, rule.id) for p in rule.patterns),
                    unless=guard_list(rule.unless, rule.id),
                    unless_message=guard_list(rule.unless_message, rule.id),
                    when_message=guard_list(rule.when_message, rule.id),
                    whole=rule.whole,
                )
            )
    return Rules(
        forms=dict(spec.forms),
        keep_double=frozenset(spec.keep_double),
        rules=tuple(rules),
        labels=dict(spec.labels),
        template=spec.rewrite.template,
        fallback_subject=spec.rewrite.fallback_subject,
        topics=tuple(
            Topic(_compile(t.pattern, spec.macros, "topic"), t.subject) for t in spec.rewrite.topics
        ),
        not_subjects=frozenset(spec.rewrite.not_subjects),
    )


def parse(raw: object) -> Rules:
    try:
        spec = RulesSpec.model_validate(raw)
    except ValidationError as exc:
        raise RulesError(f"{RULES_FILE.name}: {exc}") from exc
    return build(spec)


@cache
def load_rules() -> Rules:
    """The compiled rules, read once per process."""
    with RULES_FILE.open(encoding="utf-8") as handle:
        return parse(yaml.safe_load(handle))
