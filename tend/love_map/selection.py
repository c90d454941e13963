"""Choosing the prompts of a love-map round.

No prompt comes back for the same person (in the same pair) until every prompt
of the chosen pool has been used for them; then the pool starts over, the least
used first. Without a chosen topic, the prompts of a round come from as many
topics as possible.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable

from tend.conversation import content
from tend.love_map.models import ROUND_SIZE


def topic_titles() -> dict[str, str]:
    return {t.slug: t.title for t in content.love_map().topics}


def prompts_by_id() -> dict[str, content.LoveMapPrompt]:
    return {p.id: p for p in content.love_map().prompts}


def _mixed(candidates: list[content.LoveMapPrompt], wanted: int, rng: random.Random) -> list[str]:
    """Up to ``wanted`` of ``candidates``, taking one topic after another in turn."""
    by_topic: dict[str, list[str]] = defaultdict(list)
    for prompt in candidates:
        by_topic[prompt.topic].append(prompt.id)
    topics = sorted(by_topic)
    rng.shuffle(topics)
    for slug in topics:
        rng.shuffle(by_topic[slug])
    picked: list[str] = []
    while len(picked) < wanted and any(by_topic.values()):
        for slug in topics:
            if by_topic[slug] and len(picked) < wanted:
                picked.append(by_topic[slug].pop())
    return picked


def choose_prompts(
    used: Iterable[str],
    topic: str = "",
    rng: random.Random | None = None,
    size: int = ROUND_SIZE,
) -> list[str]:
    """``size`` prompt ids: the ones used least often so far first, topics mixed.

    ``used`` lists every prompt id already given to this person, once per use.
    """
    rng = rng or random.Random()
    pool = [p for p in content.love_map().prompts if not topic or p.topic == topic]
    uses = Counter(used)
    picked: list[str] = []
    for level in sorted({uses[p.id] for p in pool}):
        candidates = [p for p in pool if uses[p.id] == level]
        picked += _mixed(candidates, size - len(picked), rng)
        if len(picked) >= size:
            break
    return picked
