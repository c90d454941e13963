"""Noticing a reply to good news that may brush it aside or turn the talk away.

A pure function over the text: no database, no network. The word lists and
patterns live in ``content.yaml``; this only applies them. It notices, it does
not judge: the person can always send the reply as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from tend.appreciation import content

DISMISSING = "dismissing"
TURNING = "turning"

_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Noticed:
    spans: list[Span] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.spans)

    @property
    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.spans})


def _normalise(text: str) -> str:
    # Curly apostrophes count as straight ones. One character for one, and no change
    # of case (lowercasing can change a text's length), so offsets stay those of the text.
    return text.replace("\u2019", "'").replace("\u2018", "'")


@cache
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def _whole(text: str, rules: content.Noticing) -> bool:
    """The reply is nothing but a word or two of acknowledgement (said without an
    exclamation mark: "Great!" is not "great.")."""
    if "!" in text:
        return False
    bare = " ".join(_WORD.findall(text.lower()))
    if not bare:
        return False
    if bare in rules.dismissing.whole_phrases:
        return True
    return all(word in rules.dismissing.whole_words for word in bare.split())


def notice(text: str, rules: content.Noticing | None = None) -> Noticed:
    """What in ``text`` may dismiss good news or turn the talk to the writer."""
    rules = rules or content.load().noticing
    lowered = _normalise(text)
    stripped = lowered.strip()
    spans: list[Span] = []
    if _whole(stripped, rules):
        start = len(lowered) - len(lowered.lstrip())
        end = start + len(stripped)
        spans.append(Span(DISMISSING, start, end, text[start:end]))
    dismissing = _compiled(tuple(rules.dismissing.patterns))
    turning = _compiled(tuple(rules.turning.patterns))
    for kind, patterns in ((DISMISSING, dismissing), (TURNING, turning)):
        for pattern in patterns:
            for match in pattern.finditer(lowered):
                start, end = match.span()
                # A sentence-start pattern may take the punctuation before it along.
                while start < end and not lowered[start].isalnum():
                    start += 1
                if any(s.start <= start < s.end for s in spans):
                    continue
                spans.append(Span(kind, start, end, text[start:end].strip()))
    spans.sort(key=lambda s: s.start)
    return Noticed(spans)


def note_for(noticed: Noticed) -> list[str]:
    """The gentle sentences to show for what was noticed, one per kind."""
    rules = content.load().noticing
    notes = {DISMISSING: rules.dismissing.note, TURNING: rules.turning.note}
    return [notes[kind] for kind in noticed.kinds]


def warmer_example(text: str) -> str:
    """An example of a warmer reply, the same one for the same text."""
    examples = content.load().warmer_examples
    return examples[sum(map(ord, text)) % len(examples)]
