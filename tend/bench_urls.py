"""The normal URLconf plus `bench-bare/`, the baseline that `make bench` compares pages to."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from tend.urls import urlpatterns as tend_urlpatterns


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    # Touching the user makes the baseline pay for the session and user lookups
    # that every real page pays for; the rest is as little as Django can do.
    return HttpResponse(f"ok {request.user.pk}", content_type="text/plain")


urlpatterns = [path("bench-bare/", bare, name="bench_bare"), *tend_urlpatterns]
