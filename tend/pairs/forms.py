"""Forms for creating and editing a pair."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tend.pairs.models import Pair


class PairForm(forms.ModelForm):
    class Meta:
        model = Pair
        fields = ("name", "kind", "started_on")
        widgets = {
            "kind": forms.RadioSelect(),
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "name": _("A name for the two of you"),
            "kind": _("You are"),
            "started_on": _("Together since"),
        }
        help_texts = {
            "name": _("Only the two of you see it, e.g. “Sam & Robin” or “Sunday walkers”."),
            "started_on": _("When your relationship or friendship began, if you like."),
        }
