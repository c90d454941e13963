"""Forms for signing up, logging in, the profile and personal access tokens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import AccessToken, User
from tend.lib import timezones
from tend.lib.limits import SHORT_TEXT


def timezone_choices() -> list[str]:
    """Zones offered as suggestions; any valid IANA name is still accepted."""
    legacy = ("Etc/", "SystemV/", "US/", "Brazil/", "Canada/", "Chile/", "Mexico/")
    names = (
        name for name in timezones.all_timezones() if "/" in name and not name.startswith(legacy)
    )
    return ["UTC", *sorted(names)]


class TimeZoneInput(forms.TextInput):
    """A text input with the known zones as a datalist.

    tend.js fills it with the browser's zone when empty (data-guess-timezone).
    """

    template_name = "accounts/widgets/timezone.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {
            "autocomplete": "off",
            "spellcheck": "false",
            "autocapitalize": "none",
            "data-guess-timezone": "",
        }
        super().__init__({**defaults, **(attrs or {})})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}_zones"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["zones"] = timezone_choices()
        return context


class TimeOfDayInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


def _password_help() -> str:
    # Django's own help is HTML; our field template shows help as plain text.
    return " ".join(str(text) for text in password_validation.password_validators_help_texts())


class SignupForm(BaseUserCreationForm):
    error_messages = {
        **BaseUserCreationForm.error_messages,
        "duplicate_email": _(
            "An account with this e-mail address already exists. "
            "Log in, or reset your password if you have forgotten it."
        ),
    }

    class Meta:
        model = User
        fields = ("email", "display_name", "time_zone")
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "time_zone": TimeZoneInput(),
        }
        labels = {
            "email": _("E-mail address"),
            "display_name": _("Your name, as your partner will see it"),
            "time_zone": _("Your time zone"),
        }
        help_texts = {
            "time_zone": _("Your days and reminders follow this zone, e.g. Europe/Berlin."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = _password_help()
        self.fields["password2"].label = _("Password again")
        self.fields["password2"].help_text = ""
        if not self.is_bound:
            # The browser's zone is guessed only into an empty field, so start empty, not UTC.
            self.initial["time_zone"] = ""

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                self.error_messages["duplicate_email"], code="duplicate_email"
            )
        return email


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with the e-mail address; addresses are stored in lower case."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That e-mail address and password do not match an account."),
    }

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class NewPasswordForm(SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = _password_help()
        self.fields["new_password2"].label = _("New password again")
        self.fields["new_password2"].help_text = ""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("display_name", "time_zone", "reminder_hour", "quiet_start", "quiet_end")
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "time_zone": TimeZoneInput(),
            "reminder_hour": forms.NumberInput(attrs={"min": 0, "max": 23, "step": 1}),
            "quiet_start": TimeOfDayInput(),
            "quiet_end": TimeOfDayInput(),
        }
        labels = {
            "display_name": _("Your name, as your partner will see it"),
            "time_zone": _("Your time zone"),
            "quiet_start": _("From"),
            "quiet_end": _("Until"),
        }
        help_texts = {
            "time_zone": _("Your days and reminders follow this zone, e.g. Europe/Berlin."),
        }


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is this token for?"),
        max_length=SHORT_TEXT,
        help_text=_("A name that helps you recognise it later, such as “phone app”."),
    )

    def save(self, user: User) -> tuple[AccessToken, str]:
        return AccessToken.issue(user, self.cleaned_data["name"].strip())
