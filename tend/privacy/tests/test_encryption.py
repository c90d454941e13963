from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from tend.checkins.models import DailyCheckIn
from tend.privacy import crypto


def _raw_win(item: DailyCheckIn) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT win FROM {DailyCheckIn._meta.db_table} WHERE id = %s", [item.pk])
        return cursor.fetchone()[0]


@pytest.fixture
def checkin(alice, pair):
    return DailyCheckIn.objects.create(
        owner=alice, pair=pair, date=alice.local_today(), mood=4, win="We baked bread together"
    )


def test_free_text_is_stored_encrypted(checkin):
    raw = _raw_win(checkin)
    assert raw.startswith(crypto.PREFIX)
    assert "bread" not in raw
    assert DailyCheckIn.objects.get(pk=checkin.pk).win == "We baked bread together"


def test_the_same_text_encrypts_differently_each_time(alice, pair, checkin):
    assert crypto.encrypt("same") != crypto.encrypt("same")


def test_lookups_on_encrypted_text_are_refused(checkin):
    with pytest.raises(Exception, match="Unsupported lookup"):
        list(DailyCheckIn.objects.filter(win="We baked bread together"))


def test_reencrypt_moves_every_text_to_the_first_key(settings, checkin):
    old_key = settings.TEND_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.TEND_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("reencrypt", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.TEND_ENCRYPTION_KEYS = [new_key]
    assert DailyCheckIn.objects.get(pk=checkin.pk).win == "We baked bread together"


def test_text_under_an_unknown_key_fails_loudly(settings, checkin):
    settings.TEND_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ValueError, match="cannot be decrypted"):
        DailyCheckIn.objects.get(pk=checkin.pk)


def test_plaintext_limit_is_validated(alice, pair):
    item = DailyCheckIn(owner=alice, pair=pair, date=alice.local_today(), mood=3, win="x" * 1001)
    with pytest.raises(Exception, match="at most 1000"):
        item.full_clean()
