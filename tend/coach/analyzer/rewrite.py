"""A gentle start-up in place of a flagged message: "I feel … about …, and I need …".

The subject is what the message is about: a topic from the small lexicon in
``rules.yaml`` when one is named, otherwise the first noun phrase after a
determiner ("the car keys", "your mother"), otherwise a neutral fallback.
The rewrite is only offered when it reads clean itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from tend.coach.analyzer.rules import Label, Rules

#: Which label's feeling and need lead when a message carries several.
PRIORITY: Final[tuple[Label, ...]] = ("contempt", "criticism", "defensiveness", "stonewalling")
_PHRASE: Final = re.compile(
    r"\b(the|your|my|our|this|that|his|her|their)\s+([a-z]+)(?:\s+([a-z]+))?"
)
_PRONOUNS: Final = {"your": "your", "my": "my", "our": "our", "his": "his", "her": "her"}


def subjects_of(norm: str, rules: Rules) -> list[str]:
    """What a normalised message may be about, best guess first."""
    found = [topic.subject for topic in rules.topics if topic.pattern.search(norm)]
    for match in _PHRASE.finditer(norm):
        determiner, first, second = match.groups()
        if first in rules.not_subjects:
            continue
        words = [first]
        if second and second not in rules.not_subjects and not second.endswith("ly"):
            words.append(second)
        found.append(f"{_PRONOUNS.get(determiner, 'the')} {' '.join(words)}")
    return list(dict.fromkeys(found))


def gentle_rewrite(
    norm: str, labels: tuple[Label, ...], rules: Rules, *, is_clean: Callable[[str], bool]
) -> str | None:
    """The rewrite for a flagged message, or None when no wording of it reads clean."""
    lead = next(label for label in PRIORITY if label in labels)
    spec = rules.labels[lead]
    # A subject that itself trips the check ("your mommy") gives way to the next one.
    for candidate in [*subjects_of(norm, rules), rules.fallback_subject]:
        text = rules.template.format(feeling=spec.feeling, subject=candidate, need=spec.need)
        if is_clean(text):
            return text
    return None
