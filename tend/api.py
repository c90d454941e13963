"""The JSON API at /api/v1/: every feature's router, one OpenAPI description."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from tend.accounts.auth import api_auth

api = NinjaAPI(
    title="Tend API",
    version="1",
    urls_namespace="api",
    auth=api_auth,
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/accounts", "tend.accounts.api.router")
api.add_router("/pairs", "tend.pairs.api.router")
api.add_router("/checkins", "tend.checkins.api.router")
api.add_router("/privacy", "tend.privacy.api.router")


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "The request is not valid.", "errors": exc.errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": "Sign in or send a personal access token."}, status=401)
