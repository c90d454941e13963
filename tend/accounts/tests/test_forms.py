from __future__ import annotations

import pytest

from tend.accounts.forms import NewPasswordForm, ProfileForm, SignupForm, timezone_choices
from tend.accounts.models import User


def test_the_suggested_zones_are_real_and_skip_legacy_names() -> None:
    zones = timezone_choices()
    assert zones[0] == "UTC"
    assert "Europe/Berlin" in zones
    assert "America/Argentina/Buenos_Aires" in zones
    assert not any(z.startswith(("Etc/", "US/")) for z in zones)


@pytest.mark.django_db
def test_signup_stores_the_email_in_lower_case() -> None:
    form = SignupForm(
        {
            "email": "  Erin@Example.COM ",
            "display_name": "Erin",
            "password1": "long-enough-passphrase-9",
            "password2": "long-enough-passphrase-9",
            "time_zone": "Asia/Kolkata",
        }
    )
    assert form.is_valid(), form.errors
    assert form.save().email == "erin@example.com"


@pytest.mark.django_db
def test_signup_help_for_the_password_is_plain_text() -> None:
    help_text = str(SignupForm().fields["password1"].help_text)
    assert "<" not in help_text
    assert "10 characters" in help_text


def test_the_profile_form_rejects_an_unknown_zone(alice: User) -> None:
    form = ProfileForm(
        {
            "display_name": "Alice",
            "time_zone": "Nowhere/Town",
            "reminder_hour": 9,
            "quiet_start": "22:00",
            "quiet_end": "07:00",
        },
        instance=alice,
    )
    assert not form.is_valid()
    assert "time_zone" in form.errors


def test_the_new_password_form_checks_the_validators(alice: User) -> None:
    form = NewPasswordForm(alice, {"new_password1": "1234567890", "new_password2": "1234567890"})
    assert not form.is_valid()
    assert "new_password2" in form.errors
