"""Pieces every API router shares: the error body and the page of a list."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema

MAX_PAGE = 200


def optional_field(**kwargs: Any) -> Any:
    """A field a PATCH may leave out but may not set to null.

    The None default is never validated, so leaving the field out passes, while an
    explicit null fails the type check; the OpenAPI schema does not offer null.
    """
    return Field(None, **kwargs)


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in words a person can read.")


class FieldErrorOut(Schema):
    field: str
    message: str


class ValidationErrorOut(ErrorOut):
    errors: list[FieldErrorOut]


#: Responses any authenticated operation may give besides its own.
COMMON_ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {**COMMON_ERRORS, 400: ErrorOut, 422: ValidationErrorOut}


class PageParams(Schema):
    """``limit`` and ``offset`` with a stated ceiling, so a client cannot ask for everything."""

    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0)


def page_of(queryset: QuerySet[Any], page: PageParams) -> dict[str, Any]:
    """One page of an ordered queryset, with the total count, for a ``...PageOut`` schema."""
    return {
        "items": list(queryset[page.offset : page.offset + page.limit]),
        "count": queryset.count(),
        "limit": page.limit,
        "offset": page.offset,
    }
