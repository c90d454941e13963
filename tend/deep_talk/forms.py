"""Forms of the deep-talk pages. They only validate; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tend.conversation import content
from tend.deep_talk.models import CLOSENESS_STEPS, TalkState
from tend.deep_talk.services import ACTIONS
from tend.lib.limits import LONG_TEXT

#: Words for the seven steps of the two-circle picture, from apart to almost one.
STEP_WORDS = {
    1: _("far apart"),
    2: _("a little apart"),
    3: _("just touching"),
    4: _("overlapping a little"),
    5: _("overlapping"),
    6: _("overlapping a lot"),
    7: _("almost one"),
}


def step_label(value: int) -> Any:
    return format_lazy(
        _("{value} of {steps}: {words}"),
        value=value,
        steps=CLOSENESS_STEPS,
        words=STEP_WORDS[value],
    )


def _evenings() -> list[tuple[str, str]]:
    return [(slug, evening.title) for slug, evening in content.deep_talk_sessions().items()]


class StartForm(forms.Form):
    evening = forms.ChoiceField(label=_("Which evening"), choices=_evenings)
    first = forms.ChoiceField(
        label=_("Who answers the first question"),
        choices=[("me", _("I do")), ("partner", _("My partner does"))],
        initial="me",
        widget=forms.RadioSelect,
        help_text=_("After that you take turns: who goes first changes with every question."),
    )


class ClosenessForm(forms.Form):
    value = forms.TypedChoiceField(
        label=_("How close do you feel right now?"),
        choices=[(n, step_label(n)) for n in range(1, CLOSENESS_STEPS + 1)],
        coerce=int,
        error_messages={"required": _("Choose one of the seven pictures.")},
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("A note for yourself"),
        max_length=LONG_TEXT,
        strip=True,
        help_text=format_lazy(
            _("Only you will ever see it. Up to {limit} characters."), limit=LONG_TEXT
        ),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": LONG_TEXT}),
        error_messages={"required": _("Write something to keep, or leave it.")},
    )
    question = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)


class StepForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    at = forms.IntegerField(required=False, min_value=0)
    state = forms.ChoiceField(choices=TalkState.choices, required=False)
