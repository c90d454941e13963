"""Features add their own part of the demo history.

An app puts a ``demo_data`` module next to its models and registers a function
with :func:`register`; ``tend demo`` runs every registered function after the
people, the pair and the check-ins exist. A contribution must be idempotent (a
second ``tend demo`` adds nothing twice) and returns a short line for the
command's output, such as ``"212 answered questions"``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

from tend.accounts.models import User
from tend.pairs.models import Pair


@dataclass(frozen=True)
class DemoContext:
    people: list[User]
    pair: Pair
    today: dt.date  # the first person's local date
    now: dt.datetime
    days: int  # how far back the history goes
    seed: int

    def rng(self, *parts: object) -> random.Random:
        """A generator of its own per call site and day, so reruns choose the same."""
        return random.Random("-".join(str(p) for p in (self.seed, *parts)))


Contribution = Callable[[DemoContext], str]

_registry: list[tuple[int, str, Contribution]] = []


def register(order: int) -> Callable[[Contribution], Contribution]:
    def decorator(contribution: Contribution) -> Contribution:
        name = f"{contribution.__module__}.{contribution.__qualname__}"
        _registry[:] = [entry for entry in _registry if entry[1] != name]
        _registry.append((order, name, contribution))
        _registry.sort(key=lambda entry: (entry[0], entry[1]))
        return contribution

    return decorator


def contributions() -> list[Contribution]:
    autodiscover_modules("demo_data")
    return [contribution for _, _, contribution in _registry]
