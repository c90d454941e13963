"""The reply checker on original example replies: warm ones pass, the others are noticed."""

from __future__ import annotations

import pytest

from tend.appreciation import content
from tend.appreciation.responding import DISMISSING, TURNING, note_for, notice, warmer_example

WARM = [
    "Whatever happens next, I'm proud of you.",
    "Anyway, I'm so happy for you.",
    "I can't believe it... My day was made by this.",
    "I had a big grin reading this.",
    "I had an idea: let's go out to celebrate!",
    "Not a big deal? It's a huge deal!",
    "About time they noticed how good you are!",
    "That's great, but I want the whole story tonight!",
    "Great!",
    "Nice!!! \U0001f389",
    "Nice one!",
    "That's wonderful! How did it feel when they told you?",
    "I'm so proud of you. Tell me everything from the start.",
    "You worked so hard for this. What was the best part?",
    "Wow, this calls for a celebration tonight!",
    "I had a feeling you'd pull it off. What happens next?",
    "That is so cool, how did your boss react?",
    "Yes!! I knew you could do it. What did you say?",
    "This makes me so happy for you. Shall we go out for dinner?",
    "You must be over the moon. How are you feeling now?",
    "Amazing news. It means a lot to me to see you this happy.",
    "Oh that's great, what was the moment you knew it worked?",
    "Brilliant! Can I hear the whole story tonight?",
    "I love that they finally saw what I see in you.",
    "Congratulations, love. What made the difference this time?",
    "That's fantastic, you earned every bit of it.",
    "How exciting! When do you start?",
    "Nice work! What was the hardest part to get right?",
    "I can't stop smiling reading this. Tell me more?",
    "Ha, you did it! Were you nervous?",
    "So good to hear. I want every detail over dinner.",
    "This is a big deal for you and I'm glad I get to share it.",
    "Fantastic. I had a hunch today would be your day!",
]

NOTICED = [
    ("ok", DISMISSING),
    ("Cool.", DISMISSING),
    ("Nice", DISMISSING),
    ("ok cool", DISMISSING),
    ("Good for you.", DISMISSING),
    ("That's nice.", DISMISSING),
    ("whatever makes you happy I guess", DISMISSING),
    ("That's nice but we still have the car to pay for.", DISMISSING),
    ("Yeah, but what about the longer commute?", DISMISSING),
    ("Don't get too excited, they might change their minds.", DISMISSING),
    ("Don't get your hopes up yet.", DISMISSING),
    ("Let's see if it lasts.", DISMISSING),
    ("It's not that big a deal, lots of people get that.", DISMISSING),
    ("About time they noticed.", DISMISSING),
    ("Sure, but who will pick up the kids now?", DISMISSING),
    ("So what's the catch?", DISMISSING),
    ("Anyway, did you call the plumber?", TURNING),
    ("Speaking of me, I had the worst meeting.", TURNING),
    ("My day was awful, the train broke down.", TURNING),
    ("Great. I had a terrible lunch with Sam.", TURNING),
    ("That reminds me, I need the car tomorrow.", TURNING),
    ("Enough about work, what's for dinner?", TURNING),
    ("Guess what happened to me today though.", TURNING),
    ("Let me tell you about my afternoon instead.", TURNING),
    ("Meh.", DISMISSING),
    ("So?", DISMISSING),
    ("Not bad.", DISMISSING),
    ("Hm, I guess.", DISMISSING),
    ("Congrats, I guess.", DISMISSING),
    ("Cool story.", DISMISSING),
    ("That's nice dear.", DISMISSING),
    ("Thats cool I guess", DISMISSING),
    ("Great, now can you do the dishes?", TURNING),
    ("Oh. Did you remember to call my mum?", TURNING),
    ("Good. I got promoted too btw.", TURNING),
    ("Big deal.", DISMISSING),
]


@pytest.mark.parametrize("text", WARM)
def test_warm_replies_pass(text: str) -> None:
    assert notice(text).spans == [], text


@pytest.mark.parametrize(("text", "kind"), NOTICED)
def test_dismissing_and_turning_replies_are_noticed(text: str, kind: str) -> None:
    noticed = notice(text)
    assert noticed.flagged, text
    assert kind in noticed.kinds


def test_there_are_at_least_forty_examples() -> None:
    assert len(WARM) + len(NOTICED) >= 40


def test_spans_point_at_the_words_noticed() -> None:
    text = "Lovely. Anyway, my day was long."
    noticed = notice(text)
    assert [(s.kind, s.words) for s in noticed.spans] == [
        (TURNING, "Anyway"),
        (TURNING, "my day was"),
    ]
    for span in noticed.spans:
        assert text[span.start : span.end] == span.words


def test_curly_apostrophes_count() -> None:
    assert notice("Don\u2019t get too excited.").flagged


def test_empty_text_is_not_noticed() -> None:
    assert not notice("   ").flagged


def test_notes_and_example_come_from_the_content() -> None:
    rules = content.load()
    noticed = notice("Whatever. Anyway")
    assert note_for(noticed) == [rules.noticing.dismissing.note, rules.noticing.turning.note]
    assert warmer_example("ok") in rules.warmer_examples
    assert warmer_example("ok") == warmer_example("ok")


def test_rules_can_be_passed_in() -> None:
    rules = content.parse(
        {
            "gratitude_prompts": [{"id": "grat-001", "text": "Something good from today."}],
            "reply_guidance": ["Ask them about it, kindly."],
            "noticing": {
                "dismissing": {
                    "note": "Brushing it aside, maybe.",
                    "whole_words": ["meh"],
                    "patterns": ["\\bso what\\b"],
                },
                "turning": {"note": "Turning to yourself, maybe.", "patterns": ["\\bme me\\b"]},
            },
            "warmer_examples": ["Tell me more, please!"],
        }
    ).noticing
    assert notice("meh", rules).flagged
    assert notice("So what?", rules).flagged
    assert not notice("ok", rules).flagged


def test_a_bad_pattern_fails_on_load() -> None:
    with pytest.raises(ValueError, match="does not compile"):
        content.parse(
            {
                "gratitude_prompts": [{"id": "grat-001", "text": "Something good from today."}],
                "reply_guidance": ["Ask them about it, kindly."],
                "noticing": {
                    "dismissing": {
                        "note": "Brushing aside.",
                        "whole_words": ["x"],
                        "patterns": ["("],
                    },
                    "turning": {"note": "Turning away.", "patterns": ["y"]},
                },
                "warmer_examples": ["Tell me more, please!"],
            }
        )


def test_spans_stay_on_the_words_when_case_changes_the_length() -> None:
    text = "\u0130\u0130\u0130\u0130. Whatever."
    spans = notice(text).spans
    assert spans and all(text[s.start : s.end] == s.words for s in spans)
    assert spans[0].words.lower().startswith("whatever")
