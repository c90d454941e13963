from __future__ import annotations

import datetime as dt
from collections import Counter

from tend.conversation.selection import Candidate, choose, unlocked_depth

START = dt.date(2026, 1, 1)


def _pool(per_category: int = 40, categories: int = 12) -> list[Candidate]:
    return [
        Candidate(f"c{c}-{n:03d}", f"c{c}", depth=1 + n % 3)
        for c in range(categories)
        for n in range(per_category)
    ]


def _simulate(pool, days, *, together_every=1):
    seen: dict[str, dt.date] = {}
    last_used: dict[str, dt.date] = {}
    shown = []
    answered = 0
    for offset in range(days):
        day = START + dt.timedelta(days=offset)
        pick = choose(
            pool,
            seen=seen,
            answered_together=answered,
            day=day,
            seed="pair-code",
            category_last_used=last_used,
        )
        assert pick is not None
        shown.append(pick)
        seen[pick.id] = day
        last_used[pick.category] = day
        if together_every and offset % together_every == 0:
            answered += 1
    return shown


def test_a_year_of_daily_use_never_repeats_a_prompt():
    shown = _simulate(_pool(), 365)
    assert len({p.id for p in shown}) == 365


def test_a_new_pair_starts_light_and_goes_deeper_as_they_answer_together():
    shown = _simulate(_pool(), 40)
    assert {p.depth for p in shown[:7]} == {1}
    assert max(p.depth for p in shown[7:21]) == 2
    assert 3 in {p.depth for p in shown[21:]}


def test_a_pair_that_never_answers_together_stays_light_until_light_runs_out():
    pool = _pool(per_category=6, categories=2)  # 4 light prompts
    shown = _simulate(pool, 12, together_every=0)
    assert [p.depth for p in shown[:4]] == [1, 1, 1, 1]
    assert len({p.id for p in shown}) == 12  # then deeper ones rather than repeats


def test_categories_take_turns():
    shown = _simulate(_pool(), 24)
    assert max(Counter(p.category for p in shown[:12]).values()) == 1


def test_once_everything_was_seen_the_oldest_comes_back_first():
    pool = _pool(per_category=3, categories=2)
    shown = _simulate(pool, 7)
    assert shown[6].id == shown[0].id


def test_the_choice_is_the_same_for_the_same_pair_and_day():
    pool = _pool()
    args = {"seen": {}, "answered_together": 30, "day": START, "seed": "abc"}
    assert choose(pool, **args) == choose(pool, **args)
    assert choose(pool, **{**args, "seed": "another"}) is not None


def test_an_empty_pool_gives_nothing():
    assert choose([], seen={}, answered_together=0, day=START, seed="x") is None


def test_depth_unlocks_at_the_stated_counts():
    assert [unlocked_depth(n) for n in (0, 6, 7, 20, 21, 500)] == [1, 1, 2, 2, 3, 3]
