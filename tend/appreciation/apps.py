from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppreciationConfig(AppConfig):
    name = "tend.appreciation"
    label = "appreciation"
    verbose_name = _("Appreciation")
