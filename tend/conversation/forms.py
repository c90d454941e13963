"""Forms of the conversation pages. They validate; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.conversation.models import DEPTHS
from tend.lib.forms import limit_help
from tend.lib.limits import ANSWER_TEXT, PROMPT_TEXT, REPLY_TEXT
from tend.privacy.models import Visibility


def _text(label: Any, limit: int, rows: int, placeholder: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        strip=True,
        help_text=limit_help(limit),
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": limit, "placeholder": placeholder}),
    )


class AnswerForm(forms.Form):
    text = _text(_("Your answer"), ANSWER_TEXT, 5, _("A few honest sentences are plenty."))
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=[
            (Visibility.SHARED, _("My partner, once they have answered too")),
            (Visibility.PRIVATE, _("Only me (theirs stays closed to me as well)")),
        ],
        initial=Visibility.SHARED,
        widget=forms.RadioSelect,
    )


class ReplyForm(forms.Form):
    text = _text(_("Reply"), REPLY_TEXT, 2)


class PromptForm(forms.Form):
    text = _text(
        _("Your question"), PROMPT_TEXT, 2, _("What would you like the two of you to talk about?")
    )
    depth = forms.TypedChoiceField(
        label=_("How personal is it?"),
        choices=DEPTHS,
        coerce=int,
        initial=1,
        widget=forms.RadioSelect,
    )


class SettingsForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}),
        help_text=_("The question of the day comes from the categories switched on."),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = choices  # type: ignore[attr-defined]
