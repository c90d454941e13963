"""The rules of appreciation: sending and thanking, the end-of-day gratitude note,
the three-things exercise, the jar and good news with its replies.

Pages and the API call these; they never change appreciation rows themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.accounts.models import User
from tend.appreciation import content, responding
from tend.appreciation.models import (
    Appreciation,
    AppreciationKind,
    GoodNews,
    Gratitude,
    NewsReply,
    Source,
    ThanksReaction,
    ThreeThings,
    ThreeThingsEntry,
)
from tend.lib.errors import RuleBroken
from tend.pairs.models import Pair
from tend.privacy.models import Answers, Visibility

#: Replies under one piece of good news: a short exchange, not a chat.
MAX_REPLIES = 20
#: How many past years "on this day" shows at most.
ON_THIS_DAY_LIMIT = 10


class AppreciationError(RuleBroken):
    """A rule of appreciation was broken; the message is safe to show."""


class AlreadyWritten(AppreciationError):
    status = 409


class ReplyNoticed(AppreciationError):
    """A reply to good news may land badly; it is held back until sent on purpose."""

    def __init__(self, noticed: responding.Noticed, text: str) -> None:
        self.noticed = noticed
        self.notes = responding.note_for(noticed)
        self.example = responding.warmer_example(text)
        super().__init__(" ".join(self.notes))


def _require_partner(user: User, pair: Pair) -> User:
    ids = getattr(user, "_tend_open_pair_ids", None)
    member = (
        pair.pk in ids
        if ids is not None
        else Pair.objects.open_for(user).filter(pk=pair.pk).exists()
    )
    partner = pair.partner_of(user) if member else None
    if partner is None:
        raise AppreciationError(_("This needs a pair you share with someone now."))
    return partner


def _kind(kind: str) -> str:
    if kind and kind not in AppreciationKind.values:
        raise AppreciationError(_("Choose one of the kinds offered, or none."))
    return kind


# --- appreciations ----------------------------------------------------------------------
def send(
    user: User, pair: Pair, text: str, kind: str = "", source: str = Source.WRITTEN
) -> Appreciation:
    """Send an appreciation to the partner: shared at once, never sealed."""
    partner = _require_partner(user, pair)
    item = Appreciation(
        owner=user,
        pair=pair,
        recipient=partner,
        text=text,
        kind=_kind(kind),
        source=source,
        visibility=Visibility.SHARED,
    )
    item.full_clean(exclude=["owner", "pair", "recipient"])
    item.save()
    return item


def _as_recipient(user: User, item: Appreciation) -> None:
    if item.recipient_id != user.pk or item.owner_id == user.pk:
        raise AppreciationError(_("Only the person it was sent to can thank for it."))
    _require_partner(user, item.pair)  # type: ignore[arg-type]


def thank(user: User, item: Appreciation) -> Appreciation:
    """Say thank you for an appreciation I received; once is enough."""
    _as_recipient(user, item)
    if item.thanked_at is None:
        now = timezone.now()
        Appreciation.objects.filter(pk=item.pk, thanked_at__isnull=True).update(thanked_at=now)
        item.refresh_from_db(fields=["thanked_at"])
    return item


def react(user: User, item: Appreciation, kind: str) -> Appreciation:
    """React to an appreciation I received; the same reaction again takes it back."""
    if kind not in ThanksReaction.values:
        raise AppreciationError(_("Choose one of the reactions offered."))
    _as_recipient(user, item)
    item.reaction = "" if item.reaction == kind else kind
    Appreciation.objects.filter(pk=item.pk).update(reaction=item.reaction)
    return item


def sent_by(user: User, pair: Pair) -> QuerySet[Appreciation]:
    return Appreciation.objects.visible_to(user).filter(pair=pair, owner=user)


def received_by(user: User, pair: Pair) -> QuerySet[Appreciation]:
    return Appreciation.objects.visible_to(user).filter(pair=pair, recipient=user)


def between(user: User, pair: Pair) -> QuerySet[Appreciation]:
    """Appreciations to me or from me in this pair: what the jar holds."""
    return (
        Appreciation.objects.visible_to(user)
        .filter(pair=pair)
        .select_related("owner", "recipient", "pair")
    )


# --- the jar --------------------------------------------------------------------------------
def _index(seed: str, count: int) -> int:
    digest = hashlib.sha256(seed.encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


def from_the_jar(
    user: User, pair: Pair, *, after: str = "", nonce: str = "", day: dt.date | None = None
) -> Appreciation | None:
    """One appreciation to me or from me, picked in the database by offset.

    The same one all day; ``nonce`` picks again ("another one") and ``after``, the
    code shown last, is never picked twice in a row when there is another. Two
    queries however full the jar is.
    """
    jar = between(user, pair).order_by("pk")
    count = jar.count()
    if count == 0:
        return None
    day = day or user.local_today()
    index = _index(f"{user.pk}:{pair.pk}:{day.isoformat()}:{nonce}", count)
    rows = list(jar[index : index + 2] if count > 1 else jar[:1])
    if after and rows and rows[0].code == after:
        if len(rows) > 1:
            return rows[1]
        return jar.first()  # the last one was shown before: wrap around to the first
    return rows[0] if rows else None


def on_this_day(user: User, pair: Pair, day: dt.date | None = None) -> list[Appreciation]:
    """Appreciations to me or from me on this month and day in earlier years."""
    day = day or user.local_today()
    # The person's own calendar, whoever is asking (a page or a token).
    zone = ZoneInfo(user.time_zone)
    with timezone.override(zone):
        rows = (
            between(user, pair)
            .filter(
                created_at__month=day.month,
                created_at__day=day.day,
                created_at__lt=dt.datetime.combine(day.replace(month=1, day=1), dt.time(), zone),
            )
            .order_by("-created_at")[:ON_THIS_DAY_LIMIT]
        )
        return list(rows)


# --- end-of-day gratitude -------------------------------------------------------------------
def prompt_for(user: User, day: dt.date) -> content.GratitudePrompt:
    """A prompt that turns with the days, the same for a person all day."""
    prompts = content.load().gratitude_prompts
    return prompts[(day.toordinal() + user.pk) % len(prompts)]


def todays_gratitude(user: User, day: dt.date | None = None) -> Gratitude | None:
    day = day or user.local_today()
    return Gratitude.objects.filter(owner=user, date=day).select_related("sent_as").first()


def write_gratitude(user: User, text: str, day: dt.date | None = None) -> Gratitude:
    """Write or rewrite today's note; it stays private to the writer."""
    day = day or user.local_today()
    note = todays_gratitude(user, day)
    if note is None:
        note = Gratitude(
            owner=user,
            date=day,
            prompt_id=prompt_for(user, day).id,
            visibility=Visibility.PRIVATE,
        )
    note.text = text
    note.full_clean(exclude=["owner", "pair", "sent_as"])
    try:
        with transaction.atomic():
            note.save()
    except IntegrityError:
        # Written twice at once: keep the newer words on the one note of the day.
        Gratitude.objects.filter(owner=user, date=day).update(text=text)
        note = Gratitude.objects.get(owner=user, date=day)
    return note


