"""People: the user account, its profile settings, and personal access tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.lib import timezones
from tend.lib.limits import SHORT_TEXT
from tend.privacy.codes import CODE_LENGTH, new_code


def validate_timezone(value: str) -> None:
    if not timezones.is_valid_timezone(value):
        raise ValidationError(
            _("“%(value)s” is not a time zone we know. Pick one such as Europe/Berlin."),
            params={"value": value},
            code="invalid_timezone",
        )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=60)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    reminder_hour = models.PositiveSmallIntegerField(
        _("reminders may arrive from"),
        default=19,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
        help_text=_("The hour of the day (0–23, your time) when daily reminders may arrive."),
    )
    quiet_start = models.TimeField(_("quiet hours start"), default=dt.time(22, 0))
    quiet_end = models.TimeField(_("quiet hours end"), default=dt.time(7, 0))
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name or self.email

    def local_now(self, now: dt.datetime | None = None) -> dt.datetime:
        return timezones.local_now(self.time_zone, now)

    def local_today(self, now: dt.datetime | None = None) -> dt.date:
        return timezones.local_date(self.time_zone, now)

    def in_quiet_hours(self, now: dt.datetime | None = None) -> bool:
        """Quiet hours may wrap past midnight (22:00–07:00)."""
        t = self.local_now(now).time()
        if self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= t < self.quiet_end
        return t >= self.quiet_start or t < self.quiet_end


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class AccessTokenQuerySet(models.QuerySet["AccessToken"]):
    def for_raw(self, raw: str) -> AccessToken | None:
        return (
            self.select_related("user")
            .filter(token_hash=_hash_token(raw), user__is_active=True)
            .first()
        )


class AccessToken(models.Model):
    """A personal access token for the API. Only its hash is stored."""

    PREFIX = "tend_"

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(_("name"), max_length=SHORT_TEXT)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[AccessToken, str]:
        """Create a token; the raw value is returned once and never stored."""
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, token_hash=_hash_token(raw), hint=raw[: len(cls.PREFIX) + 4]
        )
        return token, raw
