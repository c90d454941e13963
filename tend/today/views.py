"""The Today page: what is waiting for the person today, built from feature panels."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tend.pairs.access import current_pair
from tend.today import panels


def today(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "today/welcome.html")
    pair = current_pair(request)
    return render(
        request,
        "today/today.html",
        {
            "panels": panels.panels_for(request, pair),
            "today": request.user.local_today(),
            "pair": pair,
            "partner": pair.partner_of(request.user) if pair else None,
        },
    )
