from __future__ import annotations

import pytest

from tend.demo.builder import build
from tend.love_map.demo_data import load
from tend.love_map.models import Entry, Kind, Round
from tend.love_map.queries import learned_for
from tend.love_map.selection import prompts_by_id

pytestmark = pytest.mark.django_db


def test_the_demo_has_past_rounds_in_both_directions_once():
    result = build(days=10)
    rounds = Round.objects.filter(pair=result.pair)
    assert rounds.count() == len(load()) >= 3
    assert {r.subject for r in rounds} == set(result.people)
    assert all(r.marked_at is not None for r in rounds)
    assert Entry.objects.filter(kind=Kind.GUESS).exclude(mark="").count() == 5 * rounds.count()
    assert learned_for(result.people[1], result.pair).exists()
    build(days=10)
    assert Round.objects.count() == rounds.count()


def test_the_demo_uses_real_prompts_each_once_per_round():
    prompts = prompts_by_id()
    for spec in load():
        ids = [e["prompt"] for e in spec["entries"]]
        assert len(ids) == len(set(ids)) == 5
        assert set(ids) <= prompts.keys()
