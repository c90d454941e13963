from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "tend.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from tend.privacy import registry

        registry.autodiscover()
