"""Pairs: two people linked by an invite, and the invites themselves."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import validate_timezone
from tend.lib.limits import SHORT_TEXT
from tend.privacy.codes import CODE_LENGTH, new_code

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tend.accounts.models import User

MAX_MEMBERS = 2
INVITE_LIFETIME = dt.timedelta(days=7)


class PairKind(models.TextChoices):
    PARTNERS = "partners", _("Partners")
    FRIENDS = "friends", _("Friends")
    FAMILY = "family", _("Family")
    OTHER = "other", _("Other")


class PairQuerySet(models.QuerySet["Pair"]):
    def of(self, user: User | AnonymousUser) -> PairQuerySet:
        """Pairs ``user`` has not left, open or ended by the other member."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__left_at__isnull=True)

    def open_for(self, user: User | AnonymousUser) -> PairQuerySet:
        """Pairs where ``user`` shares: they are a member and nobody has left."""
        return self.of(user).filter(closed_at__isnull=True)


class Pair(models.Model):
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    name = models.CharField(_("name"), max_length=SHORT_TEXT)
    kind = models.CharField(
        _("kind"), max_length=12, choices=PairKind.choices, default=PairKind.PARTNERS
    )
    started_on = models.DateField(_("together since"), null=True, blank=True)
    # The pair's own day (question of the day and the like) follows this zone.
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a member leaves: sharing ends at once, for both.
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PairQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    #: Filled by ``tend.pairs.access.pairs_of``, which reads every pair's members in
    #: the same query as the pairs themselves.
    _members: list[Membership] | None = None

    def member_list(self) -> list[Membership]:
        """Every membership of the pair, past ones included, oldest first."""
        if self._members is not None:
            return self._members
        return list(self.memberships.all())

    def partner_of(self, user: User | AnonymousUser) -> User | None:
        """The other member, from already loaded memberships when present."""
        for membership in self.member_list():
            if membership.user_id != user.pk and membership.left_at is None:
                return membership.user
        return None


class Membership(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair", "user"], name="one_membership_per_pair")
        ]
        ordering = ["joined_at"]

    def __str__(self) -> str:
        return f"{self.user} in {self.pair}"


def hash_invite_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class InviteQuerySet(models.QuerySet["Invite"]):
    def pending(self, now: dt.datetime | None = None) -> InviteQuerySet:
        now = now or timezone.now()
        return self.filter(
            used_at__isnull=True,
            declined_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now,
        )


class Invite(models.Model):
    """A single-use link into a pair. Only the token's hash is stored."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="invites")
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InviteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["pair"],
                name="invite_pending_idx",
                condition=Q(
                    used_at__isnull=True, declined_at__isnull=True, revoked_at__isnull=True
                ),
            )
        ]

    def __str__(self) -> str:
        return f"invite to {self.pair}"

    @classmethod
    def new_token(cls) -> str:
        return secrets.token_urlsafe(24)

    @property
    def is_pending(self) -> bool:
        return (
            self.used_at is None
            and self.declined_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
