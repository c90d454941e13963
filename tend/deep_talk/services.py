"""Starting an evening, moving through it, placing closeness and keeping notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.conversation import content
from tend.deep_talk.models import (
    QUESTIONS_PER_SET,
    SETS,
    ClosenessRating,
    Moment,
    Talk,
    TalkNote,
    TalkState,
)
from tend.lib.errors import RuleBroken
from tend.pairs.models import Membership, Pair
from tend.privacy.models import Answers, Visibility

if TYPE_CHECKING:
    from tend.accounts.models import User

ACTIONS = ("begin", "next", "back", "pause", "resume", "continue", "finish")


class DeepTalkError(RuleBroken):
    """A rule of the deep-talk evening was broken; the message is safe to show."""


class MovedOn(DeepTalkError):
    """Someone else moved the evening on first (two phones, one evening)."""

    status = 409


def with_people(qs: Any) -> Any:
    members = Membership.objects.select_related("user").only(
        "pair_id", "user_id", "joined_at", "left_at", "user__display_name"
    )
    return qs.select_related("pair", "first_speaker").prefetch_related(
        Prefetch("pair__memberships", queryset=members)
    )


def get_talk_for(user: User, code: str) -> Talk:
    """A talk of a pair ``user`` belongs to, or 404: another pair's talk does not exist."""
    talk = with_people(Talk.objects.of(user)).filter(code=code).first()
    if talk is None:
        raise Http404
    return talk


def unfinished_talk(pair: Pair | None) -> Talk | None:
    if pair is None:
        return None
    return with_people(Talk.objects.filter(pair=pair).unfinished()).first()


def _open_pair_of(user: User, talk: Talk) -> None:
    if not talk.pair.is_open or talk.pair.partner_of(user) is None:
        raise DeepTalkError(_("A deep talk needs both of you in an open pair."))


def start_talk(
    user: User,
    pair: Pair,
    evening: str,
    *,
    first: str = "me",
    now: dt.datetime | None = None,
) -> Talk:
    """A new evening for the pair; ``first`` ("me" or "partner") opens question one."""
    if evening not in content.deep_talk_sessions():
        raise DeepTalkError(_("There is no such evening."))
    partner = pair.partner_of(user) if pair.is_open else None
    if partner is None:
        raise DeepTalkError(_("A deep talk needs both of you in an open pair."))
    if first not in ("me", "partner"):
        raise DeepTalkError(_("Choose who answers the first question."))
    already = _("An evening is already under way for the two of you; continue it or end it first.")
    if Talk.objects.filter(pair=pair).unfinished().exists():
        raise DeepTalkError(already)
    talk = Talk(
        pair=pair,
        session=evening,
        started_by=user,
        first_speaker=user if first == "me" else partner,
        created_at=now or timezone.now(),
    )
    try:
        # Both may press "start" at once: the constraint lets only one evening through.
        with transaction.atomic():
            talk.save()
    except IntegrityError as exc:
        raise DeepTalkError(already) from exc
    return talk


def _changes(talk: Talk, action: str, now: dt.datetime) -> dict[str, Any]:
    """The fields ``action`` changes, or a refusal that says why not."""
    state = talk.state
    if state == TalkState.FINISHED:
        raise DeepTalkError(_("This evening has ended."))
    if action == "finish":
        return {
            "state": TalkState.FINISHED,
            "finished_at": now,
            "set_elapsed_seconds": talk.elapsed_seconds(now),
            "set_started_at": None,
        }
    if action == "begin":
        if state != TalkState.BEFORE:
            raise DeepTalkError(_("The evening has already begun."))
        return {"state": TalkState.TALKING, "set_started_at": now, "set_elapsed_seconds": 0}
    if action == "pause":
        if state != TalkState.TALKING:
            raise DeepTalkError(_("Only a set that is under way can be paused."))
        return {
            "state": TalkState.PAUSED,
            "set_elapsed_seconds": talk.elapsed_seconds(now),
            "set_started_at": None,
        }
    if action == "resume":
        if state != TalkState.PAUSED:
            raise DeepTalkError(_("The evening is not paused."))
        return {"state": TalkState.TALKING, "set_started_at": now}
    if action == "continue":
        if state != TalkState.BETWEEN:
            raise DeepTalkError(_("Finish this set before going on to the next."))
        return {
            "state": TalkState.TALKING,
            "current_set": talk.current_set + 1,
            "current_question": 0,
            "set_started_at": now,
            "set_elapsed_seconds": 0,
        }
    if state == TalkState.PAUSED:
        raise DeepTalkError(_("The evening is paused; resume it first."))
    if state == TalkState.BEFORE:
        raise DeepTalkError(_("Begin the evening first."))
    if action == "next":
        if state == TalkState.BETWEEN:
            raise DeepTalkError(_("This set is done; go on to the next set or end here."))
        if talk.current_question < QUESTIONS_PER_SET - 1:
            return {"current_question": talk.current_question + 1}
        # The set is done: its clock stops. After the last set the evening ends.
        stopped = {"set_elapsed_seconds": talk.elapsed_seconds(now), "set_started_at": None}
        if talk.current_set == SETS - 1:
            return {**stopped, "state": TalkState.FINISHED, "finished_at": now}
        return {**stopped, "state": TalkState.BETWEEN}
    if action == "back":
        if state == TalkState.BETWEEN:
            # Back to the set's last question; its clock runs again.
            return {"state": TalkState.TALKING, "set_started_at": now}
        if talk.current_question == 0:
            raise DeepTalkError(_("This is the first question of the set."))
        return {"current_question": talk.current_question - 1}
    raise DeepTalkError(_("That is not something an evening can do."))


