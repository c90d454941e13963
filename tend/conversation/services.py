"""The rules of asking and answering: which prompt a pair gets, answering, skipping,
asking, reactions, replies, favourites and the prompts a pair writes itself.

Pages and the API call these; they never change conversation rows themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tend.accounts.models import User
from tend.conversation import content
from tend.conversation.models import (
    OURS,
    Answer,
    ConversationSettings,
    Favourite,
    PairPrompt,
    Question,
    QuestionKind,
    Reaction,
    ReactionKind,
    Reply,
)
from tend.conversation.selection import Candidate, choose
from tend.lib.errors import RuleBroken
from tend.lib.timezones import local_date
from tend.pairs.models import Pair
from tend.privacy.models import Answers, Visibility

#: Times a pair may pass over the day's prompt for another one.
SKIPS_PER_DAY = 2
#: Questions one person may ask the other in a day.
ASKS_PER_DAY = 3
#: Messages in the thread under one question: a short exchange, not a chat.
MAX_REPLIES = 20


class AnswerError(RuleBroken):
    """A rule of asking or answering was broken; the message is safe to show."""


class AlreadyAnswered(AnswerError):
    status = 409


# --- the pair's day and its pool ------------------------------------------------------
def pair_today(pair: Pair, now: dt.datetime | None = None) -> dt.date:
    """The pair's own day: both people get the same question whatever their zones."""
    return local_date(pair.time_zone, now)


def chosen_categories(pair: Pair) -> list[str]:
    """The categories the pair switched on; empty means all of them."""
    chosen = (
        ConversationSettings.objects.filter(pair=pair).values_list("categories", flat=True).first()
    )
    return list(chosen or [])


def category_choices() -> list[tuple[str, str]]:
    """Every category a pair can switch on, its own prompts last."""
    return [(c.category, c.title) for c in content.categories().values()] + [
        (OURS, _("Questions we wrote"))
    ]


def pool_for(pair: Pair) -> list[Candidate]:
    """The prompts of the categories the pair switched on (all when none is chosen)."""
    wanted = set(chosen_categories(pair))
    pool = [
        Candidate(prompt.id, category.category, prompt.depth)
        for category in content.categories().values()
        if not wanted or category.category in wanted
        for prompt in category.prompts
    ]
    if not wanted or OURS in wanted:
        pool += [
            Candidate(p.candidate_id, OURS, p.depth)
            for p in PairPrompt.objects.filter(pair=pair, retired_at__isnull=True)
        ]
    return pool


def _all_decks() -> list[Candidate]:
    return [
        Candidate(prompt.id, category.category, prompt.depth)
        for category in content.categories().values()
        for prompt in category.prompts
    ]


def answered_together(pair: Pair) -> int:
    """Questions both people answered and shared: how far the pair has come."""
    return (
        Question.objects.filter(pair=pair)
        .annotate(
            sharers=Count(
                "answers__owner",
                distinct=True,
                filter=Q(answers__visibility=Visibility.SHARED),
            )
        )
        .filter(sharers__gte=2)
        .count()
    )


def _history(pair: Pair) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """When each prompt was last put to the pair (given, asked or skipped), and when
    each category was last used."""
    seen: dict[str, dt.date] = {}
    by_id = content.prompts_by_id()
    rows = Question.objects.filter(pair=pair).values_list("prompt_id", "pair_prompt__code", "day")
    category_last_used: dict[str, dt.date] = {}
    for prompt_id, own_code, day in rows:
        key = prompt_id or (f"{OURS}:{own_code}" if own_code else "")
        if not key:
            continue
        seen[key] = max(day, seen.get(key, day))
        category = by_id[prompt_id][0].category if prompt_id in by_id else OURS
        category_last_used[category] = max(day, category_last_used.get(category, day))
    return seen, category_last_used


def _pick(pair: Pair, day: dt.date, avoid: Iterable[str] = ()) -> Candidate:
    seen, category_last_used = _history(pair)
    avoided = set(avoid)
    pool = [c for c in pool_for(pair) if c.id not in avoided]
    if not pool:
        # Only "questions we wrote" is on and none is left: rather than no question
        # at all, the day's comes from every deck.
        pool = [c for c in _all_decks() if c.id not in avoided]
    pick = choose(
        pool,
        seen=seen,
        answered_together=answered_together(pair),
        day=day,
        seed=pair.code,
        category_last_used=category_last_used,
    )
    if pick is None:
        raise AnswerError(_("There are no prompts in the categories this pair chose."))
    return pick


