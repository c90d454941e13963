from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PairsConfig(AppConfig):
    name = "tend.pairs"
    label = "pairs"
    verbose_name = _("Pairs")
