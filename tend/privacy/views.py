"""Privacy pages: what Tend keeps, a full export, and deleting an account."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tend.lib.http import AuthenticatedHttpRequest
from tend.privacy import services
from tend.privacy.forms import DeleteAccountForm


@login_required
@require_GET
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "privacy/overview.html")


@login_required
@require_GET
def export_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = services.export_for(request.user)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="tend-export-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def export_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    response = render(
        request,
        "privacy/export_page.html",
        {"sections": services.export_sections(request.user), "exported_at": timezone.now()},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        messages.success(request, _("Your account and everything you wrote have been deleted."))
        return redirect("accounts:login")
    return render(request, "privacy/delete_account.html", {"form": form})
