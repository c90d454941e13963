from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from tend.coach.analyzer.normalize import normalise
from tend.coach.analyzer.rules import LABELS, RULES_FILE, RulesError, load_rules, parse


@pytest.fixture
def raw() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return copy.deepcopy(data)


def test_the_rules_load_with_every_label_and_an_antidote_each() -> None:
    rules = load_rules()
    assert set(rules.labels) == set(LABELS)
    assert {rule.label for rule in rules.rules} == set(LABELS)
    for spec in rules.labels.values():
        assert spec.antidote and spec.feeling and spec.need


def test_an_unknown_macro_is_refused(raw: dict[str, Any]) -> None:
    raw["labels"]["criticism"]["rules"][0]["patterns"].append(r"\b{NOPE}\b")
    with pytest.raises(RulesError, match="unknown macro"):
        parse(raw)


def test_a_pattern_that_does_not_compile_is_refused(raw: dict[str, Any]) -> None:
    raw["labels"]["contempt"]["rules"][0]["patterns"].append(r"(unclosed")
    with pytest.raises(RulesError, match="does not compile"):
        parse(raw)


def test_an_unknown_guard_is_refused(raw: dict[str, Any]) -> None:
    raw["labels"]["stonewalling"]["rules"][0]["unless"] = ["@nope"]
    with pytest.raises(RulesError, match="unknown guard"):
        parse(raw)


def test_a_missing_label_or_a_stray_key_is_refused(raw: dict[str, Any]) -> None:
    broken = copy.deepcopy(raw)
    del broken["labels"]["defensiveness"]
    with pytest.raises(RulesError, match="labels missing"):
        parse(broken)
    raw["labels"]["contempt"]["colour"] = "red"
    with pytest.raises(RulesError):
        parse(raw)


def test_a_rule_id_used_twice_is_refused(raw: dict[str, Any]) -> None:
    first = raw["labels"]["criticism"]["rules"][0]["id"]
    raw["labels"]["contempt"]["rules"][0]["id"] = first
    with pytest.raises(RulesError, match="used twice"):
        parse(raw)


def test_normalising_expands_texting_and_keeps_the_way_back() -> None:
    rules = load_rules()
    text = "Ur sooo LAZY, u dont even try"
    norm = normalise(text, rules.forms, rules.keep_double)
    assert norm.text == "ur so lazy, you don't even try"
    start = norm.text.index("lazy")
    assert text.__getitem__(slice(*norm.original_span(start, start + 4))) == "LAZY"
    start = norm.text.index("don't")
    assert text.__getitem__(slice(*norm.original_span(start, start + 5))) == "dont"
    start = norm.text.index("so")
    assert text.__getitem__(slice(*norm.original_span(start, start + 2))) == "sooo"
    assert normalise("too goood", rules.forms, rules.keep_double).text == "too good"
