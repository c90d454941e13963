"""The conversation content: enough of it, well-formed, and never saying the same thing twice."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tend.conversation import content

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def test_there_are_at_least_500_prompts_in_12_categories() -> None:
    cats = content.categories()
    assert len(cats) >= 12
    assert sum(len(c.prompts) for c in cats.values()) >= 500


def test_every_category_has_light_personal_and_deep_prompts() -> None:
    for slug, category in content.categories().items():
        depths = Counter(p.depth for p in category.prompts)
        assert set(depths) == {1, 2, 3}, slug
        assert min(depths.values()) >= 10, (slug, depths)


def test_the_love_map_has_at_least_100_prompts_over_its_topics() -> None:
    love = content.love_map()
    assert len(love.prompts) >= 100
    per_topic = Counter(p.topic for p in love.prompts)
    assert len(per_topic) >= 5
    assert min(per_topic.values()) >= 15


def test_there_are_three_deep_talk_evenings_of_three_sets_of_twelve() -> None:
    sessions = content.deep_talk_sessions()
    assert len(sessions) >= 3
    for session in sessions.values():
        assert [len(s.questions) for s in session.sets] == [12, 12, 12]


def test_no_two_texts_say_nearly_the_same_thing() -> None:
    texts = content.all_texts()
    assert len(texts) >= 700
    assert content.near_duplicates(texts) == []


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside the project")
def test_no_text_repeats_a_run_of_seven_words_from_the_seed_articles() -> None:
    seeds: set[tuple[str, ...]] = set()
    for path in SEEDS.glob("*.txt"):
        seeds |= _ngrams(path.read_text(encoding="utf-8"), 7)
    copied = [i for i, text in content.all_texts() if _ngrams(text, 7) & seeds]
    assert not copied, f"these read like the seed articles: {copied[:10]}"


class TestTheChecks:
    def test_near_duplicates_notice_the_same_words_reordered(self) -> None:
        found = content.near_duplicates(
            [
                ("a-001", "Which song always lifts your mood on a grey morning?"),
                ("a-002", "On a grey morning, which song always lifts your mood?"),
                ("a-003", "Where would you go if you had a free afternoon alone?"),
            ]
        )
        assert [(a, b) for a, b, _ in found] == [("a-001", "a-002")]

    def test_near_duplicates_notice_nearly_the_same_wording(self) -> None:
        found = content.near_duplicates(
            [
                ("a-001", "What did you love doing as a child?"),
                ("a-002", "What did you love doing as a kid?"),
            ]
        )
        assert len(found) == 1

    def test_a_prompt_with_a_bad_depth_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "odd.yaml"
        path.write_text(
            'category: odd\ntitle: "Odd"\ndescription: "A test category."\n'
            'prompts:\n  - id: odd-001\n    depth: 4\n    text: "A long enough question text?"\n'
        )
        with pytest.raises(content.ContentError, match=r"odd\.yaml"):
            content._parse(content.Category, path)

    def test_an_identifier_used_twice_is_refused(self) -> None:
        with pytest.raises(content.ContentError, match="x-001"):
            content._unique(["x-001", "x-002", "x-001"], "prompts")

    def test_extra_keys_are_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "odd.yaml"
        path.write_text(
            'category: odd\ntitle: "Odd"\ndescription: "A test category."\nextra: 1\n'
            'prompts:\n  - id: odd-001\n    depth: 1\n    text: "A long enough question text?"\n'
        )
        with pytest.raises(content.ContentError):
            content._parse(content.Category, path)
