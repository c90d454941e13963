from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeepTalkConfig(AppConfig):
    name = "tend.deep_talk"
    label = "deep_talk"
    verbose_name = _("Deep talk")
