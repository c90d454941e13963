"""The JSON API at /api/v1/: every feature's router, one OpenAPI description.

Every error is JSON ``{"detail": "..."}`` with a sentence a person can read;
schema violations (422) add ``errors``, one entry per field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from tend.accounts.auth import api_auth
from tend.lib.errors import RuleBroken

api = NinjaAPI(
    title="Tend API",
    version="1",
    description=(
        "The JSON API of Tend. Sign in with the browser session (writes need the "
        "X-CSRFToken header) or send a personal access token as "
        "`Authorization: Bearer tend_...`. Objects are named by their `code`."
    ),
    urls_namespace="api",
    auth=api_auth,
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/accounts", "tend.accounts.api.router")
api.add_router("/pairs", "tend.pairs.api.router")
api.add_router("/checkins", "tend.checkins.api.router")
api.add_router("/conversation", "tend.conversation.api.router")
api.add_router("/coach", "tend.coach.api.router")
api.add_router("/privacy", "tend.privacy.api.router")
api.add_router("/love-map", "tend.love_map.api.router")
api.add_router("/deep-talk", "tend.deep_talk.api.router")
api.add_router("/moments", "tend.moments.api.router")
api.add_router("/appreciation", "tend.appreciation.api.router")

_SOURCES = {"body", "query", "path", "header", "cookie", "form"}


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        # A JSON body is one schema parameter; its name says nothing to the client.
        if source == "body" and len(parts) > 1:
            parts.pop(0)
    return ".".join(str(p) for p in parts)


def _validation_response(request: HttpRequest, errors: list[dict[str, Any]]) -> HttpResponse:
    lines = [f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors]
    detail = _("The request is not valid.") + " " + " ".join(f"{line}." for line in lines)
    return api.create_response(request, {"detail": detail.strip(), "errors": errors}, status=422)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"field": _field_name(e.get("loc", ())), "message": str(e.get("msg", "")).rstrip(".")}
        for e in exc.errors
    ]
    return _validation_response(request, errors)


@api.exception_handler(DjangoValidationError)
def model_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    # Model rules (full_clean) that a schema could not state.
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": "" if field == "__all__" else field, "message": str(m).rstrip(".")}
            for field, messages in exc.message_dict.items()
            for m in messages
        ]
    else:
        errors = [{"field": "", "message": str(m).rstrip(".")} for m in exc.messages]
    return _validation_response(request, errors)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Sign in or send a personal access token.")}, status=401
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # The same answer for "does not exist" and "not yours": a 403 would confirm it exists.
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(RuleBroken)
def rule_broken(request: HttpRequest, exc: RuleBroken) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message}, status=exc.status)
