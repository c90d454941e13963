"""Rounds at any stage, for the love-map tests."""

from __future__ import annotations

import random

from tend.accounts.models import User
from tend.love_map import services
from tend.love_map.models import Mark, Round
from tend.pairs.models import Pair


def started(subject: User, pair: Pair, seed: int = 1, topic: str = "") -> Round:
    return services.start_round(subject, pair, services.ABOUT_ME, topic, rng=random.Random(seed))


def answered(subject: User, pair: Pair, words: str = "answer", seed: int = 1) -> Round:
    """The subject started a round about themself and answered every prompt."""
    round = started(subject, pair, seed)
    services.write_entries(
        subject, round, {p: f"{words} {i}" for i, p in enumerate(round.prompt_ids)}
    )
    return round


def guessed(round: Round, guesser: User, words: str = "guess") -> Round:
    services.write_entries(
        guesser, round, {p: f"{words} {i}" for i, p in enumerate(round.prompt_ids)}
    )
    return round


def marked(
    subject: User,
    guesser: User,
    pair: Pair,
    marks: list[str] | None = None,
    seed: int = 1,
    words: str = "answer",
) -> Round:
    """A finished round about ``subject``: by default 3 right, 1 close, 1 new."""
    round = guessed(answered(subject, pair, words, seed), guesser)
    marks = marks or [Mark.RIGHT, Mark.RIGHT, Mark.RIGHT, Mark.CLOSE, Mark.NEW]
    return services.mark_guesses(subject, round, dict(zip(round.prompt_ids, marks, strict=True)))
