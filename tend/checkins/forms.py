"""Forms for the daily check-in and the weekly "state of us".

They only validate; saving goes through :mod:`tend.checkins.services`, which owns
the one-per-day and edit-only-that-day rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tend.checkins.models import DailyCheckIn, Feeling, Mood, WeeklyCheckIn
from tend.lib.limits import ANSWER_TEXT
from tend.privacy.models import Visibility

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CLOSENESS_CHOICES = [(n, str(n)) for n in range(1, 11)]
# The number stays next to its word so the scale reads the same with or without colour.
MOOD_CHOICES = [(value, format_lazy("{} · {}", value, label)) for value, label in Mood.choices]
# Shared first: it is the usual choice, and the one that opens the partner's check-in.
VISIBILITY_CHOICES = [
    (Visibility.SHARED, Visibility.SHARED.label),
    (Visibility.PRIVATE, Visibility.PRIVATE.label),
]


def _answer(label: StrOrPromise, placeholder: StrOrPromise) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=ANSWER_TEXT,
        strip=True,
        help_text=format_lazy(_("Up to {limit} characters."), limit=ANSWER_TEXT),
        widget=forms.Textarea(
            attrs={"rows": 3, "maxlength": ANSWER_TEXT, "placeholder": placeholder}
        ),
    )


def _visibility_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Who can see it"),
        choices=VISIBILITY_CHOICES,
        initial=Visibility.SHARED,
        widget=forms.RadioSelect,
        help_text=_(
            "Your partner's check-in opens for you only when yours is shared with the pair."
        ),
    )


class CheckInForm(forms.Form):
    """Shared behaviour: a person without an open pair writes for themself only."""

    def __init__(self, *args: Any, solo: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.solo = solo
        if solo:
            # Without a pair there is nobody to share with; asking would mislead.
            del self.fields["visibility"]

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if self.solo:
            data["visibility"] = Visibility.PRIVATE
        return data


class DailyCheckInForm(CheckInForm):
    mood = forms.TypedChoiceField(
        label=_("How do you feel today?"),
        choices=MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "mood-scale"}),
        error_messages={"required": _("Choose how you feel, from 1 to 5.")},
    )
    feelings = forms.MultipleChoiceField(
        label=_("Feeling words"),
        choices=Feeling.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}),
        help_text=_("Pick any that fit, or none."),
    )
    win = _answer(_("One win from today"), _("Something that went well, however small"))
    challenge = _answer(_("One challenge from today"), _("Something that was hard"))
    carrying = _answer(_("A feeling I'm carrying"), _("What is still with you"))
    support = _answer(
        _("How you could support me today"), _("A hug, a quiet evening, a listening ear…")
    )
    visibility = _visibility_field()

    @classmethod
    def initial_from(cls, item: DailyCheckIn) -> dict[str, Any]:
        return {
            "mood": item.mood,
            "feelings": list(item.feelings),
            "win": item.win,
            "challenge": item.challenge,
            "carrying": item.carrying,
            "support": item.support,
            "visibility": item.visibility,
        }


class WeeklyCheckInForm(CheckInForm):
    went_well = _answer(_("What went well between us this week"), _("A moment you enjoyed"))
    was_hard = _answer(_("What was hard"), _("Said gently, without blame"))
    need = _answer(_("One need for next week"), _("Something that would help you feel close"))
    appreciation = _answer(_("An appreciation"), _("Something you are thankful for"))
    closeness = forms.TypedChoiceField(
        label=_("How close do you feel, from 1 (distant) to 10 (very close)?"),
        choices=CLOSENESS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "mood-scale"}),
        error_messages={"required": _("Choose how close you feel, from 1 to 10.")},
    )
    visibility = _visibility_field()

    @classmethod
    def initial_from(cls, item: WeeklyCheckIn) -> dict[str, Any]:
        return {
            "went_well": item.went_well,
            "was_hard": item.was_hard,
            "need": item.need,
            "appreciation": item.appreciation,
            "closeness": item.closeness,
            "visibility": item.visibility,
        }
