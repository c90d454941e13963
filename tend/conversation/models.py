"""Questions a pair answers together: the question of the day (one prompt per pair
and local day) and questions one person chose to ask the other. Each answer is
written alone and opens for both once both answered; then reactions and a short
reply thread."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tend.lib.limits import ANSWER_TEXT, PROMPT_TEXT, REPLY_TEXT
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH, new_code
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem

#: The category of the prompts a pair wrote itself.
OURS = "ours"


DEPTHS = [(1, _("Light")), (2, _("Personal")), (3, _("Deep"))]


class ConversationSettings(models.Model):
    """What a pair wants to be asked. No categories chosen means all of them."""

    pair = models.OneToOneField(
        Pair, on_delete=models.CASCADE, related_name="conversation_settings"
    )
    categories = models.JSONField(_("categories"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"conversation settings of {self.pair}"


class PairPrompt(OwnedItem):
    """A question the pair wrote for itself; always shared with the pair.

    Written prompts join the pair's pool as the category ``ours`` and can be asked
    directly. Removing one that was already asked retires it, so past questions keep
    their wording; deleting the writer's account deletes it.
    """

    text = EncryptedTextField(_("your question"), max_length=PROMPT_TEXT, blank=False)
    depth = models.PositiveSmallIntegerField(_("how personal"), choices=DEPTHS, default=1)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"pair prompt {self.code}"

    @property
    def candidate_id(self) -> str:
        return f"{OURS}:{self.code}"


class QuestionKind(models.TextChoices):
    DAILY = "daily", _("Question of the day")
    ASKED = "asked", _("Asked by one of you")
    #: A day's question the pair passed over; it keeps any answer written to it.
    SKIPPED = "skipped", _("Skipped")


class Question(models.Model):
    """A prompt put to a pair: the one for a local day (the pair's time zone), or one a
    person asked. The prompt is a content id, or a prompt the pair wrote."""

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=10, choices=QuestionKind.choices, default=QuestionKind.DAILY)
    day = models.DateField(_("day"))
    prompt_id = models.CharField(max_length=60, blank=True)
    pair_prompt = models.ForeignKey(
        PairPrompt, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    skipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair", "day"],
                condition=Q(kind="daily"),
                name="one_question_per_pair_and_day",
            )
        ]
        indexes = [models.Index(fields=["pair", "-day"], name="question_pair_day")]

    def __str__(self) -> str:
        return f"{self.pair} {self.day}: {self.candidate_id}"

    @property
    def candidate_id(self) -> str:
        """The id the selection uses: a content id, or ``ours:<code>``."""
        if self.prompt_id:
            return self.prompt_id
        own = self.pair_prompt if self.pair_prompt_id else None
        return f"{OURS}:{own.code}" if own is not None else ""

    @property
    def prompt(self) -> Any:
        from tend.conversation import content

        found = content.prompts_by_id().get(self.prompt_id)
        return found[1] if found else None

    @property
    def text(self) -> str:
        """The wording for both people (a written prompt needs ``pair_prompt`` loaded)."""
        if self.prompt_id:
            prompt = self.prompt
            return prompt.text if prompt is not None else ""
        if self.pair_prompt_id and self.pair_prompt is not None:
            return self.pair_prompt.text
        return str(_("A question you wrote, since removed."))

    @property
    def category(self) -> str:
        if not self.prompt_id:
            return OURS
        from tend.conversation import content

        found = content.prompts_by_id().get(self.prompt_id)
        return found[0].category if found else ""


class Answer(OwnedItem):
    """One person's answer to their pair's question; sealed until both answered."""

    seal_fields: ClassVar[tuple[str, ...]] = ("question",)

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = EncryptedTextField(_("your answer"), max_length=ANSWER_TEXT, blank=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "question"], name="one_answer_per_person_and_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.owner} on {self.question_id}"


class ReactionKind(models.TextChoices):
    HEART = "heart", _("Love this")
    LAUGH = "laugh", _("Made me smile")
    HUG = "hug", _("Sending a hug")
    NEW = "new", _("I didn't know that")
    THANKS = "thanks", _("Thank you for telling me")


# Symbols every system font has (no colour emoji needed); the label always goes with them.
REACTION_SYMBOLS = {
    ReactionKind.HEART: "\u2665",
    ReactionKind.LAUGH: "\u263a",
    ReactionKind.HUG: "\u2740",
    ReactionKind.NEW: "\u2726",
    ReactionKind.THANKS: "\u2713",
}


class Reaction(models.Model):
    """One person's reaction to an opened answer (one per person and answer)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="reactions")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("reaction"), max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "owner"], name="one_reaction_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.owner_id} on {self.answer_id}"

    @property
    def symbol(self) -> str:
        return REACTION_SYMBOLS[ReactionKind(self.kind)]


class Reply(OwnedItem):
    """A message in the short thread under an opened question; shared with the pair."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="replies")
    text = EncryptedTextField(_("your reply"), max_length=REPLY_TEXT, blank=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"reply {self.code} on {self.question_id}"


class Favourite(models.Model):
    """A question one person wants to find again; nobody else sees the mark."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="favourites")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "question"], name="one_favourite_mark")
        ]

    def __str__(self) -> str:
        return f"favourite {self.question_id} of {self.owner_id}"
