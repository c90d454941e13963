"""The question of the day: one prompt per pair and local day, answered privately,
opened for both once both answered."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from tend.lib.limits import ANSWER_TEXT
from tend.pairs.models import Pair
from tend.privacy.codes import CODE_LENGTH, new_code
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem


class ConversationSettings(models.Model):
    """What a pair wants to be asked. No categories chosen means all of them."""

    pair = models.OneToOneField(
        Pair, on_delete=models.CASCADE, related_name="conversation_settings"
    )
    categories = models.JSONField(_("categories"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"conversation settings of {self.pair}"


class Question(models.Model):
    """The prompt a pair got for one of its local days (the pair's time zone)."""

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="questions")
    day = models.DateField(_("day"))
    prompt_id = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["pair", "day"], name="one_question_per_pair_and_day")
        ]

    def __str__(self) -> str:
        return f"{self.pair} {self.day}: {self.prompt_id}"

    @property
    def prompt(self) -> Any:
        from tend.conversation import content

        found = content.prompts_by_id().get(self.prompt_id)
        return found[1] if found else None


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
