"""The love-map quiz: one person answers prompts about themself, the other guesses.

A :class:`Round` belongs to the pair: who answers about themself (the subject),
who guesses, and the five prompts. What either person writes is an
:class:`Entry`, an owned item sealed by round and prompt, so the existing
sealing rules apply both ways: the subject's answer opens for the guesser once
the guess for the same prompt exists, and the guess opens for the subject once
their own answer does. The subject then marks each guess.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tend.lib.limits import ANSWER_TEXT
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH, new_code
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem

#: Prompts in one round.
ROUND_SIZE = 5
PROMPT_ID_LENGTH = 40


class Kind(models.TextChoices):
    ABOUT_ME = "about_me", _("About me")
    GUESS = "guess", _("Guess")


class Mark(models.TextChoices):
    RIGHT = "right", _("Right")
    CLOSE = "close", _("Close")
    NEW = "new", _("New to me")


#: Marks that mean the guesser learned something.
LEARNED_MARKS = (Mark.CLOSE, Mark.NEW)


class Round(models.Model):
    """Five prompts one member answers about themself and the other guesses."""

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="love_map_rounds")
    # Nullable: a deleted account takes its writing, not the partner's guesses with it.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who answers about themself"),
    )
    guesser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who guesses"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    prompt_ids = models.JSONField(_("prompts"), default=list)
    topic = models.CharField(_("topic"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair", "subject"],
                condition=Q(marked_at__isnull=True),
                name="one_unfinished_love_map_round_per_subject",
            )
        ]
        indexes = [models.Index(fields=["pair", "-created_at"], name="love_map_round_pair_idx")]

    def __str__(self) -> str:
        return f"love map {self.code} in {self.pair_id}"

    @property
    def is_marked(self) -> bool:
        return self.marked_at is not None

    def kind_for(self, user: Any) -> Kind | None:
        """What ``user`` writes in this round: answers about themself, guesses, or nothing."""
        if user is None or not user.is_authenticated:
            return None
        if self.subject_id == user.pk:
            return Kind.ABOUT_ME
        if self.guesser_id == user.pk:
            return Kind.GUESS
        return None

    def other_of(self, user: Any) -> Any:
        return self.guesser if self.subject_id == user.pk else self.subject


class Entry(OwnedItem):
    """One answer about myself, or one guess, for one prompt of a round."""

    seal_fields: ClassVar[tuple[str, ...]] = ("round", "prompt_id")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    prompt_id = models.CharField(max_length=PROMPT_ID_LENGTH)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = EncryptedTextField(_("your answer"), max_length=ANSWER_TEXT, blank=False)
    # Set by the subject on the guesser's entry, once both wrote.
    mark = models.CharField(_("mark"), max_length=10, choices=Mark.choices, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "round", "prompt_id"], name="one_love_map_entry_per_prompt"
            ),
            models.CheckConstraint(
                condition=Q(mark="") | Q(kind="guess"), name="love_map_only_guesses_are_marked"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.owner_id} on {self.prompt_id}"
