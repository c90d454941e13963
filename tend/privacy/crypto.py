"""Encryption of free text at rest.

Keys come from ``settings.TEND_ENCRYPTION_KEYS``: the first key encrypts, every
key decrypts, so an operator can add a new key in front, run
``tend manage reencrypt`` and then drop the old one.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

#: Every stored ciphertext starts with this marker, so a value can be recognised
#: as encrypted (and a plain value left by a bug is never silently served).
PREFIX = "tend1:"


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("TEND_ENCRYPTION_KEYS is empty")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "Each TEND_ENCRYPTION_KEYS entry must be a url-safe base64 32-byte key "
            "(make one with `tend manage generate_encryption_key`)"
        ) from exc


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.TEND_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return PREFIX + fernet().encrypt(plaintext.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError("stored text is not encrypted")
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise ValueError("stored text cannot be decrypted with the configured keys") from exc


def rotate(stored: str) -> str:
    """Re-encrypt ``stored`` under the first key; unchanged plaintext."""
    token = fernet().rotate(stored[len(PREFIX) :].encode())
    return PREFIX + token.decode()
