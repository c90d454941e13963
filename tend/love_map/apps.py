from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoveMapConfig(AppConfig):
    name = "tend.love_map"
    label = "love_map"
    verbose_name = _("Love map")
