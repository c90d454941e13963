"""The gentle rewrite: its shape, that it reads clean, and that it keeps the subject."""

from __future__ import annotations

import pytest

from tend.coach.analyzer import analyze, detect
from tend.coach.analyzer.normalize import normalise
from tend.coach.analyzer.rewrite import subjects_of
from tend.coach.analyzer.rules import load_rules
from tend.coach.evaluate import default_files, read_examples


def flagged_messages() -> list[str]:
    texts: list[str] = []
    for path in default_files():
        texts.extend(text for text, _labels in read_examples(path))
    return [text for text in texts if detect(text)[0]]


def subjects(text: str) -> list[str]:
    rules = load_rules()
    return subjects_of(normalise(text, rules.forms, rules.keep_double).text, rules)


def test_every_flagged_message_in_the_labelled_sets_gets_a_clean_rewrite() -> None:
    texts = flagged_messages()
    assert len(texts) > 40
    for text in texts:
        rewrite = analyze(text).rewrite
        assert rewrite is not None, text
        assert rewrite.startswith("I feel "), rewrite
        assert " about " in rewrite and ", and I need " in rewrite, rewrite
        assert detect(rewrite)[0] == (), (text, rewrite)


def test_every_rewrite_names_the_subject_of_its_message() -> None:
    for text in flagged_messages():
        # A subject that trips the check on its own ("your mommy") is rightly passed over.
        found = [topic for topic in subjects(text) if not detect(f"It is about {topic}.")[0]]
        rewrite = analyze(text).rewrite
        assert rewrite is not None
        if found:
            assert any(f"about {topic}," in rewrite for topic in found), (text, rewrite)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("You never do the dishes, you lazy slob.", "the dishes"),
        ("ur ALWAYS on ur phone at dinner", "phones at dinner"),
        ("Why are you always late??", "being on time"),
        ("It's not my fault the bills were late.", "the bills"),
        ("Whatever. Book the trip yourself.", "how we spend our time"),
        ("You're so careless with the new camera.", "the new camera"),
    ],
)
def test_the_rewrite_keeps_what_the_message_is_about(text: str, topic: str) -> None:
    verdict = analyze(text)
    assert verdict.rewrite is not None
    assert f"about {topic}," in verdict.rewrite


def test_without_a_subject_the_rewrite_falls_back_to_the_moment() -> None:
    verdict = analyze("k")
    assert verdict.rewrite == (
        "I feel overwhelmed about what just happened between us, "
        "and I need a short break first, and then to come back and talk it through."
    )


def test_contempt_leads_the_feeling_when_there_are_several_labels() -> None:
    verdict = analyze("You never listen and frankly you're a child.")
    assert verdict.labels == ("criticism", "contempt")
    assert verdict.rewrite is not None
    assert verdict.rewrite.startswith("I feel hurt about")