def send_gratitude(user: User, note: Gratitude, pair: Pair, kind: str = "") -> Appreciation:
    """Send the words of my note as an appreciation; the note itself stays private."""
    if note.owner_id != user.pk:
        raise AppreciationError(_("You can only send your own notes."))
    if note.sent_as_id is not None:
        raise AlreadyWritten(_("This note has already been sent."))
    with transaction.atomic():
        sent = send(user, pair, note.text, kind, Source.GRATITUDE)
        claimed = Gratitude.objects.filter(pk=note.pk, sent_as__isnull=True).update(sent_as=sent)
        if not claimed:
            raise AlreadyWritten(_("This note has already been sent."))
    note.sent_as = sent
    return sent


# --- three things ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Round:
    """A round of the exercise as ``user`` may see it."""

    round: ThreeThings | None
    answers: Answers

    @property
    def state(self) -> str:
        """``to_write``; ``to_open``: theirs is waiting for mine; ``waiting``; ``opened``."""
        if self.answers.mine is None:
            return "to_open" if self.answers.partner_sealed else "to_write"
        return "opened" if self.answers.partner is not None else "waiting"


def open_round(pair: Pair) -> ThreeThings | None:
    return ThreeThings.objects.filter(pair=pair, finished_at__isnull=True).first()


