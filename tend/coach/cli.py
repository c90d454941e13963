"""``tend coach check``: the draft check from the command line.

``tend coach check "text"`` prints a readable verdict with the rewrite.
``tend coach check --jsonl`` reads JSON lines ``{"text": "..."}`` on standard input
and writes one JSON line per input line, in order. A line that cannot be read
(not JSON, no text, empty or over-long text) gets ``{"error": ...}`` in its place;
the exit code is 0 when every line was read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from tend.coach.analyzer import MAX_MESSAGE, MessageError, Verdict, analyze


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tend coach",
        description="Check a draft for criticism, contempt, defensiveness and stonewalling.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check one message, or JSON lines on standard input",
        description=f"Check a message (at most {MAX_MESSAGE} characters). Runs offline.",
    )
    check.add_argument("text", nargs="?", help="the message to check")
    check.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"text": ...} lines on standard input, write one JSON verdict per line',
    )
    return parser


def describe(verdict: Verdict) -> str:
    """A verdict in words, for a person at a terminal."""
    if not verdict.labels:
        return "No flags. This reads as a gentle message."
    lines = [f"Flags: {', '.join(verdict.labels)}"]
    for label, antidote in zip(verdict.labels, verdict.antidotes, strict=True):
        words = [
            f'"{verdict.text[span.start : span.end]}"'
            for span in verdict.spans
            if span.label == label
        ]
        lines.append(f"- {label}: {', '.join(words)}")
        lines.append(f"  {antidote.name}: {antidote.text}")
    if verdict.rewrite:
        lines.append(f"Try instead: {verdict.rewrite}")
    return "\n".join(lines)


def _line_result(line: str) -> dict[str, object]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": f"not valid JSON: {exc.msg}"}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return {"error": 'expected an object with a "text" string'}
    try:
        return analyze(item["text"]).as_dict()
    except MessageError as exc:
        return {"text": item["text"], "error": str(exc)}


def check_lines(stdin: TextIO, stdout: TextIO) -> int:
    for raw in stdin:
        line = raw.rstrip("\r\n")
        result = _line_result(line) if line.strip() else {"error": "empty line"}
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


def main(
    argv: Sequence[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = _parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.jsonl:
        if args.text is not None:
            parser.error("give either a message or --jsonl, not both")
        return check_lines(stdin, stdout)
    if args.text is None:
        parser.error("give a message to check, or --jsonl")
    try:
        verdict = analyze(args.text)
    except MessageError as exc:
        print(f"tend coach: {exc}", file=stderr)
        return 2
    print(describe(verdict), file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
