"""Forms of the moments pages. They validate; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.lib.forms import limit_help
from tend.moments import content
from tend.moments.models import NOTE_TEXT, Whose


def kind_choices() -> list[tuple[Any, Any]]:
    return [
        (_("Warm moments"), [(k.slug, k.label) for k in content.positives()]),
        (_("Hard moments"), [(k.slug, k.label) for k in content.negatives()]),
    ]


class NoteForm(forms.Form):
    """One tap: a kind and, for the buttons that say so, whose moment it was; either
    as ``kind`` and ``whose`` (the API's shape) or as one button's ``tap`` value,
    ``"kind"`` or ``"kind:whose"`` (the buttons share one form)."""

    kind = forms.CharField(max_length=30, required=False)
    whose = forms.ChoiceField(choices=Whose.choices, required=False)
    tap = forms.CharField(max_length=50, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        tap = data.get("tap") or ""
        if tap:
            kind, _sep, whose = tap.partition(":")
            data["kind"] = kind
            if whose not in ("", *Whose.values):
                raise forms.ValidationError(_("Choose whose moment it was."))
            data["whose"] = whose
        if not data.get("kind"):
            raise forms.ValidationError(_("Choose a kind of moment."))
        return data


class MomentForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"))
    whose = forms.ChoiceField(
        label=_("Whose moment"),
        choices=Whose.choices,
        widget=forms.RadioSelect,
        help_text=_("A hard moment is yours or both of yours, never your partner's alone."),
    )
    happened_on = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("A few words to remember it by (only you see them)"),
        max_length=NOTE_TEXT,
        required=False,
        strip=True,
        help_text=limit_help(NOTE_TEXT),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": NOTE_TEXT}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()  # type: ignore[attr-defined]
