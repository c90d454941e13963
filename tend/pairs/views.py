"""Pair pages: list, create, detail, edit, invite, leave, switch, and joining by a link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tend.accounts.views import safe_next
from tend.lib.http import AuthenticatedHttpRequest
from tend.pairs import services
from tend.pairs.access import SESSION_KEY, get_open_pair_for, get_pair_for, pairs_of, switch_pair
from tend.pairs.forms import PairForm
from tend.pairs.models import Invite, Pair


def _pending_invite(pair: Pair) -> Invite | None:
    return Invite.objects.filter(pair=pair).pending().first()


def _detail_page(
    request: AuthenticatedHttpRequest,
    pair: Pair,
    *,
    invite_url: str | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    members = [m for m in pair.member_list() if m.left_at is None]
    context = {
        "pair": pair,
        "members": members,
        "partner": pair.partner_of(user),
        "is_full": len(members) >= 2,
        "pending_invite": _pending_invite(pair) if pair.is_open else None,
        "invite_url": invite_url,
    }
    return render(request, "pairs/detail.html", context, status=status)


@login_required
def pair_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    pairs = pairs_of(request.user)
    rows = [(pair, pair.partner_of(request.user)) for pair in pairs]
    return render(request, "pairs/list.html", {"rows": rows})


@login_required
def pair_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PairForm(request.POST)
        if form.is_valid():
            pair = services.create_pair(request.user, **form.cleaned_data)
            switch_pair(request, pair)
            messages.success(
                request,
                _("“%(name)s” is ready. Now invite the other person.") % {"name": pair.name},
            )
            return redirect("pairs:detail", code=pair.code)
        return render(request, "pairs/form.html", {"form": form, "pair": None}, status=400)
    return render(request, "pairs/form.html", {"form": PairForm(), "pair": None})


@login_required
def pair_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    return _detail_page(request, get_pair_for(request.user, code))


@login_required
def pair_edit(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    pair = get_pair_for(request.user, code)
    if request.method == "POST":
        form = PairForm(request.POST, instance=pair)
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved."))
            return redirect("pairs:detail", code=pair.code)
        return render(request, "pairs/form.html", {"form": form, "pair": pair}, status=400)
    return render(request, "pairs/form.html", {"form": PairForm(instance=pair), "pair": pair})


@never_cache
@login_required
@require_POST
def pair_invite(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    pair = get_open_pair_for(request.user, code)
    try:
        issued = services.issue_invite(pair, request.user)
    except services.PairError as error:
        messages.error(request, str(error))
        return redirect("pairs:detail", code=pair.code)
    # The link is shown in this response only; the database keeps just its hash.
    url = request.build_absolute_uri(reverse("pairs:join", args=[issued.token]))
    return _detail_page(request, pair, invite_url=url)


@login_required
def pair_leave(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    pair = get_open_pair_for(request.user, code)
    if request.method == "POST":
        services.leave_pair(pair, request.user)
        if request.session.get(SESSION_KEY) == pair.code:
            del request.session[SESSION_KEY]
        messages.success(
            request,
            _("You have left “%(name)s”. Nothing more is shared in it.") % {"name": pair.name},
        )
        return redirect("pairs:list")
    return render(
        request, "pairs/leave.html", {"pair": pair, "partner": pair.partner_of(request.user)}
    )


@login_required
@require_POST
def pair_switch(request: AuthenticatedHttpRequest, code: str) -> HttpResponseRedirect:
    pair = get_pair_for(request.user, code)
    switch_pair(request, pair)
    return redirect(safe_next(request, reverse("today:today")))


def _invite_error(
    request: HttpRequest, invite: Invite | None, error: services.PairError
) -> HttpResponse:
    """The clear message page for a link that cannot be used; nothing was saved."""
    gone = invite is not None and (
        invite.used_at is not None
        or invite.declined_at is not None
        or invite.revoked_at is not None
        or invite.expires_at <= timezone.now()
        or not invite.pair.is_open
    )
    # 410: the link was good once and is gone for good; 400: this person cannot use it.
    return render(
        request, "pairs/join_error.html", {"message": str(error)}, status=410 if gone else 400
    )


@never_cache
def join(request: HttpRequest, token: str) -> HttpResponse:
    invite = services.find_invite(token)
    try:
        services.check_invite_for(invite, request.user)
    except services.PairError as error:
        return _invite_error(request, invite, error)
    assert invite is not None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            pair = services.accept_invite(token, request.user)
        except services.PairError as error:
            return _invite_error(request, services.find_invite(token), error)
        switch_pair(request, pair)
        messages.success(
            request,
            _("You joined “%(name)s” with %(inviter)s.")
            % {"name": pair.name, "inviter": invite.inviter.display_name},
        )
        return redirect("pairs:detail", code=pair.code)
    return render(request, "pairs/join.html", {"invite": invite, "token": token})


@never_cache
@require_POST
def join_decline(request: HttpRequest, token: str) -> HttpResponse:
    invite = services.find_invite(token)
    try:
        services.decline_invite(token, request.user)
    except services.PairError as error:
        return _invite_error(request, invite, error)
    return render(request, "pairs/declined.html", {"invite": invite})
