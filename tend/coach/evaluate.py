"""How well the draft check agrees with a labelled set: ``python -m tend.coach.evaluate [files]``.

Each file holds JSON lines ``{"text": ..., "labels": [...]}``. For every file the
report gives per-label precision, recall and F1, the macro-F1 over the four
labels, the share of messages whose label set is exactly right, and the false
alarm rate: the share of messages with no label that got one anyway.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tend.coach.analyzer import LABELS, detect

# The labelling guide's examples sit beside the checkout (../shared/coach), when they do.
DEV_SET = Path(__file__).resolve().parents[2].parent / "shared" / "coach" / "dev-set.jsonl"
DATA = Path(__file__).resolve().parent / "data"
SET_NAMES = {
    "dev-set.jsonl": "dev set (the labelling guide's examples)",
    "train.jsonl": "train (the rules were written against it)",
    "heldout.jsonl": "held-out (written independently, never tuned on)",
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    name: str
    total: int = 0
    exact: int = 0
    clean_total: int = 0
    false_alarms: int = 0
    per_label: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LABELS})
    misses: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.per_label.values()) / len(self.per_label)

    @property
    def exact_match(self) -> float:
        return self.exact / self.total if self.total else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean_total if self.clean_total else 0.0


def read_examples(path: Path) -> list[tuple[str, set[str]]]:
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                examples.append((item["text"], set(item.get("labels", []))))
    return examples


def evaluate(name: str, examples: Iterable[tuple[str, set[str]]]) -> Report:
    report = Report(name)
    for text, expected in examples:
        found = set(detect(text)[0])
        report.total += 1
        report.exact += found == expected
        if not expected:
            report.clean_total += 1
            report.false_alarms += bool(found)
        for label in LABELS:
            counts = report.per_label[label]
            if label in found and label in expected:
                counts.tp += 1
            elif label in found:
                counts.fp += 1
            elif label in expected:
                counts.fn += 1
        if found != expected:
            report.misses.append((text, sorted(expected), sorted(found)))
    return report


def format_report(report: Report, *, show_misses: bool = False) -> str:
    lines = [f"== {report.name}: {report.total} messages"]
    lines.append(f"{'label':<15}{'precision':>10}{'recall':>9}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for label, c in report.per_label.items():
        lines.append(
            f"{label:<15}{c.precision:>10.2f}{c.recall:>9.2f}{c.f1:>7.2f}{c.tp:>5}{c.fp:>5}{c.fn:>5}"
        )
    lines.append(
        f"macro-F1 {report.macro_f1:.3f}   exact match {report.exact_match:.3f}   "
        f"false alarms {report.false_alarms}/{report.clean_total} "
        f"({report.false_alarm_rate:.1%}) on messages with no label"
    )
    if show_misses:
        for text, expected, found in report.misses:
            lines.append(f"  want {expected} got {found}: {text}")
    return "\n".join(lines)


def default_files() -> list[Path]:
    candidates = [DEV_SET, DATA / "train.jsonl", DATA / "heldout.jsonl"]
    return [path for path in candidates if path.exists()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path, help="JSON-lines files (default: all sets)")
    parser.add_argument("--misses", action="store_true", help="list the messages it gets wrong")
    args = parser.parse_args(argv)
    files = args.files or default_files()
    if not files:
        print("no labelled sets found", file=sys.stderr)
        return 1
    for index, path in enumerate(files):
        if index:
            print()
        name = SET_NAMES.get(path.name, str(path))
        print(format_report(evaluate(name, read_examples(path)), show_misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
