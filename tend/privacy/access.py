"""Access helpers: every view and API operation gets owned items through these.

They return the object or raise ``Http404``: to someone who may not see an
item, it does not exist (a 403 would confirm that it does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.http import Http404

from tend.privacy.models import OwnedItem

if TYPE_CHECKING:
    from tend.accounts.models import User

T = TypeVar("T", bound=OwnedItem)


def get_visible_item(user: User, model: type[T], code: str) -> T:
    """An item ``user`` may read (their own, or a partner's shared and opened one)."""
    try:
        return model.objects.visible_to(user).get(code=code)
    except model.DoesNotExist as exc:
        raise Http404 from exc


def get_own_item(user: User, model: type[T], code: str) -> T:
    """An item ``user`` wrote: the only kind anyone may change or delete."""
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        return model.objects.filter(owner=user).get(code=code)
    except model.DoesNotExist as exc:
        raise Http404 from exc