def _prompt_fields(pair: Pair, candidate_id: str) -> dict[str, Any]:
    """The Question fields naming a candidate: a content id or one of the pair's own."""
    if candidate_id.startswith(f"{OURS}:"):
        own = PairPrompt.objects.filter(pair=pair, code=candidate_id.split(":", 1)[1]).first()
        return {"prompt_id": "", "pair_prompt": own}
    return {"prompt_id": candidate_id, "pair_prompt": None}


# --- the question of the day ------------------------------------------------------------
def question_for(pair: Pair, day: dt.date | None = None) -> Question:
    """The pair's question for ``day`` (default: the pair's today), chosen once."""
    day = day or pair_today(pair)
    existing = Question.objects.filter(pair=pair, day=day, kind=QuestionKind.DAILY).first()
    if existing is not None:
        return existing
    pick = _pick(pair, day)
    try:
        # Both people may open Today at the same moment: the unique constraint
        # lets one of them create the question and the other read it.
        with transaction.atomic():
            return Question.objects.create(
                pair=pair, day=day, kind=QuestionKind.DAILY, **_prompt_fields(pair, pick.id)
            )
    except IntegrityError:
        return Question.objects.get(pair=pair, day=day, kind=QuestionKind.DAILY)


def today_question(user: User, pair: Pair) -> Question:
    """Today's question of ``pair`` for one of its members."""
    _require_open_member(user, pair)
    return question_for(pair)


def skips_left(pair: Pair, day: dt.date) -> int:
    used = Question.objects.filter(pair=pair, day=day, kind=QuestionKind.SKIPPED).count()
    return max(0, SKIPS_PER_DAY - used)


def skip(user: User, question: Question) -> Question:
    """Pass over today's question for another one; the skipped one counts as seen.

    The skipped question keeps its row (and any private answer already written to
    it), so nothing anyone wrote changes its meaning. Refused once either of us has
    answered it in a way the other can know of.
    """
    _require_open_member(user, question.pair)
    with transaction.atomic():
        locked = Question.objects.select_for_update().select_related("pair").get(pk=question.pk)
        pair = locked.pair
        if locked.kind != QuestionKind.DAILY or locked.day != pair_today(pair):
            raise AnswerError(_("Only today's question can be skipped."))
        answered = Answer.objects.filter(question=locked).filter(
            Q(owner=user) | Q(visibility=Visibility.SHARED)
        )
        if answered.exists():
            raise AnswerError(_("One of you has answered this question already; it stays."))
        if skips_left(pair, locked.day) == 0:
            raise AnswerError(
                ngettext(
                    "You can skip %(count)d question a day; this one stays.",
                    "You can skip %(count)d questions a day; this one stays.",
                    SKIPS_PER_DAY,
                )
                % {"count": SKIPS_PER_DAY}
            )
        locked.kind = QuestionKind.SKIPPED
        locked.skipped_by = user
        locked.save(update_fields=["kind", "skipped_by"])
        pick = _pick(pair, locked.day, avoid=[locked.candidate_id])
        return Question.objects.create(
            pair=pair, day=locked.day, kind=QuestionKind.DAILY, **_prompt_fields(pair, pick.id)
        )


# --- asking one's partner -----------------------------------------------------------------
def ask(
    user: User, pair: Pair, *, prompt_id: str = "", own_prompt: PairPrompt | None = None
) -> Question:
    """Put a chosen prompt (from the decks, or one the pair wrote) to both of us now."""
    _require_open_member(user, pair)
    if bool(prompt_id) == (own_prompt is not None):
        raise AnswerError(_("Choose one prompt to ask."))
    if prompt_id and prompt_id not in content.prompts_by_id():
        raise AnswerError(_("There is no such prompt."))
    if own_prompt is not None and (own_prompt.pair_id != pair.pk or own_prompt.retired_at):
        raise AnswerError(_("There is no such prompt."))
    today = pair_today(pair)
    with transaction.atomic():
        # The pair's row is the lock: two asks at once are counted one after the other.
        Pair.objects.select_for_update().filter(pk=pair.pk).first()
        return _ask_within_limit(user, pair, today, prompt_id, own_prompt)


