"""A lowercase, texting-tolerant copy of a message that still knows where each character came from.

Patterns run on the normalised copy; every normalised character keeps the start
and end offset of the original characters it stands for, so a match maps back
to an exact span of what the person typed, even when "ur" became "your" or
"sooo" became "so".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_TRANSLATE: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": ".",
        "\u00a0": " ",
    }
)
_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_RUN: Final = re.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and, per character, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind ``text[start:end]`` (end exclusive)."""
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def _squeeze(word: str, keep_double: frozenset[str]) -> str:
    """Letters typed three or more times in a row: once, or twice where the word needs it."""
    if not _RUN.search(word):
        return word
    doubled = _RUN.sub(r"\1\1", word)
    if doubled in keep_double:
        return doubled
    return _RUN.sub(r"\1", word)


def normalise(text: str, forms: dict[str, str], keep_double: frozenset[str]) -> Normalised:
    """Lowercase ``text``, straighten quotes, squeeze repeats and expand texting forms."""
    lowered = text.translate(_TRANSLATE)
    # str.lower() keeps the length for the scripts people type here; when it
    # does not (a few rare letters), fall back to a per-character lowering.
    low = lowered.lower()
    if len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in lowered)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _WORD.finditer(low):
        for index in range(position, match.start()):
            out.append(low[index])
            starts.append(index)
            ends.append(index + 1)
        word = match.group()
        replacement = forms.get(word)
        if replacement is None:
            squeezed = _squeeze(word, keep_double)
            replacement = forms.get(squeezed, squeezed)
        begin, finish = match.start(), match.end()
        if replacement == word:
            out.append(word)
            starts.extend(range(begin, finish))
            ends.extend(range(begin + 1, finish + 1))
        else:
            # Every character of the replacement stands for the whole original word,
            # so any match touching it covers the word the person typed.
            out.append(replacement)
            starts.extend([begin] * len(replacement))
            ends.extend([finish] * len(replacement))
        position = finish
    for index in range(position, len(low)):
        out.append(low[index])
        starts.append(index)
        ends.append(index + 1)
    return Normalised("".join(out), tuple(starts), tuple(ends))
