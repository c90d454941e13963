"""A text field that is encrypted in the database and plain in Python."""

from __future__ import annotations

from typing import Any

from django.core import validators
from django.db import models
from django.utils.translation import gettext_lazy as _

from tend.privacy import crypto


class EncryptedTextField(models.TextField):
    """Free text, encrypted at rest with the instance's keys.

    ``max_length`` limits the *plaintext* (validated by forms and ``full_clean``);
    the column itself is unbounded because ciphertext is longer than its input.
    Encrypted values cannot be searched or ordered by the database, by design.
    """

    description = _("Encrypted text")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt(str(value))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return crypto.decrypt(value)

    def get_lookup(self, lookup_name: str) -> Any:
        # Equality on ciphertext can never match (each encryption is salted), so
        # refuse lookups instead of returning silently wrong results.
        if lookup_name in {"isnull"}:
            return super().get_lookup(lookup_name)
        return None
