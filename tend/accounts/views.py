"""Account pages: sign up, log in and out, password reset, profile and access tokens."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tend.accounts.access import get_token_for
from tend.accounts.forms import (
    EmailAuthenticationForm,
    NewPasswordForm,
    ProfileForm,
    SignupForm,
    TokenForm,
)
from tend.lib.http import AuthenticatedHttpRequest

# The session backend to record on sign-up: axes' backend only guards password checks.
_LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The `next` parameter when it points back into Tend, else ``fallback``."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return fallback


def signup(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request, reverse("today:today"))
    if request.user.is_authenticated:
        return redirect(next_url)
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            user = form.save()
            login(request, user, backend=_LOGIN_BACKEND)
            messages.success(request, _("Welcome to Tend, %(name)s.") % {"name": user.display_name})
            return redirect(next_url)
        status = 400
    else:
        form = SignupForm()
        status = 200
    return render(request, "accounts/signup.html", {"form": form, "next": next_url}, status=status)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django refuses GET), so a link elsewhere cannot log anyone out."""


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "email/password_reset.txt"
    subject_template_name = "email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        # Links in the mail use the configured address, never the Host header of the request.
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def _profile_page(
    request: AuthenticatedHttpRequest,
    form: ProfileForm,
    token_form: TokenForm,
    new_token: str | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    context = {
        "form": form,
        "token_form": token_form,
        "tokens": list(user.access_tokens.all()),
        "new_token": new_token,
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
        # A failed ModelForm has already copied the bad values onto request.user; reload
        # it so the rest of the page (and the time zone) shows what is really stored.
        user.refresh_from_db()
        return _profile_page(request, form, TokenForm(), status=400)
    return _profile_page(request, ProfileForm(instance=user), TokenForm())


@never_cache
@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    token_form = TokenForm(request.POST)
    if not token_form.is_valid():
        return _profile_page(request, ProfileForm(instance=user), token_form, status=400)
    _token, raw = token_form.save(user)
    # The raw token goes into this response only: it is never stored, not even in the session.
    return _profile_page(request, ProfileForm(instance=user), TokenForm(), new_token=raw)


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, code: str) -> HttpResponseRedirect:
    token = get_token_for(request.user, code)
    name = token.name
    token.delete()
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": name})
    return redirect("accounts:profile")
