"""Forms of the love-map pages. They only validate; the rules live in ``services``."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.lib.limits import ANSWER_TEXT
from tend.love_map.models import Mark
from tend.love_map.queries import Row
from tend.love_map.selection import topic_titles
from tend.love_map.services import ABOUT_ME, ABOUT_PARTNER


class StartForm(forms.Form):
    about = forms.ChoiceField(label=_("Who answers about themself?"), widget=forms.RadioSelect)
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        help_text=_("Leave it on “A mix” for prompts from every topic."),
    )

    def __init__(self, *args: Any, partner: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name = partner.display_name if partner is not None else _("your partner")
        about = cast("forms.ChoiceField", self.fields["about"])
        about.choices = [
            (ABOUT_ME, format_lazy(_("I answer about myself, {name} guesses"), name=name)),
            (ABOUT_PARTNER, format_lazy(_("{name} answers about themself, I guess"), name=name)),
        ]
        about.initial = ABOUT_ME
        topic = cast("forms.ChoiceField", self.fields["topic"])
        topic.choices = [("", _("A mix")), *topic_titles().items()]


class EntriesForm(forms.Form):
    """One text per prompt of the round: answers about myself, or guesses."""

    def __init__(self, *args: Any, rows: list[Row], guessing: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        help_text = format_lazy(_("Up to {limit} characters."), limit=ANSWER_TEXT)
        for row in rows:
            self.fields[row.prompt_id] = forms.CharField(
                label=row.text,
                max_length=ANSWER_TEXT,
                strip=True,
                help_text=help_text,
                error_messages={
                    "required": _("Write your guess here.") if guessing else _("Write your answer.")
                },
                widget=forms.Textarea(attrs={"rows": 2, "maxlength": ANSWER_TEXT}),
            )

    def texts(self) -> dict[str, str]:
        return {row.prompt_id: self.cleaned_data[row.prompt_id] for row in self.rows}

    def pairs(self) -> list[tuple[Row, Any]]:
        return [(row, self[row.prompt_id]) for row in self.rows]


class MarkForm(forms.Form):
    """Right, close or new to me, for every guess of the round."""

    def __init__(self, *args: Any, rows: list[Row], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[f"mark-{row.prompt_id}"] = forms.ChoiceField(
                label=_("This guess was"),
                choices=Mark.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose right, close or new to me.")},
            )

    def marks(self) -> dict[str, str]:
        return {row.prompt_id: self.cleaned_data[f"mark-{row.prompt_id}"] for row in self.rows}

    def pairs(self) -> list[tuple[Row, Any]]:
        return [(row, self[f"mark-{row.prompt_id}"]) for row in self.rows]
