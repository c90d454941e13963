"""Settings for `make bench`: the normal settings plus a bare view to compare against.

Selected with DJANGO_SETTINGS_MODULE=tend.bench_settings by bench/run.py only; the
bare view is never part of the normal URLconf.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from tend.settings import *  # noqa: F403
from tend.settings import PRODUCTION

if PRODUCTION:
    raise ImproperlyConfigured("The benchmark settings are not for production")

ROOT_URLCONF = "tend.bench_urls"
