from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.coach.analyzer import MAX_MESSAGE
from tend.lib.forms import limit_help


class DraftForm(forms.Form):
    text = forms.CharField(
        label=_("What you want to say"),
        max_length=MAX_MESSAGE,
        strip=False,
        help_text=limit_help(MAX_MESSAGE),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_MESSAGE}),
    )
