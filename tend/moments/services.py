"""The rules of noting a moment: which kinds exist, who a hard moment may be about,
which day it may carry, and that it stays the writer's alone.

Pages and the API call these; they never change a Moment row themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tend.accounts.models import User
from tend.lib.errors import RuleBroken
from tend.moments import content
from tend.moments.models import NOTE_TEXT, Moment, Whose
from tend.pairs.models import Pair
from tend.privacy.access import get_own_item
from tend.privacy.models import Visibility

#: How far back a moment may be dated: the ledger is for noticing lately, not for
#: reopening old history.
MAX_DAYS_BACK = 60


class MomentError(RuleBroken):
    """A rule of noting a moment was broken; the message is safe to show."""


def get_own_moment(user: User, code: str) -> Moment:
    """A moment ``user`` noted, or 404: nobody else's is reachable, ever."""
    return get_own_item(user, Moment, code)


def own_moments(user: User) -> QuerySet[Moment]:
    return Moment.objects.filter(owner=user).order_by("-happened_on", "-created_at", "-pk")


def writing_pair(user: User, pair: Pair | None) -> Pair | None:
    """The pair a new moment counts towards: an open pair the person is in, else none."""
    if pair is None or not pair.is_open:
        return None
    if not any(m.user_id == user.pk and m.left_at is None for m in pair.member_list()):
        return None
    return pair


def _kind(slug: str) -> content.Kind:
    found = content.by_slug().get(slug)
    if found is None:
        raise MomentError(_("There is no such kind of moment."))
    return found


def _whose(kind: content.Kind, whose: str | None) -> str:
    value = whose or kind.whose
    if value not in Whose.values:
        raise MomentError(_("Say whether the moment was yours, your partner's or both of yours."))
    if not kind.positive and value == Whose.PARTNER:
        # The ledger is for noticing, not for keeping a list of the other's faults.
        raise MomentError(
            _("A hard moment is noted as yours or as both of yours, never as theirs.")
        )
    return value


def _note(note: str | None) -> str:
    text = (note or "").strip()
    if len(text) > NOTE_TEXT:
        raise MomentError(
            _("Keep the note to %(limit)d characters or fewer.") % {"limit": NOTE_TEXT}
        )
    return text


def _day(user: User, day: dt.date | None) -> dt.date:
    today = user.local_today()
    if day is None:
        return today
    if day > today:
        raise MomentError(_("A moment cannot be noted for a day still to come."))
    if day < today - dt.timedelta(days=MAX_DAYS_BACK):
        raise MomentError(
            _("Moments can be noted for the last %(days)d days.") % {"days": MAX_DAYS_BACK}
        )
    return day


def note_moment(
    user: User,
    pair: Pair | None,
    kind: str,
    *,
    whose: str | None = None,
    note: str | None = "",
    happened_on: dt.date | None = None,
) -> Moment:
    """Note a moment of ``kind``; ``whose`` defaults to the kind's usual one."""
    found = _kind(kind)
    return Moment.objects.create(
        owner=user,
        pair=writing_pair(user, pair),
        visibility=Visibility.PRIVATE,
        kind=found.slug,
        whose=_whose(found, whose),
        note=_note(note),
        happened_on=_day(user, happened_on),
    )


def edit_moment(user: User, moment: Moment, **changes: Any) -> Moment:
    """Change a moment's kind, whose, note or day; only its writer may."""
    if not moment.is_owned_by(user):
        raise MomentError(_("Only the person who noted a moment can change it."))
    kind = _kind(changes.get("kind") or moment.kind)
    whose = changes.get("whose") or moment.whose
    if "kind" in changes and "whose" not in changes and not kind.positive:
        # Changing a warm moment into a hard one keeps it the writer's, never the partner's.
        whose = Whose.MINE if whose == Whose.PARTNER else whose
    moment.kind = kind.slug
    moment.whose = _whose(kind, whose)
    if "note" in changes and changes["note"] is not None:
        moment.note = _note(changes["note"])
    day = changes.get("happened_on")
    if day is not None and day != moment.happened_on:
        # Only a new day is checked: an older moment keeps its day when edited.
        moment.happened_on = _day(user, day)
    moment.visibility = Visibility.PRIVATE
    moment.save()
    return moment


def delete_moment(user: User, moment: Moment) -> None:
    if not moment.is_owned_by(user):
        raise MomentError(_("Only the person who noted a moment can delete it."))
    moment.delete()


def offers_appreciation(moment: Moment) -> bool:
    """A warm moment about the partner, noted in a pair: worth saying out loud."""
    kind = content.by_slug().get(moment.kind)
    return (
        kind is not None
        and kind.positive
        and bool(kind.offer)
        and moment.whose == Whose.PARTNER
        and moment.pair_id is not None
    )
