"""Check-ins: the daily "how I am" and the weekly "state of us"."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tend.lib.limits import ANSWER_TEXT
from tend.lib.timezones import week_start
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem


class Mood(models.IntegerChoices):
    VERY_LOW = 1, _("Very low")
    LOW = 2, _("Low")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    GREAT = 5, _("Great")


class Feeling(models.TextChoices):
    CALM = "calm", _("calm")
    GRATEFUL = "grateful", _("grateful")
    HOPEFUL = "hopeful", _("hopeful")
    JOYFUL = "joyful", _("joyful")
    LOVED = "loved", _("loved")
    PROUD = "proud", _("proud")
    CURIOUS = "curious", _("curious")
    ENERGISED = "energised", _("energised")
    TIRED = "tired", _("tired")
    STRESSED = "stressed", _("stressed")
    ANXIOUS = "anxious", _("anxious")
    LONELY = "lonely", _("lonely")
    SAD = "sad", _("sad")
    FRUSTRATED = "frustrated", _("frustrated")
    OVERWHELMED = "overwhelmed", _("overwhelmed")
    RESTLESS = "restless", _("restless")


class DailyCheckIn(OwnedItem):
    """One per person per local date and pair; the partner's opens once you checked in too."""

    seal_fields: ClassVar[tuple[str, ...]] = ("date",)

    date = models.DateField(_("date"), help_text=_("The day in the writer's own time zone."))
    mood = models.PositiveSmallIntegerField(_("mood"), choices=Mood.choices)
    feelings = models.JSONField(_("feeling words"), default=list, blank=True)
    win = EncryptedTextField(_("a win from today"), max_length=ANSWER_TEXT)
    challenge = EncryptedTextField(_("a challenge from today"), max_length=ANSWER_TEXT)
    carrying = EncryptedTextField(_("a feeling I'm carrying"), max_length=ANSWER_TEXT)
    support = EncryptedTextField(_("how you could support me today"), max_length=ANSWER_TEXT)

    class Meta:
        ordering = ["-date", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "pair", "date"],
                name="one_daily_checkin_per_pair_and_date",
                condition=Q(pair__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["owner", "date"],
                name="one_solo_daily_checkin_per_date",
                condition=Q(pair__isnull=True),
            ),
            models.CheckConstraint(condition=Q(mood__gte=1, mood__lte=5), name="daily_mood_1_to_5"),
        ]
        indexes = [models.Index(fields=["pair", "date"], name="daily_pair_date_idx")]

    def __str__(self) -> str:
        return f"{self.owner} {self.date}"

    def is_editable_by(self, user: Any) -> bool:
        """Only the writer changes a check-in, and only on its own (their local) day."""
        return self.is_owned_by(user) and self.date == user.local_today()

    def feeling_labels(self) -> list[str]:
        labels = dict(Feeling.choices)
        return [str(labels[f]) for f in self.feelings if f in labels]


class WeeklyCheckIn(OwnedItem):
    """The weekly "state of us", keyed by the Monday of the writer's local week."""

    seal_fields: ClassVar[tuple[str, ...]] = ("week_start",)

    week_start = models.DateField(_("week starting"))
    went_well = EncryptedTextField(_("what went well"), max_length=ANSWER_TEXT)
    was_hard = EncryptedTextField(_("what was hard"), max_length=ANSWER_TEXT)
    need = EncryptedTextField(_("one need for next week"), max_length=ANSWER_TEXT)
    appreciation = EncryptedTextField(_("an appreciation"), max_length=ANSWER_TEXT)
    closeness = models.PositiveSmallIntegerField(
        _("how close I feel"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        ordering = ["-week_start", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "pair", "week_start"],
                name="one_weekly_checkin_per_pair_and_week",
                condition=Q(pair__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["owner", "week_start"],
                name="one_solo_weekly_checkin_per_week",
                condition=Q(pair__isnull=True),
            ),
            models.CheckConstraint(
                condition=Q(closeness__gte=1, closeness__lte=10), name="weekly_closeness_1_to_10"
            ),
        ]
        indexes = [models.Index(fields=["pair", "week_start"], name="weekly_pair_week_idx")]

    def __str__(self) -> str:
        return f"{self.owner} week of {self.week_start}"

    def is_editable_by(self, user: Any) -> bool:
        """Only the writer changes it, and only during its own (their local) week."""
        return self.is_owned_by(user) and self.week_start == week_start(user.local_today())
