from __future__ import annotations

import pytest

from tend.coach.analyzer import MAX_MESSAGE, MessageError, analyze, detect


def labels_of(text: str) -> set[str]:
    return set(detect(text)[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You always leave your shoes in the hallway.", {"criticism"}),
        ("why r u so selfish", {"criticism"}),
        ("u alwasy forget to call ur mom back", {"criticism"}),
        ("Ur sooo lazy omg", {"criticism"}),
        ("What is wrong with you?", {"criticism"}),
        ("You're pathetic.", {"contempt"}),
        ("Nice job, genius.", {"contempt"}),
        ("Grow up.", {"contempt"}),
        ("Oh poor baby, did the mean email hurt your feelings?", {"contempt"}),
        ("It’s not my fault the train was cancelled.", {"defensiveness"}),
        ("Yeah but you never text me back either.", {"defensiveness", "criticism"}),
        ("You're overreacting, it was five minutes.", {"defensiveness"}),
        ("whateverrrr", {"stonewalling"}),
        ("k", {"stonewalling"}),
        ("Leave me alone.", {"stonewalling"}),
        ("I'm done talking about this.", {"stonewalling"}),
        ("ur always on ur phone smh", {"criticism"}),
        ("Seriously? Are you that stupid?", {"contempt"}),
        ("I wasn't even there, so how is that on me?", {"defensiveness"}),
        ("Well what about the time you forgot my birthday?", {"defensiveness"}),
        ("idc anymore", {"stonewalling"}),
        ("Fine. Whatever.", {"stonewalling"}),
    ],
)
def test_it_flags_the_patterns(text: str, expected: set[str]) -> None:
    assert labels_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You always know how to cheer me up.",
        "You never fail to make me laugh.",
        "I never get bored of our walks.",
        "You're such a dork, I love you 😂",
        "I'm flooded. Can we stop for twenty minutes and come back to it at nine?",
        "Whatever you pick for dinner sounds great.",
        "Whatever you want is fine with me!",
        "I'm sorry, that was my fault. I'll fix it tonight.",
        "It's not your fault the shop was closed.",
        "I felt left out when you made plans without me on Saturday. Can we plan together?",
        "I'm done with the dishes, want to watch something?",
        "Can you leave it by the door? I'll grab it later.",
        "Ok! See you at six.",
        "I feel like an idiot for forgetting my keys again.",
        "You never know, it might rain tomorrow.",
        "You always remember the little things. It means so much.",
        "I really don't care about the money, I just want us to be okay.",
        "Please don't text me while I'm in the meeting, I'll reply after.",
        "Can we not do presents this year and go on a trip instead?",
        "Done! The dishes are all clean.",
        "Great job on the presentation! You nailed it.",
        "My boss was ridiculous today, I need to vent.",
        "I can't talk right now, I'm driving. I'll call you at 6.",
        "You're not lazy, you're exhausted. Let me take the evening shift.",
    ],
)
def test_it_leaves_gentle_and_warm_messages_alone(text: str) -> None:
    assert labels_of(text) == set()


def test_spans_point_at_the_words_in_the_original_text() -> None:
    text = "Honestly?? Ur SO lazy. And whatever."
    verdict = analyze(text)
    assert verdict.labels == ("criticism", "stonewalling")
    by_label = {span.label: text[span.start : span.end] for span in verdict.spans}
    assert by_label["criticism"] == "Ur SO lazy"
    assert by_label["stonewalling"] == "whatever"


def test_spans_survive_curly_quotes_and_stretched_letters() -> None:
    text = "Sooo… it’s not my fault, okaaay?"
    verdict = analyze(text)
    assert verdict.labels == ("defensiveness",)
    (span,) = verdict.spans
    assert text[span.start : span.end] == "not my fault"


def test_each_label_comes_with_its_antidote() -> None:
    verdict = analyze("You never listen. Whatever.")
    names = {antidote.label: antidote.name for antidote in verdict.antidotes}
    assert names == {"criticism": "Gentle start-up", "stonewalling": "Self-soothing"}


def test_a_clean_message_has_no_rewrite() -> None:
    verdict = analyze("Thank you for picking up the groceries.")
    assert verdict.labels == ()
    assert verdict.spans == ()
    assert verdict.rewrite is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_message_is_refused(text: str) -> None:
    with pytest.raises(MessageError, match="empty"):
        analyze(text)


def test_an_over_long_message_is_refused_and_the_limit_itself_is_fine() -> None:
    with pytest.raises(MessageError, match=str(MAX_MESSAGE)):
        analyze("a" * (MAX_MESSAGE + 1))
    assert analyze("You never listen. " * (MAX_MESSAGE // 18))
    assert len("You never listen. " * (MAX_MESSAGE // 18)) <= MAX_MESSAGE
