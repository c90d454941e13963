"""`tend coach check`, readable and as JSON lines."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from tend.coach.analyzer import MAX_MESSAGE
from tend.coach.cli import main


def run_lines(lines: list[str]) -> tuple[int, list[dict[str, object]]]:
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    stdout = io.StringIO()
    code = main(["check", "--jsonl"], stdin=stdin, stdout=stdout)
    return code, [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_it_answers_every_line_in_order_with_the_documented_keys() -> None:
    code, out = run_lines(
        [
            json.dumps({"text": "You never listen.", "id": 7, "extra": [1]}),
            json.dumps({"text": "Thanks for the tea!"}),
            json.dumps({"text": "whatever"}),
        ]
    )
    assert code == 0
    assert [item["text"] for item in out] == [
        "You never listen.",
        "Thanks for the tea!",
        "whatever",
    ]
    first, second, third = out
    assert set(first) == {"text", "labels", "spans", "rewrite"}
    assert first["labels"] == ["criticism"]
    assert first["spans"] == [{"label": "criticism", "start": 0, "end": 16}]
    assert isinstance(first["rewrite"], str)
    assert second == {"text": "Thanks for the tea!", "labels": [], "spans": [], "rewrite": None}
    assert third["labels"] == ["stonewalling"]


def test_bad_lines_get_an_error_object_in_their_place() -> None:
    code, out = run_lines(
        [
            json.dumps({"text": ""}),
            json.dumps({"text": "x" * (MAX_MESSAGE + 1)}),
            "{not json",
            json.dumps({"message": "no text key"}),
            json.dumps(["a", "list"]),
            json.dumps({"text": 42}),
            "",
            json.dumps({"text": "k"}),
        ]
    )
    assert code == 0
    assert len(out) == 8
    assert all("error" in item for item in out[:7])
    assert "empty" in str(out[0]["error"])
    assert str(MAX_MESSAGE) in str(out[1]["error"])
    assert out[7]["labels"] == ["stonewalling"]


def test_a_single_message_gets_a_readable_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Why are you always late? You're so selfish."]) == 0
    shown = capsys.readouterr().out
    assert "Flags: criticism" in shown
    assert '"You\'re so selfish"' in shown
    assert "Gentle start-up" in shown
    assert "Try instead: I feel frustrated about being on time" in shown


def test_a_clean_message_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Could we keep Thursdays for the two of us?"]) == 0
    assert "No flags" in capsys.readouterr().out


def test_an_empty_message_on_the_command_line_is_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "  "]) == 2
    assert "empty" in capsys.readouterr().err


def test_the_tend_command_runs_it_in_its_own_process() -> None:
    lines = '{"text": "Drop it."}\n{"text": "I love you"}\n'
    result = subprocess.run(
        [sys.executable, "-m", "tend.cli", "coach", "check", "--jsonl"],
        input=lines,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["labels"] for item in out] == [["stonewalling"], []]