def step(
    user: User,
    talk: Talk,
    action: str,
    *,
    at: int | None = None,
    seen_state: str | None = None,
    now: dt.datetime | None = None,
) -> Talk:
    """Move the evening on (or back, pause, resume, continue, finish).

    ``at`` is the question the person was looking at (see :attr:`Talk.position`) and
    ``seen_state`` the state the evening was in on their screen (the end of a set
    shares its position with the set's last question); when the other phone moved on
    since, nothing changes and :class:`MovedOn` says so.
    """
    _open_pair_of(user, talk)
    now = now or timezone.now()
    moved_on = MovedOn(_("The evening moved on in the meantime; here is where it is now."))
    if (at is not None and at != talk.position) or (
        seen_state is not None and seen_state != talk.state
    ):
        raise moved_on
    changes = _changes(talk, action, now)
    # Two phones may press "next" at the same moment: the update only applies to
    # the state both read, so the evening moves on once, not twice.
    updated = Talk.objects.filter(
        pk=talk.pk,
        state=talk.state,
        current_set=talk.current_set,
        current_question=talk.current_question,
    ).update(**changes)
    if updated != 1:
        raise moved_on
    for name, value in changes.items():
        setattr(talk, name, value)
    return talk


def rate(user: User, talk: Talk, moment: str, value: int) -> ClosenessRating:
    """Place (or move) how close ``user`` feels before or after the evening.

    "Before" can be placed at any time (the partner may do it later from their own
    phone); "after" once the evening has ended.
    """
    _open_pair_of(user, talk)
    if moment not in Moment.values:
        raise DeepTalkError(_("Choose before or after the evening."))
    if moment == Moment.AFTER and not talk.is_finished:
        raise DeepTalkError(_("Place how close you feel afterwards once the evening has ended."))
    rating = ClosenessRating.objects.filter(owner=user, talk=talk, moment=moment).first()
    if rating is None:
        rating = ClosenessRating(
            owner=user, pair=talk.pair, talk=talk, moment=moment, visibility=Visibility.SHARED
        )
    rating.value = value
    rating.full_clean(exclude=["owner", "pair", "talk"], validate_constraints=False)
    try:
        with transaction.atomic():
            rating.save()
    except IntegrityError as exc:
        raise DeepTalkError(_("You have already placed this; try again.")) from exc
    return rating


def add_note(user: User, talk: Talk, text: str, question_id: str = "") -> TalkNote:
    """A private note; it never reaches the partner, in any page, answer or export."""
    if not (talk.pair.is_open and talk.pair.partner_of(user) is not None):
        # Notes belong to the evening; once the pair has ended nobody adds to it.
        raise DeepTalkError(_("A deep talk needs both of you in an open pair."))
    known = {q.id for s in getattr(talk.evening, "sets", ()) for q in s.questions}
    if question_id and question_id not in known:
        raise DeepTalkError(_("That question is not part of this evening."))
    note = TalkNote(
        owner=user,
        pair=talk.pair,
        talk=talk,
        question_id=question_id,
        text=text.strip(),
        visibility=Visibility.PRIVATE,
    )
    note.full_clean(exclude=["owner", "pair", "talk"])
    note.save()
    return note


def my_notes(user: User, talk: Talk) -> list[TalkNote]:
    return list(TalkNote.objects.filter(owner=user, talk=talk).order_by("created_at", "pk"))


@dataclass(frozen=True)
class Mark:
    """One person's mark for one moment: the rating, or that it exists but is sealed."""

    rating: ClosenessRating | None
    sealed: bool = False


@dataclass(frozen=True)
class Closeness:
    """Both people's marks for one talk, as far as ``user`` may see them."""

    before: Answers
    after: Answers

    def _answers(self, moment: str) -> Answers:
        return self.before if moment == Moment.BEFORE else self.after

    def mine(self, moment: str) -> Mark:
        return Mark(self._answers(moment).mine)

    def partner(self, moment: str) -> Mark:
        answers = self._answers(moment)
        return Mark(answers.partner, answers.partner_sealed)


def moved(before: ClosenessRating | None, after: ClosenessRating | None) -> int | None:
    """Steps from before to after (positive: closer); None without both."""
    if before is None or after is None:
        return None
    return int(after.value - before.value)


def closeness_for(user: User, talk: Talk) -> Closeness:
    """Mine and my partner's marks (the partner's only once opened), in one query."""
    return closeness_for_many(user, [talk])[talk.pk]


def closeness_for_many(user: User, talks: list[Talk]) -> dict[int, Closeness]:
    """The same for many talks at once: one query however many evenings there were."""
    rows = ClosenessRating.objects.known_to(user).filter(talk__in=[t.pk for t in talks])
    by_key: dict[tuple[int, str, bool], ClosenessRating] = {
        (r.talk_id, r.moment, r.owner_id == user.pk): r for r in rows.order_by()
    }
    found: dict[int, Closeness] = {}
    for talk in talks:
        moments: dict[str, Answers] = {}
        for moment in Moment.values:
            mine = by_key.get((talk.pk, moment, True))
            theirs = by_key.get((talk.pk, moment, False))
            # The rule of OwnedQuerySet.visible_to: theirs opens once mine is placed.
            if theirs is not None and mine is None:
                moments[moment] = Answers(None, None, True)
            else:
                moments[moment] = Answers(mine, theirs, False)
        found[talk.pk] = Closeness(moments[Moment.BEFORE], moments[Moment.AFTER])
    return found