def _ask_within_limit(
    user: User, pair: Pair, today: dt.date, prompt_id: str, own_prompt: PairPrompt | None
) -> Question:
    asked_today = Question.objects.filter(
        pair=pair, kind=QuestionKind.ASKED, asked_by=user, day=today
    ).count()
    if asked_today >= ASKS_PER_DAY:
        raise AnswerError(
            ngettext(
                "You can ask %(count)d question a day; the rest can wait for tomorrow.",
                "You can ask %(count)d questions a day; the rest can wait for tomorrow.",
                ASKS_PER_DAY,
            )
            % {"count": ASKS_PER_DAY}
        )
    return Question.objects.create(
        pair=pair,
        day=today,
        kind=QuestionKind.ASKED,
        asked_by=user,
        prompt_id=prompt_id,
        pair_prompt=own_prompt,
    )


# --- reading -------------------------------------------------------------------------------
def get_question_for(user: User, code: str) -> Question:
    """A question of a pair ``user`` belongs to (also one that has ended), or 404."""
    question = (
        Question.objects.select_related("pair", "pair_prompt", "asked_by")
        .filter(code=code, pair__in=Pair.objects.of(user))
        .first()
    )
    if question is None:
        raise Http404
    return question


def answers_for(user: User, question: Question) -> Answers:
    """Mine and my partner's answer, the partner's only once opened (one query)."""
    return Answer.objects.answers_for(user, question.pair, question=question)


def is_open(answers: Answers) -> bool:
    """Both answered and shared: the question is open for the reader."""
    return (
        answers.mine is not None
        and answers.mine.visibility == Visibility.SHARED
        and answers.partner is not None
        and answers.partner.visibility == Visibility.SHARED
    )


def with_state(questions: QuerySet[Question], user: User) -> QuerySet[Question]:
    """Annotate what ``user`` may know of each question, in the same query:
    ``i_answered``, ``i_shared``, ``partner_answered`` (shared, so opened or sealed)
    and ``is_favourite``. Never the partner's words."""
    mine = Answer.objects.filter(question=OuterRef("pk"), owner=user)
    # As in ``visible_to``: once a pair has ended, the partner's answers are not there.
    theirs = Answer.objects.filter(
        question=OuterRef("pk"),
        visibility=Visibility.SHARED,
        pair__in=Pair.objects.open_for(user),
    ).exclude(owner=user)
    return questions.annotate(
        i_answered=Exists(mine),
        i_shared=Exists(mine.filter(visibility=Visibility.SHARED)),
        partner_answered=Exists(theirs),
        is_favourite=Exists(Favourite.objects.filter(question=OuterRef("pk"), owner=user)),
    )


@cache
def _glance_sql() -> str:
    """The SQL of :func:`glance`, written once from the models' own table and column
    names (quoted for the database in use)."""
    q = connection.ops.quote_name
    question, answer, own = (m._meta for m in (Question, Answer, PairPrompt))

    def col(meta: Any, field: str) -> str:
        return f"{q(meta.db_table)}.{q(meta.get_field(field).column)}"

    return (
        # Only names from the models' meta are formatted in; every value is a parameter.
        f"SELECT {col(question, 'id')}, {col(question, 'code')}, {col(question, 'prompt_id')}, "  # noqa: S608
        f"{col(question, 'pair_prompt')}, {col(own, 'text')}, "
        f"{col(answer, 'owner')}, {col(answer, 'visibility')} "
        f"FROM {q(question.db_table)} "
        f"LEFT JOIN {q(own.db_table)} ON {col(own, 'id')} = {col(question, 'pair_prompt')} "
        f"LEFT JOIN {q(answer.db_table)} ON {col(answer, 'question')} = {col(question, 'id')} "
        f"WHERE {col(question, 'pair')} = %s AND {col(question, 'day')} = %s "
        f"AND {col(question, 'kind')} = %s"
    )


