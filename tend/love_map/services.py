"""Starting a love-map round, writing answers and guesses, and marking the guesses."""

from __future__ import annotations

import random
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.accounts.models import User
from tend.lib.errors import RuleBroken
from tend.love_map.models import Entry, Kind, Mark, Round
from tend.love_map.selection import choose_prompts, topic_titles
from tend.pairs.models import Pair
from tend.privacy.models import Visibility

ABOUT_ME = "me"
ABOUT_PARTNER = "partner"


class RoundError(RuleBroken):
    """A rule of the love-map quiz was broken; the message is safe to show."""


class AlreadyWritten(RoundError):
    status = 409


def _open_member(user: User, pair: Pair) -> None:
    if not pair.is_open or not Pair.objects.open_for(user).filter(pk=pair.pk).exists():
        raise RoundError(_("This pair has ended; a love-map round needs an open pair."))


def used_prompts(pair: Pair, subject: User) -> list[str]:
    """Every prompt id given to ``subject`` in ``pair`` so far, once per round."""
    rounds = Round.objects.filter(pair=pair, subject=subject).values_list("prompt_ids", flat=True)
    return [prompt_id for ids in rounds for prompt_id in ids]


def start_round(
    user: User,
    pair: Pair,
    about: str = ABOUT_ME,
    topic: str = "",
    rng: random.Random | None = None,
) -> Round:
    """A new round in ``pair``: about ``user`` (they answer) or about their partner."""
    _open_member(user, pair)
    partner = pair.partner_of(user)
    if partner is None:
        raise RoundError(_("A love-map round needs both of you in the pair."))
    if about not in (ABOUT_ME, ABOUT_PARTNER):
        raise RoundError(_("Choose who answers about themself."))
    if topic and topic not in topic_titles():
        raise RoundError(_("There is no such topic."))
    subject, guesser = (user, partner) if about == ABOUT_ME else (partner, user)
    unfinished = Round.objects.filter(pair=pair, subject=subject, marked_at__isnull=True)
    if unfinished.exists():
        raise RoundError(_("A round about this person is still going; finish it first."))
    prompt_ids = choose_prompts(used_prompts(pair, subject), topic, rng)
    try:
        # Both may press "start" at once: the constraint lets only one round through.
        with transaction.atomic():
            return Round.objects.create(
                pair=pair,
                subject=subject,
                guesser=guesser,
                created_by=user,
                prompt_ids=prompt_ids,
                topic=topic,
            )
    except IntegrityError as exc:
        raise RoundError(_("A round about this person is still going; finish it first.")) from exc


def _writable(user: User, round: Round) -> Kind:
    kind = round.kind_for(user)
    if kind is None:
        raise RoundError(_("Only the two people of this round write in it."))
    if not round.pair.is_open:
        raise RoundError(_("This pair has ended; the round can no longer change."))
    if round.is_marked:
        raise RoundError(_("This round is finished."))
    return kind


def write_entries(user: User, round: Round, texts: Mapping[str, str]) -> list[Entry]:
    """All of ``user``'s answers (the subject) or guesses (the guesser) at once.

    Every prompt of the round needs a text; nothing is saved unless all are valid.
    """
    kind = _writable(user, round)
    unknown = set(texts) - set(round.prompt_ids)
    if unknown:
        raise RoundError(_("Some of these prompts are not part of this round."))
    if Entry.objects.filter(owner=user, round=round).exists():
        raise AlreadyWritten(_("You have already written yours for this round."))
    entries = [
        Entry(
            owner=user,
            pair=round.pair,
            visibility=Visibility.SHARED,
            round=round,
            prompt_id=prompt_id,
            kind=kind,
            text=(texts.get(prompt_id) or "").strip(),
        )
        for prompt_id in round.prompt_ids
    ]
    errors: dict[str, list[ValidationError]] = {}
    for entry in entries:
        try:
            entry.full_clean(exclude=["owner", "pair", "round"], validate_unique=False)
        except ValidationError as exc:
            errors[entry.prompt_id] = [
                ValidationError(message) for message in exc.message_dict.get("text", exc.messages)
            ]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return Entry.objects.bulk_create(entries)
    except IntegrityError as exc:
        raise AlreadyWritten(_("You have already written yours for this round.")) from exc


def mark_guesses(user: User, round: Round, marks: Mapping[str, str]) -> Round:
    """The subject marks every guess right, close or new; the round is then finished."""
    if round.subject_id != user.pk:
        raise RoundError(_("Only the person the round is about marks the guesses."))
    _writable(user, round)
    rows = list(
        Entry.objects.filter(round=round).only("pk", "owner_id", "prompt_id", "kind", "mark")
    )
    answered = {e.prompt_id for e in rows if e.kind == Kind.ABOUT_ME and e.owner_id == user.pk}
    guesses = {
        e.prompt_id: e for e in rows if e.kind == Kind.GUESS and e.owner_id == round.guesser_id
    }
    wanted = set(round.prompt_ids)
    if not (wanted <= answered and wanted <= guesses.keys()):
        raise RoundError(_("Guesses can be marked once both of you have written."))
    if set(marks) - wanted:
        raise RoundError(_("Some of these prompts are not part of this round."))
    if set(marks) != wanted:
        raise RoundError(_("Mark every guess."))
    if any(value not in Mark.values for value in marks.values()):
        raise RoundError(_("A guess is marked right, close or new to me."))
    now = timezone.now()
    with transaction.atomic():
        # A second tab may mark at the same moment: only one of them finishes the round.
        claimed = Round.objects.filter(pk=round.pk, marked_at__isnull=True).update(marked_at=now)
        if claimed != 1:
            raise RoundError(_("This round is finished."))
        for prompt_id, entry in guesses.items():
            entry.mark = marks[prompt_id]
        Entry.objects.bulk_update(list(guesses.values()), ["mark"])
    round.marked_at = now
    return round
