"""Forms of the appreciation pages. They validate; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.appreciation.models import THING_TEXT, AppreciationKind
from tend.lib.forms import limit_help
from tend.lib.limits import ANSWER_TEXT, REPLY_TEXT


def _text(label: Any, limit: int, rows: int, placeholder: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        strip=True,
        help_text=limit_help(limit),
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": limit, "placeholder": placeholder}),
    )


def _kind_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("Just this")), *list(AppreciationKind.choices)],
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )


class AppreciationForm(forms.Form):
    text = _text(
        _("Your appreciation"), ANSWER_TEXT, 4, _("Something you noticed and want them to know.")
    )
    kind = _kind_field()


class GratitudeForm(forms.Form):
    text = _text(_("One thing from today"), ANSWER_TEXT, 3)


class SendGratitudeForm(forms.Form):
    kind = _kind_field()


class ThreeThingsForm(forms.Form):
    first = _text(_("The first thing I appreciate about you"), THING_TEXT, 2)
    second = _text(_("The second thing"), THING_TEXT, 2)
    third = _text(_("The third thing"), THING_TEXT, 2)


class NewsForm(forms.Form):
    text = _text(_("Your good news"), ANSWER_TEXT, 3, _("A win, big or small."))


class NewsReplyForm(forms.Form):
    text = _text(_("Your reply"), REPLY_TEXT, 3)
    send_anyway = forms.BooleanField(label=_("Send it as it is"), required=False)