def glance(user: User, pair: Pair, day: dt.date) -> Question | None:
    """The pair's question of ``day`` with :func:`with_state`'s flags (not
    ``is_favourite``), in one light query: the Today page runs this on every view.

    It is plain SQL because the ORM's work of compiling the joined query costs ten
    times what the database takes to answer it, on the page with the tightest budget;
    a test holds it equal to :func:`with_state` for every combination of answers.
    One row per answer (or one row when nobody answered) carries the question and the
    owner and visibility of each answer, never an answer's words.
    """
    params = [pair.pk, connection.ops.adapt_datefield_value(day), QuestionKind.DAILY.value]
    with connection.cursor() as cursor:
        cursor.execute(_glance_sql(), params)
        rows = cursor.fetchall()
    if not rows:
        return None
    pk, code, prompt_id, own_id, own_text = rows[0][:5]
    question = Question(
        pk=pk, code=code, pair=pair, day=day, kind=QuestionKind.DAILY, prompt_id=prompt_id
    )
    if own_id is not None:
        field: Any = PairPrompt._meta.get_field("text")
        text = field.from_db_value(own_text, None, connection) or ""
        question.pair_prompt = PairPrompt(pk=own_id, pair=pair, text=text)
    mine = [visibility for *_, owner, visibility in rows if owner == user.pk]
    question.i_answered = bool(mine)  # type: ignore[attr-defined]
    question.i_shared = Visibility.SHARED in mine  # type: ignore[attr-defined]
    question.partner_answered = any(  # type: ignore[attr-defined]
        owner is not None and owner != user.pk and visibility == Visibility.SHARED
        for *_, owner, visibility in rows
    )
    return question


@dataclass(frozen=True)
class QuestionState:
    """What one person sees of a question, without its answers' words."""

    #: "to_answer"; "to_open" (the partner answered first); "waiting" (for the
    #: partner); "opened"; "kept" (I kept my answer to myself, so theirs stays closed).
    value: str

    @classmethod
    def of(cls, question: Any) -> QuestionState:
        if not question.i_answered:
            return cls("to_open" if question.partner_answered else "to_answer")
        if not question.i_shared:
            return cls("kept")
        return cls("opened" if question.partner_answered else "waiting")


def thread(user: User, question: Question) -> list[Reply]:
    return list(Reply.objects.visible_to(user).filter(question=question).select_related("owner"))


def reactions_by_answer(answers: Iterable[Answer | None]) -> dict[int, list[Reaction]]:
    ids = [a.pk for a in answers if a is not None]
    found: dict[int, list[Reaction]] = {pk: [] for pk in ids}
    for reaction in Reaction.objects.filter(answer_id__in=ids).select_related("owner"):
        found[reaction.answer_id].append(reaction)
    return found


# --- writing ---------------------------------------------------------------------------------
def answer(
    user: User, question: Question, text: str, visibility: str = Visibility.SHARED
) -> Answer:
    """Answer once; the partner's answer opens for ``user`` when this one is shared."""
    if not Pair.objects.open_for(user).filter(pk=question.pair_id).exists():
        raise AnswerError(_("You can only answer your own pair's question."))
    item = Answer(
        owner=user, pair=question.pair, question=question, text=text, visibility=visibility
    )
    item.full_clean(exclude=["owner", "pair", "question"])
    try:
        with transaction.atomic():
            # Locked, so a skip at the same moment either comes first (and this is
            # refused) or waits until this answer is in (and the skip is refused).
            kind = (
                Question.objects.select_for_update()
                .filter(pk=question.pk)
                .values_list("kind", flat=True)
                .first()
            )
            if kind == QuestionKind.SKIPPED:
                raise AnswerError(_("This question was skipped; today's question is another one."))
            item.save()
    except IntegrityError as exc:
        raise AlreadyAnswered(_("You have already answered this question.")) from exc
    return item


def _require_opened(user: User, question: Question) -> Answers:
    _require_open_member(user, question.pair)
    answers = answers_for(user, question)
    if not is_open(answers):
        raise AnswerError(_("This question opens once you have both answered it."))
    return answers