def current_round(user: User, pair: Pair) -> Round:
    """The open round, or the last finished one when none is open."""
    found = open_round(pair) or ThreeThings.objects.filter(pair=pair).first()
    if found is None:
        return Round(None, Answers(None, None, False))
    return Round(found, ThreeThingsEntry.objects.answers_for(user, pair, round=found))


def write_three(user: User, pair: Pair, first: str, second: str, third: str) -> ThreeThingsEntry:
    """Write my three things in the open round (starting one when none is open)."""
    _require_partner(user, pair)
    entry = ThreeThingsEntry(
        owner=user,
        pair=pair,
        first=first,
        second=second,
        third=third,
        visibility=Visibility.SHARED,
    )
    entry.full_clean(exclude=["owner", "pair", "round"])
    with transaction.atomic():
        found = (
            ThreeThings.objects.select_for_update()
            .filter(pair=pair, finished_at__isnull=True)
            .first()
        )
        if found is None:
            try:
                with transaction.atomic():
                    found = ThreeThings.objects.create(pair=pair, started_by=user)
            except IntegrityError:
                found = ThreeThings.objects.select_for_update().get(
                    pair=pair, finished_at__isnull=True
                )
        if ThreeThingsEntry.objects.filter(round=found, owner=user).exists():
            raise AlreadyWritten(
                _("You have written your three things; this round opens once your partner has.")
            )
        entry.round = found
        entry.save()
        if ThreeThingsEntry.objects.filter(round=found).exclude(owner=user).exists():
            ThreeThings.objects.filter(pk=found.pk).update(finished_at=timezone.now())
    return entry


def past_rounds(pair: Pair) -> QuerySet[ThreeThings]:
    return ThreeThings.objects.filter(pair=pair, finished_at__isnull=False).order_by("-finished_at")


def entries_by_round(user: User, rounds: list[ThreeThings]) -> dict[int, list[ThreeThingsEntry]]:
    """The entries ``user`` may read in these rounds, in one query."""
    found: dict[int, list[ThreeThingsEntry]] = {r.pk: [] for r in rounds}
    rows = (
        ThreeThingsEntry.objects.visible_to(user).filter(round__in=rounds).select_related("owner")
    )
    for entry in rows:
        found[entry.round_id].append(entry)
    return found


# --- good news ----------------------------------------------------------------------------
def share_news(user: User, pair: Pair, text: str) -> GoodNews:
    _require_partner(user, pair)
    item = GoodNews(owner=user, pair=pair, text=text, visibility=Visibility.SHARED)
    item.full_clean(exclude=["owner", "pair"])
    item.save()
    return item


def check_reply(user: User, news: GoodNews, text: str) -> responding.Noticed:
    """What the checker notices in a reply; only a reply to the partner's news is checked."""
    if news.owner_id == user.pk:
        return responding.Noticed()
    return responding.notice(text)


def reply_news(user: User, news: GoodNews, text: str, *, send_anyway: bool = False) -> NewsReply:
    """Reply under good news; a reply the checker notices waits for ``send_anyway``."""
    _require_partner(user, news.pair)  # type: ignore[arg-type]
    item = NewsReply(owner=user, pair=news.pair, news=news, text=text, visibility=Visibility.SHARED)
    item.full_clean(exclude=["owner", "pair", "news"])
    if not send_anyway:
        noticed = check_reply(user, news, text)
        if noticed.flagged:
            raise ReplyNoticed(noticed, text)
    with transaction.atomic():
        GoodNews.objects.select_for_update().filter(pk=news.pk).first()
        if NewsReply.objects.filter(news=news).count() >= MAX_REPLIES:
            raise AppreciationError(_("This thread is full; the rest is better said face to face."))
        item.save()
    return item


def replies(user: User, news: GoodNews) -> list[NewsReply]:
    return list(NewsReply.objects.visible_to(user).filter(news=news).select_related("owner"))
