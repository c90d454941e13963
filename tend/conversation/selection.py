"""Choosing a pair's question of the day.

A pure function of what the pair has already seen and how often they have
answered together, so it can be tested over a simulated year without a
database. The rules, in order:

1. Only prompts of the categories the pair switched on.
2. Never one the pair has seen, until every prompt of those categories has
   been seen; then a new round starts with the ones seen longest ago.
3. Light first: deeper prompts unlock as the pair keeps answering together
   (a new pair starts light). When the unlocked depths are used up, the
   lightest unseen prompt comes next rather than a repeat.
4. Categories take turns: the one used least recently comes first, so a pair
   does not get three money questions in a row.
5. Among what is left, a choice that is fixed for the pair and the day (the
   same for both people, the same if the page is loaded twice).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: Answers opened together before each depth unlocks.
UNLOCK_AFTER = {1: 0, 2: 7, 3: 21}


@dataclass(frozen=True)
class Candidate:
    id: str
    category: str
    depth: int


def unlocked_depth(answered_together: int) -> int:
    """The deepest level open to a pair that has answered together this many times."""
    return max(depth for depth, needed in UNLOCK_AFTER.items() if answered_together >= needed)


def _stable_key(seed: str, day: dt.date, prompt_id: str) -> bytes:
    return hashlib.sha256(f"{seed}|{day.isoformat()}|{prompt_id}".encode()).digest()


def choose(
    pool: Sequence[Candidate],
    *,
    seen: Mapping[str, dt.date],
    answered_together: int,
    day: dt.date,
    seed: str,
    category_last_used: Mapping[str, dt.date] | None = None,
) -> Candidate | None:
    """The prompt for ``day``; ``seen`` maps prompt ids to the day each was last shown."""
    if not pool:
        return None
    unseen = [c for c in pool if c.id not in seen]
    if not unseen:
        # A new round: what was shown longest ago comes back first.
        oldest = min(seen[c.id] for c in pool)
        unseen = [c for c in pool if seen[c.id] == oldest]
    deepest = unlocked_depth(answered_together)
    open_now = [c for c in unseen if c.depth <= deepest]
    if not open_now:
        lightest = min(c.depth for c in unseen)
        open_now = [c for c in unseen if c.depth == lightest]
    return _by_turn_then_seed(open_now, category_last_used or {}, day, seed)


def _by_turn_then_seed(
    candidates: Iterable[Candidate],
    category_last_used: Mapping[str, dt.date],
    day: dt.date,
    seed: str,
) -> Candidate:
    never = dt.date.min
    return min(
        candidates,
        key=lambda c: (category_last_used.get(c.category, never), _stable_key(seed, day, c.id)),
    )