def react(user: User, question: Question, answer_code: str, kind: str) -> Reaction | None:
    """React to my partner's opened answer; the same reaction again takes it back."""
    if kind not in ReactionKind.values:
        raise AnswerError(_("Choose one of the reactions offered."))
    answers = _require_opened(user, question)
    target = answers.partner
    if target is None or target.code != answer_code:
        raise AnswerError(_("You can react to your partner's answer."))
    with transaction.atomic():
        existing = Reaction.objects.select_for_update().filter(answer=target, owner=user).first()
        if existing is not None and existing.kind == kind:
            existing.delete()
            return None
        if existing is not None:
            existing.kind = kind
            existing.save(update_fields=["kind"])
            return existing
    try:
        with transaction.atomic():
            return Reaction.objects.create(answer=target, owner=user, kind=kind)
    except IntegrityError:
        # A double click: the first one reacted already; this one sets the same.
        return Reaction.objects.update_or_create(
            answer=target, owner=user, defaults={"kind": kind}
        )[0]


def reply(user: User, question: Question, text: str) -> Reply:
    """Add to the short thread under an opened question."""
    _require_opened(user, question)
    item = Reply(
        owner=user,
        pair=question.pair,
        question=question,
        text=text,
        visibility=Visibility.SHARED,
    )
    item.full_clean(exclude=["owner", "pair", "question"])
    with transaction.atomic():
        # Lock the question so two replies at once cannot both pass the limit.
        Question.objects.select_for_update().filter(pk=question.pk).first()
        if Reply.objects.filter(question=question).count() >= MAX_REPLIES:
            raise AnswerError(_("This thread is full; the rest is better said face to face."))
        item.save()
    return item


def set_favourite(user: User, question: Question, on: bool) -> bool:
    """Mark or unmark a question for ``user`` only; returns the new state."""
    if not Pair.objects.of(user).filter(pk=question.pair_id).exists():
        raise Http404
    if on:
        Favourite.objects.get_or_create(owner=user, question=question)
    else:
        Favourite.objects.filter(owner=user, question=question).delete()
    return on


# --- the pair's own prompts and settings ---------------------------------------------------------
def write_prompt(user: User, pair: Pair, text: str, depth: int = 1) -> PairPrompt:
    _require_open_member(user, pair)
    item = PairPrompt(
        owner=user, pair=pair, text=text.strip(), depth=depth, visibility=Visibility.SHARED
    )
    item.full_clean(exclude=["owner", "pair"])
    item.save()
    return item


def own_prompts(pair: Pair) -> QuerySet[PairPrompt]:
    return PairPrompt.objects.filter(pair=pair, retired_at__isnull=True).select_related("owner")


def get_own_prompt(user: User, code: str) -> PairPrompt:
    """A prompt of a pair ``user`` shares in, still in use, or 404."""
    found = (
        PairPrompt.objects.filter(
            code=code, pair__in=Pair.objects.open_for(user), retired_at__isnull=True
        )
        .select_related("pair")
        .first()
    )
    if found is None:
        raise Http404
    return found


def remove_prompt(user: User, prompt: PairPrompt) -> None:
    """Either of the pair may remove it; one already asked is kept for its questions."""
    _require_open_member(user, prompt.pair)  # type: ignore[arg-type]
    if prompt.questions.exists():
        prompt.retired_at = timezone.now()
        prompt.save(update_fields=["retired_at"])
    else:
        prompt.delete()


def update_settings(user: User, pair: Pair, categories: list[str]) -> list[str]:
    """Switch categories on; at least one, and only ones that exist."""
    _require_open_member(user, pair)
    known = {slug for slug, _title in category_choices()}
    unknown = sorted(set(categories) - known)
    if unknown:
        raise AnswerError(_("Unknown categories: %(names)s.") % {"names": ", ".join(unknown)})
    if not categories:
        raise AnswerError(_("Choose at least one category."))
    chosen = [slug for slug, _title in category_choices() if slug in set(categories)]
    if chosen == [OURS] and not own_prompts(pair).exists():
        raise AnswerError(_("Write a question of your own first, or switch on a deck as well."))
    stored = [] if set(chosen) == known else chosen
    ConversationSettings.objects.update_or_create(pair=pair, defaults={"categories": stored})
    return chosen


def _require_open_member(user: User, pair: Pair) -> None:
    ids = getattr(user, "_tend_open_pair_ids", None)
    member = (
        pair.pk in ids
        if ids is not None
        else (Pair.objects.open_for(user).filter(pk=pair.pk).exists())
    )
    if not member:
        raise AnswerError(_("This is not a pair you share in now."))
