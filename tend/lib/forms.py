"""Running a service write behind a form, so a refusal becomes a form error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

from tend.lib.errors import RuleBroken

T = TypeVar("T")


def run_service(form: forms.Form, write: Callable[[], T]) -> T | None:
    """Call ``write``; a broken rule or a model validation error is added to ``form``
    (on the field it names when the form has one) and ``None`` returned, so the page
    re-renders with everything the person typed."""
    try:
        return write()
    except RuleBroken as exc:
        form.add_error(None, exc.message)
    except ValidationError as exc:
        add_validation_error(form, exc)
    return None


def add_validation_error(form: forms.Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def limit_help(limit: int) -> Any:
    from django.utils.text import format_lazy
    from django.utils.translation import gettext_lazy as _

    return format_lazy(_("Up to {limit} characters."), limit=limit)
