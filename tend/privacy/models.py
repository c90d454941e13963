"""The owned-item base every piece of personal writing in Tend stands on.

An owned item has an owner, optionally a pair, and a visibility. The rules of
who may read it are written once, in :meth:`OwnedQuerySet.visible_to`; pages,
the API, exports and notifications all go through it.

Sealed items (a daily check-in, an answer to the question of the day) add one
rule: a partner's shared item opens for you only once you have a shared item
of your own with the same seal key in the same pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from tend.privacy.codes import CODE_LENGTH, new_code

if TYPE_CHECKING:
    from tend.accounts.models import User


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SHARED = "shared", _("Shared with my pair")


def _open_pair_ids(user: Any) -> Any:
    """The pairs ``user`` shares in: a list when this request already loaded them
    (see ``tend.pairs.access.pairs_of``), else a subquery."""
    known = getattr(user, "_tend_open_pair_ids", None)
    if known is not None:
        return known
    from tend.pairs.models import Pair

    return Pair.objects.open_for(user).values("id")


def _known_open_pair_ids(user: Any) -> list[int]:
    ids = _open_pair_ids(user)
    return ids if isinstance(ids, list) else list(ids.values_list("id", flat=True))


@dataclass(frozen=True)
class Answers:
    """Mine and my partner's item for one seal key; ``partner`` is None while sealed."""

    mine: Any
    partner: Any
    partner_sealed: bool


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> Self:
        return self.filter(owner=user)

    def known_to(self, user: Any) -> Self:
        """Items ``user`` may know exist: their own, and shared ones of an open pair
        they are in, sealed or not. For "is there anything older?", never for content.
        """
        if user is None or not user.is_authenticated:
            return self.none()
        shared = Q(visibility=Visibility.SHARED, pair_id__in=_open_pair_ids(user))
        return self.filter(Q(owner=user) | shared)

    def visible_to(self, user: Any) -> Self:
        """Items ``user`` may read: their own, and shared ones of an open pair they are in.

        For sealed models a partner's item also needs a matching shared item of the
        user's own (see :meth:`OwnedItem.seal_fields`).
        """
        qs = self.known_to(user)
        if self._seal_fields() and user is not None and user.is_authenticated:
            qs = qs.filter(Q(owner=user) | Exists(self._own_counterpart(user)))
        return qs

    def sealed_for(self, user: Any) -> Self:
        """A partner's shared items that exist but stay sealed for ``user``.

        Use it to say "your partner has answered", never to show content.
        """
        if not self._seal_fields() or user is None or not user.is_authenticated:
            return self.none()
        return (
            self.filter(visibility=Visibility.SHARED, pair_id__in=_open_pair_ids(user))
            .exclude(owner=user)
            .exclude(Exists(self._own_counterpart(user)))
        )

    def answers_for(self, user: Any, pair: Any, **key: Any) -> Answers:
        """Mine and my partner's item for one seal key (``date=...``), in one query.

        The same rules as :meth:`visible_to` and :meth:`sealed_for` (a test holds
        the three to agreement), for the one place that needs them cheaply: the
        Today page. A sealed item is dropped here, before anything can read it.
        """
        if user is None or not user.is_authenticated:
            return Answers(None, None, False)
        if pair is None:
            return Answers(self.filter(owner=user, pair__isnull=True, **key).first(), None, False)
        if pair.pk in _known_open_pair_ids(user):
            readable = Q(owner=user) | Q(visibility=Visibility.SHARED)
        else:
            readable = Q(owner=user)
        # At most one row per member: no ordering to compile or sort.
        rows: list[Any] = list(self.filter(readable, pair=pair, **key).order_by())
        mine = next((r for r in rows if r.owner_id == user.pk), None)
        theirs = next((r for r in rows if r.owner_id != user.pk), None)
        opened = not self._seal_fields() or (
            mine is not None and mine.visibility == Visibility.SHARED
        )
        if theirs is not None and not opened:
            return Answers(mine, None, True)
        return Answers(mine, theirs, False)

    def _seal_fields(self) -> tuple[str, ...]:
        return cast("type[OwnedItem]", self.model).seal_fields

    def _own_counterpart(self, user: Any) -> models.QuerySet[Any]:
        match = {name: OuterRef(name) for name in self._seal_fields()}
        return self.model._default_manager.filter(
            owner=user, pair=OuterRef("pair"), visibility=Visibility.SHARED, **match
        )


class OwnedItem(models.Model):
    """Abstract base: something a person wrote, with an owner and a visibility."""

    #: Field names that together say "the same thing" for sealing, e.g. ``("date",)``
    #: for the daily check-in. Empty: not sealed.
    seal_fields: ClassVar[tuple[str, ...]] = ()

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("owner"),
    )
    pair = models.ForeignKey(
        "pairs.Pair",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pair"),
    )
    visibility = models.CharField(
        _("who can see it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SHARED,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_shared(self) -> bool:
        return self.visibility == Visibility.SHARED and self.pair_id is not None

    def is_owned_by(self, user: Any) -> bool:
        return user is not None and user.is_authenticated and self.owner_id == user.pk
