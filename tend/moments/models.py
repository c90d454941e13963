"""The moments ledger: one row per moment a person noticed, private to them.

A moment is never shared, not even with the pair: the pair sees only sums
(see :mod:`tend.moments.figures`). A database constraint holds the visibility
at private whatever code writes the row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem, Visibility

if TYPE_CHECKING:
    from tend.moments.content import Kind

#: A note on a moment: a line to remember it by, not a diary entry.
NOTE_TEXT = 280


class Whose(models.TextChoices):
    PARTNER = "partner", _("My partner")
    MINE = "mine", _("Me")
    OURS = "ours", _("Both of us")


class Moment(OwnedItem):
    """A moment noticed: its kind (see ``kinds.yaml``), who it was about, the
    person's local day, and an optional note."""

    kind = models.CharField(_("kind"), max_length=30)
    whose = models.CharField(_("whose moment"), max_length=10, choices=Whose.choices)
    happened_on = models.DateField(_("day"))
    note = EncryptedTextField(_("note"), max_length=NOTE_TEXT, blank=True, default="")

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility=Visibility.PRIVATE), name="moment_always_private"
            ),
        ]
        indexes = [
            models.Index(fields=["pair", "happened_on"], name="moment_pair_day"),
            models.Index(fields=["owner", "-happened_on"], name="moment_owner_day"),
        ]

    def __str__(self) -> str:
        return f"moment {self.code}"

    @property
    def kind_info(self) -> Kind | None:
        """The kind as the kinds file describes it (None for a kind since removed)."""
        from tend.moments import content

        return content.by_slug().get(self.kind)
