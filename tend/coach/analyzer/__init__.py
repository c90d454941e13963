"""The draft check: which of the four patterns a message shows, where, and a gentler start.

Pure Python and offline: the message is normalised (see :mod:`.normalize`), split
into sentences, and matched against the patterns and guards in ``rules.yaml``.
Everything is compiled once per process, so a message takes about a millisecond.

``MAX_MESSAGE`` (characters) is defined here rather than in ``tend.lib.limits``:
it bounds what the check reads, and the coach's stored texts get their own limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from tend.coach.analyzer.normalize import Normalised, normalise
from tend.coach.analyzer.rewrite import gentle_rewrite
from tend.coach.analyzer.rules import LABELS, Label, Rules, load_rules

__all__ = [
    "LABELS",
    "MAX_MESSAGE",
    "Label",
    "MessageError",
    "Span",
    "Verdict",
    "analyze",
    "detect",
]

MAX_MESSAGE: Final = 2000

_SENTENCE: Final = re.compile(r"[^.!?;\n]+[.!?;\n]*|[.!?;\n]+")


class MessageError(ValueError):
    """The message cannot be checked (empty or too long); the text says why."""


@dataclass(frozen=True, slots=True)
class Span:
    label: Label
    start: int
    end: int
    rule: str

    def as_dict(self) -> dict[str, object]:
        return {"label": self.label, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Antidote:
    label: Label
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    text: str
    labels: tuple[Label, ...]
    spans: tuple[Span, ...]
    antidotes: tuple[Antidote, ...] = field(default=())
    rewrite: str | None = None

    @property
    def flagged(self) -> bool:
        return bool(self.labels)

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "labels": list(self.labels),
            "spans": [span.as_dict() for span in self.spans],
            "rewrite": self.rewrite,
        }


def _check(text: str) -> None:
    if not text or not text.strip():
        raise MessageError("the message is empty")
    if len(text) > MAX_MESSAGE:
        raise MessageError(f"the message is longer than {MAX_MESSAGE} characters")


def _sentences(norm: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(norm)]


def _hit(match: re.Match[str]) -> tuple[int, int]:
    if "hit" in match.re.groupindex and match.group("hit") is not None:
        return match.span("hit")
    return match.span()


def _find(norm: Normalised, rules: Rules) -> tuple[tuple[Label, ...], tuple[Span, ...]]:
    text = norm.text
    trimmed = text.strip()
    offset = len(text) - len(text.lstrip())
    sentences = _sentences(text)
    found: list[Span] = []
    for rule in rules.rules:
        if rule.when_message and not any(g.search(text) for g in rule.when_message):
            continue
        if rule.whole:
            for pattern in rule.patterns:
                match = pattern.fullmatch(trimmed)
                if match:
                    start, end = _hit(match)
                    found.append(
                        Span(rule.label, *norm.original_span(start + offset, end + offset), rule.id)
                    )
                    break
            continue
        for begin, sentence in sentences:
            for pattern in rule.patterns:
                match = pattern.search(sentence)
                if match:
                    # Guards only matter for a hit, and most sentences have none.
                    if rule.unless and any(g.search(sentence) for g in rule.unless):
                        break
                    start, end = _hit(match)
                    found.append(
                        Span(rule.label, *norm.original_span(start + begin, end + begin), rule.id)
                    )
                    break
    if found:
        hit_rules = {span.rule for span in found}
        guarded = {
            rule.id
            for rule in rules.rules
            if rule.id in hit_rules
            and rule.unless_message
            and any(g.search(text) for g in rule.unless_message)
        }
        found = [span for span in found if span.rule not in guarded]
    labels = tuple(label for label in LABELS if any(span.label == label for span in found))
    spans = tuple(sorted(_merge(found), key=lambda s: (s.start, LABELS.index(s.label))))
    return labels, spans


def _merge(spans: list[Span]) -> list[Span]:
    """One span per label and place: overlapping hits of the same label become one."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.label, s.start, s.end)):
        last = merged[-1] if merged else None
        if last and last.label == span.label and span.start <= last.end:
            merged[-1] = Span(last.label, last.start, max(last.end, span.end), last.rule)
        else:
            merged.append(span)
    return merged


def detect(text: str) -> tuple[tuple[Label, ...], tuple[Span, ...]]:
    """The labels and the spans that triggered them, without a rewrite."""
    _check(text)
    rules = load_rules()
    return _find(normalise(text, rules.forms, rules.keep_double), rules)


def analyze(text: str) -> Verdict:
    """Check one message; raise :class:`MessageError` when it is empty or too long."""
    _check(text)
    rules = load_rules()
    norm = normalise(text, rules.forms, rules.keep_double)
    labels, spans = _find(norm, rules)
    if not labels:
        return Verdict(text=text, labels=(), spans=())
    antidotes = tuple(
        Antidote(label, rules.labels[label].antidote_name, rules.labels[label].antidote)
        for label in labels
    )
    rewrite = gentle_rewrite(norm.text, labels, rules, is_clean=_is_clean)
    return Verdict(text=text, labels=labels, spans=spans, antidotes=antidotes, rewrite=rewrite)


def _is_clean(text: str) -> bool:
    rules = load_rules()
    labels, _ = _find(normalise(text, rules.forms, rules.keep_double), rules)
    return not labels
