"""Appreciation between two people: notes of thanks sent to the partner, a private
end-of-day gratitude note, the "three things I appreciate about you" exercise
(sealed until both wrote) and good news shared with the partner's replies."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tend.lib.limits import ANSWER_TEXT, REPLY_TEXT
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH, new_code
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem, Visibility

#: One of the three things in the exercise.
THING_TEXT = REPLY_TEXT


class AppreciationKind(models.TextChoices):
    WHO = "who", _("Who you are")
    DID = "did", _("Something you did")
    EFFORT = "effort", _("An effort you made")


class Source(models.TextChoices):
    WRITTEN = "written", _("Written as a note")
    GRATITUDE = "gratitude", _("From an end-of-day gratitude note")
    MOMENT = "moment", _("From a moment")


class ThanksReaction(models.TextChoices):
    MOVED = "moved", _("This touched me")
    SMILE = "smile", _("Made me smile")
    HUG = "hug", _("A hug back")
    NEEDED = "needed", _("I needed that")


# Symbols every system font has; the label always goes with them.
REACTION_SYMBOLS = {
    ThanksReaction.MOVED: "\u2665",
    ThanksReaction.SMILE: "\u263a",
    ThanksReaction.HUG: "\u2740",
    ThanksReaction.NEEDED: "\u2726",
}


class Appreciation(OwnedItem):
    """A note of thanks or admiration sent to the partner: always shared, never sealed.

    Only the recipient thanks or reacts; the sender sees both.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(
        _("what it is about"), max_length=10, choices=AppreciationKind.choices, blank=True
    )
    text = EncryptedTextField(_("your appreciation"), max_length=ANSWER_TEXT, blank=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WRITTEN)
    reaction = models.CharField(
        _("reaction"), max_length=10, choices=ThanksReaction.choices, blank=True
    )
    thanked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["pair", "created_at"], name="appreciation_pair_created"),
        ]

    def __str__(self) -> str:
        return f"appreciation {self.code}"

    @property
    def reaction_symbol(self) -> str:
        return REACTION_SYMBOLS[ThanksReaction(self.reaction)] if self.reaction else ""


class Gratitude(OwnedItem):
    """One end-of-day gratitude note per person and local day; private by default.

    Sending it makes an :class:`Appreciation` with the same words; the note itself
    stays as it was.
    """

    # Private unless the person shares it with the pair.
    visibility = models.CharField(
        _("who can see it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    date = models.DateField(_("day"))
    prompt_id = models.CharField(max_length=40, blank=True)
    text = EncryptedTextField(_("one thing from today"), max_length=ANSWER_TEXT, blank=False)
    sent_as = models.ForeignKey(
        Appreciation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "date"], name="one_gratitude_per_day")
        ]

    def __str__(self) -> str:
        return f"gratitude {self.owner_id} {self.date}"


class ThreeThings(models.Model):
    """A round of the "three things I appreciate about you" exercise; the pair's.

    Open until both wrote their three; then it is finished and a new one may start.
    """

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="three_things")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair"],
                condition=Q(finished_at__isnull=True),
                name="one_open_three_things_round",
            )
        ]

    def __str__(self) -> str:
        return f"three things {self.code}"


class ThreeThingsEntry(OwnedItem):
    """One person's three things in a round; the partner's opens once mine is written."""

    seal_fields: ClassVar[tuple[str, ...]] = ("round",)

    round = models.ForeignKey(ThreeThings, on_delete=models.CASCADE, related_name="entries")
    first = EncryptedTextField(_("the first thing"), max_length=THING_TEXT, blank=False)
    second = EncryptedTextField(_("the second thing"), max_length=THING_TEXT, blank=False)
    third = EncryptedTextField(_("the third thing"), max_length=THING_TEXT, blank=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "round"], name="one_entry_per_round")
        ]

    def __str__(self) -> str:
        return f"three things by {self.owner_id} in {self.round_id}"

    @property
    def things(self) -> list[str]:
        return [self.first, self.second, self.third]


class GoodNews(OwnedItem):
    """A win shared with the pair."""

    text = EncryptedTextField(_("your good news"), max_length=ANSWER_TEXT, blank=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"good news {self.code}"


class NewsReply(OwnedItem):
    """A reply under good news; shared with the pair."""

    news = models.ForeignKey(GoodNews, on_delete=models.CASCADE, related_name="replies")
    text = EncryptedTextField(_("your reply"), max_length=REPLY_TEXT, blank=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"reply {self.code} on {self.news_id}"
