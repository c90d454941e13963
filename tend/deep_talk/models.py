"""The deep-talk evening: three sets of twelve questions, taken in turns.

A :class:`Talk` belongs to the pair (both may move it on); the closeness each
person places before and after, and the notes they keep, are their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.conversation import content
from tend.lib.limits import LONG_TEXT
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH, new_code
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem

SETS = 3
QUESTIONS_PER_SET = 12
CLOSENESS_STEPS = 7


class TalkState(models.TextChoices):
    BEFORE = "before", _("Not begun")
    TALKING = "talking", _("Talking")
    PAUSED = "paused", _("Paused")
    BETWEEN = "between", _("Between sets")
    FINISHED = "finished", _("Finished")


UNFINISHED = (TalkState.BEFORE, TalkState.TALKING, TalkState.PAUSED, TalkState.BETWEEN)


class TalkQuerySet(models.QuerySet["Talk"]):
    def of(self, user: Any) -> TalkQuerySet:
        """Talks of the pairs ``user`` has not left (open or ended by the other)."""
        return self.filter(pair__in=Pair.objects.of(user))

    def unfinished(self) -> TalkQuerySet:
        return self.exclude(state=TalkState.FINISHED)


class Talk(models.Model):
    """One evening of a pair: where they are, whose turn it is, and the set's clock.

    The clock of a set is ``set_elapsed_seconds`` (time already spent, frozen by a
    pause) plus, while talking, the time since ``set_started_at``.
    """

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="deep_talks")
    session = models.CharField(_("evening"), max_length=40)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    current_set = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(SETS - 1)]
    )
    current_question = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(QUESTIONS_PER_SET - 1)]
    )
    state = models.CharField(max_length=10, choices=TalkState.choices, default=TalkState.BEFORE)
    set_started_at = models.DateTimeField(null=True, blank=True)
    set_elapsed_seconds = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair"],
                condition=~Q(state="finished"),
                name="one_unfinished_talk_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(current_set__lte=SETS - 1), name="talk_set_in_range"
            ),
            models.CheckConstraint(
                condition=Q(current_question__lte=QUESTIONS_PER_SET - 1),
                name="talk_question_in_range",
            ),
        ]
        indexes = [models.Index(fields=["pair", "-created_at"], name="talk_pair_created_idx")]

    def __str__(self) -> str:
        return f"{self.pair} {self.session} {self.created_at:%Y-%m-%d}"

    # Content -----------------------------------------------------------------------

    @property
    def evening(self) -> content.DeepTalkSession | None:
        return content.deep_talk_sessions().get(self.session)

    @property
    def current_set_content(self) -> content.DeepTalkSet | None:
        evening = self.evening
        return evening.sets[self.current_set] if evening is not None else None

    @property
    def question(self) -> content.Question | None:
        deep_set = self.current_set_content
        return deep_set.questions[self.current_question] if deep_set is not None else None

    # Position and turns ---------------------------------------------------------------

    @property
    def position(self) -> int:
        """The question of the evening, counted from 0 across the sets."""
        return self.current_set * QUESTIONS_PER_SET + self.current_question

    @property
    def is_finished(self) -> bool:
        return self.state == TalkState.FINISHED

    @property
    def is_last_set(self) -> bool:
        return self.current_set == SETS - 1

    def speakers(self) -> tuple[Any, Any]:
        """(who answers first, who answers second) for the current question.

        Turns alternate over the whole evening: ``first_speaker`` opens every
        even-numbered question, the partner every odd one.
        """
        first = self.first_speaker
        other = None
        for membership in self.pair.member_list():
            if membership.left_at is None and membership.user_id != self.first_speaker_id:
                other = membership.user
        if first is None:
            return other, None
        return (first, other) if self.position % 2 == 0 else (other, first)

    # The set's clock ----------------------------------------------------------------

    @property
    def set_seconds(self) -> int:
        deep_set = self.current_set_content
        return deep_set.minutes * 60 if deep_set is not None else 0

    def elapsed_seconds(self, now: dt.datetime | None = None) -> int:
        elapsed = self.set_elapsed_seconds
        if self.state == TalkState.TALKING and self.set_started_at is not None:
            now = now or timezone.now()
            elapsed += max(0, int((now - self.set_started_at).total_seconds()))
        return elapsed

    def remaining_seconds(self, now: dt.datetime | None = None) -> int:
        return max(0, self.set_seconds - self.elapsed_seconds(now))

    def remaining_minutes(self, now: dt.datetime | None = None) -> int:
        """Rounded up: "about 1 minute left" until the very end, never "0 minutes"."""
        return -(-self.remaining_seconds(now) // 60)


class Moment(models.TextChoices):
    BEFORE = "before", _("Before the evening")
    AFTER = "after", _("After the evening")


class ClosenessRating(OwnedItem):
    """How close one person feels, 1 (far apart) to 7 (almost one), before or after.

    Always shared with the pair, and sealed: the partner's mark for a moment opens
    once you have placed yours for the same moment.
    """

    seal_fields: ClassVar[tuple[str, ...]] = ("talk", "moment")

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="ratings")
    moment = models.CharField(_("when"), max_length=6, choices=Moment.choices)
    value = models.PositiveSmallIntegerField(
        _("how close you feel"),
        validators=[MinValueValidator(1), MaxValueValidator(CLOSENESS_STEPS)],
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "talk", "moment"], name="one_rating_per_person_talk_moment"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=CLOSENESS_STEPS),
                name="deep_talk_rating_1_to_7",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owner} {self.moment} {self.talk_id}: {self.value}"


class TalkNote(OwnedItem):
    """A private line a person keeps during the evening. Only the writer ever sees it."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="notes")
    question_id = models.CharField(max_length=60, blank=True, default="")
    text = EncryptedTextField(_("note"), max_length=LONG_TEXT, blank=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility="private"), name="deep_talk_note_always_private"
            )
        ]

    def __str__(self) -> str:
        return f"note of {self.owner} on {self.talk_id}"

    @property
    def question_text(self) -> str:
        for deep_set in getattr(self.talk.evening, "sets", ()):
            for question in deep_set.questions:
                if question.id == self.question_id:
                    return question.text
        return ""
