from __future__ import annotations

import random
from collections import Counter

from tend.conversation import content
from tend.love_map.selection import choose_prompts


def _all_ids(topic: str = "") -> set[str]:
    return {p.id for p in content.love_map().prompts if not topic or p.topic == topic}


def test_the_quiz_has_at_least_a_hundred_prompts_over_five_topics():
    assert len(content.love_map().prompts) >= 100
    assert len(content.love_map().topics) == 5


def test_a_round_has_five_different_prompts_from_as_many_topics():
    picked = choose_prompts([], rng=random.Random(3))
    assert len(set(picked)) == 5
    topics = {p.topic for p in content.love_map().prompts if p.id in picked}
    assert len(topics) == 5


def test_no_prompt_comes_back_until_every_prompt_was_used():
    rng = random.Random(7)
    used: list[str] = []
    everything = _all_ids()
    while len(set(used)) < len(everything):
        picked = choose_prompts(used, rng=rng)
        assert len(picked) == 5
        fresh = everything - set(used)
        # Only once fewer than five are left may a round reuse any.
        if len(fresh) >= 5:
            assert set(picked) <= fresh
        else:
            assert fresh <= set(picked)
        used += picked
    # The pool starts over: the least used come first.
    again = choose_prompts(used, rng=rng)
    counts = Counter(used)
    assert all(counts[p] == min(counts.values()) for p in again)


def test_a_chosen_topic_gives_prompts_of_that_topic_only():
    picked = choose_prompts([], topic="worries", rng=random.Random(1))
    assert set(picked) <= _all_ids("worries")
    assert len(picked) == 5


def test_a_topic_starts_over_once_its_prompts_are_used():
    rng = random.Random(2)
    used: list[str] = []
    worries = _all_ids("worries")
    for _ in range(len(worries) // 5):
        used += choose_prompts(used, topic="worries", rng=rng)
    assert len(set(used)) == len(used)
    more = choose_prompts(used, topic="worries", rng=rng)
    assert len(more) == 5 and set(more) <= worries
