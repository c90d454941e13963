"""Random public identifiers for URLs: never a row id."""

from __future__ import annotations

import secrets

CODE_LENGTH = 22


def new_code() -> str:
    """16 random bytes, url-safe: 22 characters."""
    return secrets.token_urlsafe(16)
