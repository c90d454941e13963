"""Reading love-map rounds as one person sees them.

Entries are read through ``visible_to`` (content) and ``known_to`` (only who
wrote for which prompt), so a sealed answer or guess never leaves the database
for someone who may not read it yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from tend.accounts.models import User
from tend.love_map.models import LEARNED_MARKS, Entry, Kind, Mark, Round
from tend.love_map.selection import prompts_by_id, topic_titles
from tend.pairs.models import Pair

# What a round is, as the viewer sees it.
WRITE = "write"  # my answers or guesses are still to write
WAITING = "waiting"  # mine are written, the other person's not yet
MARK = "mark"  # both wrote: the subject marks the guesses
REVEALED = "revealed"  # both wrote: the guesser waits for the marks
MARKED = "marked"  # finished: the result
ENDED = "ended"  # the pair ended before the round was finished


def get_round_for(user: User, code: str) -> Round:
    """A round of a pair ``user`` is in (open, or ended by the other person), or 404."""
    found = (
        Round.objects.select_related("pair", "subject", "guesser")
        .filter(code=code, pair__in=Pair.objects.of(user))
        .first()
    )
    if found is None or found.kind_for(user) is None:
        raise Http404
    return found


def state_of(round: Round, user: User, mine: int, theirs: int) -> str:
    size = len(round.prompt_ids)
    if round.is_marked:
        return MARKED
    if not round.pair.is_open:
        return ENDED
    if mine < size:
        return WRITE
    if theirs < size:
        return WAITING
    return MARK if round.subject_id == user.pk else REVEALED


@dataclass
class Row:
    """One prompt of a round: the subject's answer and the guess, each while open to me."""

    prompt_id: str
    text: str
    topic: str
    answer: Entry | None = None
    guess: Entry | None = None

    @property
    def mark(self) -> str:
        return self.guess.mark if self.guess is not None else ""

    @property
    def mark_label(self) -> str:
        return str(Mark(self.mark).label) if self.mark else ""


@dataclass
class Result:
    right: int = 0
    close: int = 0
    new: int = 0


@dataclass
class RoundView:
    round: Round
    viewer: User
    kind: Kind
    other: User | None
    state: str
    rows: list[Row]
    mine_written: int
    theirs_written: int
    result: Result = field(default_factory=Result)

    @property
    def is_subject(self) -> bool:
        return self.kind == Kind.ABOUT_ME

    @property
    def learned(self) -> list[Row]:
        """Answers whose guess was close or new: what the guesser learned this round."""
        if self.state != MARKED:
            return []
        return [r for r in self.rows if r.answer is not None and r.mark in LEARNED_MARKS]


def _rows(prompt_ids: list[str]) -> list[Row]:
    prompts = prompts_by_id()
    topics = topic_titles()
    rows = []
    for prompt_id in prompt_ids:
        prompt = prompts.get(prompt_id)
        rows.append(
            Row(
                prompt_id,
                prompt.text if prompt is not None else prompt_id,
                topics.get(prompt.topic, "") if prompt is not None else "",
            )
        )
    return rows


def round_view(user: User, round: Round) -> RoundView:
    """The round as ``user`` sees it: two queries, whatever the pair's history."""
    kind = round.kind_for(user)
    if kind is None:
        raise Http404
    rows = _rows(round.prompt_ids)
    by_id = {row.prompt_id: row for row in rows}
    for entry in Entry.objects.visible_to(user).filter(round=round).order_by():
        row = by_id.get(entry.prompt_id)
        if row is None:
            continue
        if entry.kind == Kind.ABOUT_ME and entry.owner_id == round.subject_id:
            row.answer = entry
        elif entry.kind == Kind.GUESS and entry.owner_id == round.guesser_id:
            row.guess = entry
    # Who wrote for how many prompts may be known; what they wrote, only once opened.
    counts = dict(
        Entry.objects.known_to(user)
        .filter(round=round)
        .values_list("owner_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    mine = counts.get(user.pk, 0)
    theirs = sum(n for owner, n in counts.items() if owner != user.pk)
    view = RoundView(
        round=round,
        viewer=user,
        kind=kind,
        other=round.other_of(user),
        state=state_of(round, user, mine, theirs),
        rows=rows,
        mine_written=mine,
        theirs_written=theirs,
    )
    for row in rows:
        if row.mark == Mark.RIGHT:
            view.result.right += 1
        elif row.mark == Mark.CLOSE:
            view.result.close += 1
        elif row.mark == Mark.NEW:
            view.result.new += 1
    return view


def _with_counts(rounds: QuerySet[Round], user: User) -> QuerySet[Round]:
    return rounds.select_related("subject", "guesser", "pair").annotate(
        mine=Count("entries", filter=Q(entries__owner=user)),
        theirs=Count("entries", filter=~Q(entries__owner=user)),
        right=Count("entries", filter=Q(entries__mark=Mark.RIGHT)),
        close=Count("entries", filter=Q(entries__mark=Mark.CLOSE)),
        new=Count("entries", filter=Q(entries__mark=Mark.NEW)),
    )


def summarise(rounds: list[Any], user: User) -> list[Any]:
    """Give each annotated round its ``state`` and its ``other`` person for ``user``."""
    for r in rounds:
        r.state = state_of(r, user, r.mine, r.theirs)
        r.other = r.other_of(user)
        r.is_subject = r.subject_id == user.pk
    return rounds


def rounds_of(user: User, pair: Pair | None = None) -> QuerySet[Round]:
    """Rounds of ``pair`` (or of every pair ``user`` is in), newest first, with counts."""
    rounds = Round.objects.filter(pair__in=Pair.objects.of(user)).filter(
        Q(subject=user) | Q(guesser=user)
    )
    if pair is not None:
        rounds = rounds.filter(pair=pair)
    return _with_counts(rounds, user).order_by("-created_at", "-pk")


def unfinished(user: User, pair: Pair) -> list[Any]:
    return summarise(list(rounds_of(user, pair).filter(marked_at__isnull=True)), user)


def finished(user: User, pair: Pair) -> QuerySet[Round]:
    return rounds_of(user, pair).filter(marked_at__isnull=False).order_by("-marked_at", "-pk")


def learned_for(user: User, pair: Pair | None = None) -> QuerySet[Entry]:
    """The other person's answers about themself that ``user`` guessed close or new to them.

    Newest round first; only answers ``user`` may read (``visible_to``).
    """
    guess_mark = Entry.objects.filter(
        round=OuterRef("round"),
        prompt_id=OuterRef("prompt_id"),
        owner=user,
        kind=Kind.GUESS,
    ).values("mark")[:1]
    answers = (
        Entry.objects.visible_to(user)
        .filter(kind=Kind.ABOUT_ME, round__guesser=user, round__marked_at__isnull=False)
        .exclude(owner=user)
        .annotate(learned_mark=Subquery(guess_mark))
        .filter(learned_mark__in=LEARNED_MARKS)
        .select_related("round", "owner", "pair")
    )
    if pair is not None:
        answers = answers.filter(pair=pair)
    return answers.order_by("-round__marked_at", "-round__pk", "pk")


def learned_rows(entries: list[Entry]) -> list[dict[str, Any]]:
    prompts = prompts_by_id()
    rows = []
    for entry in entries:
        prompt = prompts.get(entry.prompt_id)
        rows.append(
            {
                "entry": entry,
                "prompt": prompt.text if prompt is not None else entry.prompt_id,
                "mark": entry.learned_mark,  # type: ignore[attr-defined]
                "mark_label": Mark(entry.learned_mark).label,  # type: ignore[attr-defined]
            }
        )
    return rows
