"""Where each app declares its data for export and for account deletion.

An app registers its kinds of data in ``<app>/privacy.py`` (found by
:func:`autodiscover`). A test checks that every concrete owned model is
registered, so a new feature cannot forget either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from tend.accounts.models import User

Exporter = Callable[["User"], list[dict[str, Any]]]
Deleter = Callable[["User"], None]


@dataclass(frozen=True)
class DataKind:
    key: str
    # Lazy, so the export page shows it in the reader's language, not the one at import.
    title: StrOrPromise
    export: Exporter
    delete: Deleter
    models: tuple[type[models.Model], ...] = ()


_kinds: dict[str, DataKind] = {}


def register(
    key: str,
    *,
    title: StrOrPromise,
    export: Exporter,
    delete: Deleter,
    models: tuple[type[models.Model], ...] = (),
) -> None:
    if key in _kinds:
        raise ValueError(f"data kind {key!r} is registered twice")
    _kinds[key] = DataKind(key, title, export, delete, models)


def owned_fields(item: Any, user: User) -> dict[str, Any]:
    """What every exported owned item says about itself, whatever its kind."""
    return {
        "code": item.code,
        "author": "me" if item.is_owned_by(user) else item.owner.display_name,
        "pair": item.pair.name if item.pair is not None else None,
        "visibility": item.visibility,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
    }


def register_owned(
    key: str,
    model: type[Any],
    *,
    title: StrOrPromise,
    serialize: Callable[[Any, User], dict[str, Any]],
    related: tuple[str, ...] = (),
) -> None:
    """Register an owned model: export what the person can see, delete what they own.

    ``serialize`` gives the model's own fields; :func:`owned_fields` are added to each.

    ``related`` names the foreign keys ``serialize`` reads besides owner and pair,
    so an export costs the same few queries however much a person wrote.
    """

    def export(user: User) -> list[dict[str, Any]]:
        items = model.objects.visible_to(user).select_related("owner", "pair", *related)
        items = items.order_by("created_at", "pk")
        return [{**owned_fields(item, user), **serialize(item, user)} for item in items]

    def delete(user: User) -> None:
        model.objects.filter(owner=user).delete()

    register(key, title=title, export=export, delete=delete, models=(model,))


def _kept_with_the_pair(user: User) -> None:
    """Nothing to delete with the person: the rows belong to the pair. Deleting an
    account ends the person's pairs (see ``tend/pairs/privacy.py``), and a pair nobody
    belongs to any more is deleted with everything of its own."""


def register_pair_owned(
    key: str,
    *,
    title: StrOrPromise,
    export: Exporter,
    models: tuple[type[models.Model], ...],
) -> None:
    """Register rows that belong to a pair, not a person (a day's question, an
    evening, a round): exported to its members, deleted when the pair is."""
    register(key, title=title, export=export, delete=_kept_with_the_pair, models=models)


def kinds() -> list[DataKind]:
    return list(_kinds.values())


def registered_models() -> set[type[models.Model]]:
    return {model for kind in _kinds.values() for model in kind.models}


def autodiscover() -> None:
    for config in apps.get_app_configs():
        if config.name.startswith("tend."):
            try:
                import_module(f"{config.name}.privacy")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.privacy":
                    raise
