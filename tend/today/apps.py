from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TodayConfig(AppConfig):
    name = "tend.today"
    label = "today"
    verbose_name = _("Today")

    def ready(self) -> None:
        from tend.today import panels

        panels.autodiscover()
