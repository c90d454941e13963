"""The machinery of the authorization matrix (``test_authorization_matrix.py``).

Every route is tried as the owner (alice, who wrote the object a route is about),
the partner (bob), an outsider (charlie, in no pair with either) and an anonymous
visitor.

A feature lists its own routes in ``tend/<app>/tests/authz.py``: ``PAGES`` (by URL
name), ``OPERATIONS`` (by ``"METHOD /api/v1/path"``) and, when its routes need
objects of their own, ``seed(world)``, which creates them (alice's private and
sealed ones carrying :data:`PRIVATE_WORDS` and :data:`SEALED_WORDS`) and keeps them
in ``world.extra``. The matrix test collects every app's part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps
from django.urls import reverse

from tend.accounts.models import AccessToken, User
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.conftest import make_user
from tend.lib.timezones import week_start
from tend.pairs import services as pair_services
from tend.pairs.models import Pair
from tend.privacy.models import Visibility

ROLES = ("owner", "partner", "outsider", "anonymous")
PRIVATE_WORDS = "alice-private-7f3a"
SEALED_WORDS = "alice-sealed-91c2"
LOGIN = "login"  # a redirect to the log-in page


@dataclass
class World:
    alice: User
    bob: User
    charlie: User
    pair: Pair
    spare: Pair  # alice's second pair, nobody else in it yet
    invite_token: str  # a pending invite into ``spare``
    alice_daily: DailyCheckIn  # opened for bob: he checked in that day too
    alice_today: DailyCheckIn  # sealed for bob: he has not checked in today
    alice_private: DailyCheckIn
    alice_weekly: WeeklyCheckIn  # opened for bob
    alice_token: AccessToken
    # What the parts of the matrix in each app add in their ``seed(world)``.
    extra: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        return {"owner": self.alice, "partner": self.bob, "outsider": self.charlie}.get(role)


def build_world() -> World:
    """The people and items every route is tried against; parts add theirs in ``seed``."""
    alice = make_user("alice@example.com", "Alice")
    bob = make_user("bob@example.com", "Bob", tz="Europe/Berlin")
    charlie = make_user("charlie@example.com", "Charlie")
    pair = pair_services.create_pair(alice, name="Alice & Bob", kind="partners")
    pair_services.accept_invite(pair_services.issue_invite(pair, alice).token, bob)
    spare = pair_services.create_pair(alice, name="Alice's spare", kind="friends")
    token = pair_services.issue_invite(spare, alice).token
    today = alice.local_today()
    yesterday = today - dt.timedelta(days=1)
    alice_daily = DailyCheckIn.objects.create(
        owner=alice, pair=pair, date=yesterday, mood=4, win="a shared win"
    )
    DailyCheckIn.objects.create(owner=bob, pair=pair, date=yesterday, mood=3, win="bob's win")
    alice_today = DailyCheckIn.objects.create(
        owner=alice, pair=pair, date=today, mood=4, win=SEALED_WORDS
    )
    alice_private = DailyCheckIn.objects.create(
        owner=alice,
        pair=pair,
        date=today - dt.timedelta(days=2),
        mood=2,
        win=PRIVATE_WORDS,
        visibility=Visibility.PRIVATE,
    )
    DailyCheckIn.objects.create(
        owner=bob, pair=pair, date=today - dt.timedelta(days=2), mood=3, win="bob two days ago"
    )
    last_week = week_start(today) - dt.timedelta(weeks=1)
    alice_weekly = WeeklyCheckIn.objects.create(
        owner=alice, pair=pair, week_start=last_week, closeness=8, went_well="walks"
    )
    WeeklyCheckIn.objects.create(owner=bob, pair=pair, week_start=last_week, closeness=7)
    alice_token, _ = AccessToken.issue(alice, "alice's phone")
    return World(
        alice,
        bob,
        charlie,
        pair,
        spare,
        token,
        alice_daily,
        alice_today,
        alice_private,
        alice_weekly,
        alice_token,
    )


@dataclass
class Case:
    """One request and the status each role must get."""

    method: str
    url: Callable[[World], str]
    expect: dict[str, int | str]
    data: Callable[[World], dict[str, Any]] = field(default=lambda w: {})
    label: str = ""
    #: Whether the request changed what it is about, checked after it. A page that
    #: redirects both when it acted and when it refused says little by its status;
    #: the roles in ``effect_for`` must see the change happen, the others must not.
    effect: Callable[[World], bool] | None = None
    effect_for: tuple[str, ...] = ("owner", "partner")


def same(status: int | str, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {"owner": status, "partner": status, "outsider": status, "anonymous": anonymous}


def members(status: int | str, others: int | str = 404, anonymous: int | str = LOGIN) -> dict:
    return {"owner": status, "partner": status, "outsider": others, "anonymous": anonymous}


def owner_only(status: int | str, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {"owner": status, "partner": 404, "outsider": 404, "anonymous": anonymous}


def u(name: str, **kwargs: Callable[[World], str]) -> Callable[[World], str]:
    return lambda w: reverse(name, kwargs={k: f(w) for k, f in kwargs.items()})


PAIR = {"code": lambda w: w.pair.code}
SPARE = {"code": lambda w: w.spare.code}
INVITE = {"token": lambda w: w.invite_token}


# --- API operations -------------------------------------------------------------------
API_401 = 401


def api_same(status: int) -> dict[str, int | str]:
    return same(status, anonymous=API_401)


def api_members(status: int, others: int = 404) -> dict[str, int | str]:
    return members(status, others, anonymous=API_401)


def api_owner_only(status: int) -> dict[str, int | str]:
    return owner_only(status, anonymous=API_401)


def parts() -> list[ModuleType]:
    """Every app's ``tests.authz`` module, in the order of INSTALLED_APPS."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("tend."):
            continue
        try:
            found.append(import_module(f"{config.name}.tests.authz"))
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{config.name}.tests", f"{config.name}.tests.authz"):
                raise
    return found
