"""Every URL and API operation, tried as the owner, the partner, an outsider and
an anonymous visitor.

The owner is alice, who wrote the object a route is about; bob is her partner;
charlie is in no pair with either. A route that is not listed here fails
``test_every_route_is_in_the_matrix``, so a new page or operation cannot ship
without deciding who may use it. The routes of accounts, pairs, check-ins and privacy
are listed here; later features list theirs in ``tend/<app>/tests/authz.py`` (see
``tend/tests/authz.py``), and this test collects them.

Every response to someone other than the owner is also searched for the words
alice kept private or sealed: they must never appear, on any route.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tend.api import api
from tend.conftest import PASSWORD
from tend.tests.authz import (
    API_401,
    INVITE,
    LOGIN,
    PAIR,
    PRIVATE_WORDS,
    ROLES,
    SEALED_WORDS,
    SPARE,
    Case,
    World,
    api_members,
    api_owner_only,
    api_same,
    build_world,
    members,
    owner_only,
    parts,
    same,
    u,
)


@pytest.fixture(scope="module")
def shared_world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """The world is built once for the module, inside a transaction rolled back at
    its end. Each test runs in a savepoint of its own (pytest-django's ``db``), so
    whatever one request changes is undone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        w = build_world()
        for part in parts():
            if hasattr(part, "seed"):
                part.seed(w)
        yield w
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world: World, db: Any) -> World:
    return shared_world


def checkin_form(w: World) -> dict[str, Any]:
    return {"mood": 4, "win": "matrix", "visibility": "shared"}


def weekly_form(w: World) -> dict[str, Any]:
    return {"closeness": 7, "went_well": "matrix", "visibility": "shared"}


# --- HTML pages -----------------------------------------------------------------------
PAGES: dict[str, list[Case]] = {
    "today:today": [Case("GET", u("today:today"), same(200, anonymous=200))],
    "accounts:signup": [
        Case("GET", u("accounts:signup"), same(302, anonymous=200)),
        Case(
            "POST",
            u("accounts:signup"),
            same(302, anonymous=400),
            data=lambda w: {"email": "not-an-email"},
            label="invalid",
        ),
    ],
    "accounts:login": [Case("GET", u("accounts:login"), same(302, anonymous=200))],
    "accounts:logout": [Case("POST", u("accounts:logout"), same(302, anonymous=302))],
    "accounts:password_reset": [Case("GET", u("accounts:password_reset"), same(200, 200))],
    "accounts:password_reset_done": [
        Case("GET", u("accounts:password_reset_done"), same(200, 200))
    ],
    "accounts:password_reset_confirm": [
        Case(
            "GET",
            lambda w: reverse(
                "accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"}
            ),
            same(200, 200),
        )
    ],
    "accounts:password_reset_complete": [
        Case("GET", u("accounts:password_reset_complete"), same(200, 200))
    ],
    "accounts:profile": [Case("GET", u("accounts:profile"), same(200))],
    "accounts:token_create": [
        Case("POST", u("accounts:token_create"), same(200), data=lambda w: {"name": "laptop"})
    ],
    "accounts:token_revoke": [
        Case("POST", u("accounts:token_revoke", code=lambda w: w.alice_token.code), owner_only(302))
    ],
    "pairs:list": [Case("GET", u("pairs:list"), same(200))],
    "pairs:create": [Case("GET", u("pairs:create"), same(200))],
    "pairs:detail": [Case("GET", u("pairs:detail", **PAIR), members(200))],
    "pairs:edit": [Case("GET", u("pairs:edit", **PAIR), members(200))],
    "pairs:invite": [
        Case("POST", u("pairs:invite", **SPARE), owner_only(200)),
        # A full pair: back to the pair page with a message, nothing issued.
        Case("POST", u("pairs:invite", **PAIR), members(302), label="full pair"),
    ],
    "pairs:leave": [
        Case("GET", u("pairs:leave", **PAIR), members(200)),
        Case("POST", u("pairs:leave", **PAIR), members(302)),
    ],
    "pairs:switch": [Case("POST", u("pairs:switch", **PAIR), members(302))],
    "pairs:join": [
        Case(
            "GET",
            u("pairs:join", **INVITE),
            {"owner": 400, "partner": 200, "outsider": 200, "anonymous": 200},
        ),
        Case(
            "POST",
            u("pairs:join", **INVITE),
            {"owner": 400, "partner": 302, "outsider": 302, "anonymous": LOGIN},
        ),
    ],
    "pairs:join_decline": [
        Case(
            "POST",
            u("pairs:join_decline", **INVITE),
            {"owner": 400, "partner": 200, "outsider": 200, "anonymous": 200},
        )
    ],
    "checkins:daily": [
        Case("GET", u("checkins:daily"), same(200)),
        Case("POST", u("checkins:daily"), same(302), data=checkin_form),
    ],
    "checkins:daily_detail": [
        Case("GET", u("checkins:daily_detail", code=lambda w: w.alice_daily.code), members(200)),
        Case(
            "GET",
            u("checkins:daily_detail", code=lambda w: w.alice_today.code),
            owner_only(200),
            label="sealed",
        ),
        Case(
            "GET",
            u("checkins:daily_detail", code=lambda w: w.alice_private.code),
            owner_only(200),
            label="private",
        ),
    ],
    "checkins:weekly": [
        Case("GET", u("checkins:weekly"), same(200)),
        Case("POST", u("checkins:weekly"), same(302), data=weekly_form),
    ],
    "checkins:weekly_detail": [
        Case("GET", u("checkins:weekly_detail", code=lambda w: w.alice_weekly.code), members(200))
    ],
    "checkins:history": [Case("GET", u("checkins:history"), same(200))],
    "checkins:chart": [Case("GET", u("checkins:chart"), same(200))],
    "privacy:overview": [Case("GET", u("privacy:overview"), same(200))],
    "privacy:export_json": [Case("GET", u("privacy:export_json"), same(200))],
    "privacy:export_page": [Case("GET", u("privacy:export_page"), same(200))],
    "privacy:delete_account": [
        Case("GET", u("privacy:delete_account"), same(200)),
        Case(
            "POST",
            u("privacy:delete_account"),
            same(200),
            data=lambda w: {"password": "wrong", "confirm": "on"},
            label="wrong password",
        ),
    ],
    "api:openapi-json": [Case("GET", lambda w: "/api/v1/openapi.json", same(200, 200))],
    "api:openapi-view": [Case("GET", lambda w: "/api/v1/docs", same(200, 200))],
}

OPERATIONS: dict[str, list[Case]] = {
    "GET /api/v1/accounts/me": [Case("GET", lambda w: "/api/v1/accounts/me", api_same(200))],
    "PATCH /api/v1/accounts/me": [
        Case(
            "PATCH",
            lambda w: "/api/v1/accounts/me",
            api_same(200),
            data=lambda w: {"display_name": "New name"},
        )
    ],
    "GET /api/v1/accounts/tokens": [
        Case("GET", lambda w: "/api/v1/accounts/tokens", api_same(200))
    ],
    "POST /api/v1/accounts/tokens": [
        Case(
            "POST",
            lambda w: "/api/v1/accounts/tokens",
            api_same(201),
            data=lambda w: {"name": "cli"},
        )
    ],
    "DELETE /api/v1/accounts/tokens/{code}": [
        Case(
            "DELETE", lambda w: f"/api/v1/accounts/tokens/{w.alice_token.code}", api_owner_only(204)
        )
    ],
    "GET /api/v1/pairs": [Case("GET", lambda w: "/api/v1/pairs", api_same(200))],
    "POST /api/v1/pairs": [
        Case(
            "POST",
            lambda w: "/api/v1/pairs",
            api_same(201),
            data=lambda w: {"name": "New pair", "kind": "friends"},
        )
    ],
    "GET /api/v1/pairs/invites/{token}": [
        Case(
            "GET",
            lambda w: f"/api/v1/pairs/invites/{w.invite_token}",
            {"owner": 409, "partner": 200, "outsider": 200, "anonymous": API_401},
        )
    ],
    "POST /api/v1/pairs/invites/{token}/accept": [
        Case(
            "POST",
            lambda w: f"/api/v1/pairs/invites/{w.invite_token}/accept",
            {"owner": 409, "partner": 200, "outsider": 200, "anonymous": API_401},
        )
    ],
    "POST /api/v1/pairs/invites/{token}/decline": [
        Case(
            "POST",
            lambda w: f"/api/v1/pairs/invites/{w.invite_token}/decline",
            {"owner": 409, "partner": 204, "outsider": 204, "anonymous": API_401},
        )
    ],
    "GET /api/v1/pairs/{code}": [
        Case("GET", lambda w: f"/api/v1/pairs/{w.pair.code}", api_members(200))
    ],
    "PATCH /api/v1/pairs/{code}": [
        Case(
            "PATCH",
            lambda w: f"/api/v1/pairs/{w.pair.code}",
            api_members(200),
            data=lambda w: {"name": "Renamed"},
        )
    ],
    "POST /api/v1/pairs/{code}/invites": [
        Case("POST", lambda w: f"/api/v1/pairs/{w.spare.code}/invites", api_owner_only(201)),
        Case(
            "POST",
            lambda w: f"/api/v1/pairs/{w.pair.code}/invites",
            api_members(409),
            label="full pair",
        ),
    ],
    "POST /api/v1/pairs/{code}/leave": [
        Case("POST", lambda w: f"/api/v1/pairs/{w.pair.code}/leave", api_members(204))
    ],
    "GET /api/v1/checkins/daily": [Case("GET", lambda w: "/api/v1/checkins/daily", api_same(200))],
    "POST /api/v1/checkins/daily": [
        Case(
            "POST",
            lambda w: "/api/v1/checkins/daily",
            {"owner": 409, "partner": 201, "outsider": 404, "anonymous": API_401},
            data=lambda w: {"mood": 3, "pair": w.pair.code, "win": "api"},
        ),
    ],
    "GET /api/v1/checkins/daily/today": [
        Case("GET", lambda w: "/api/v1/checkins/daily/today", api_same(200))
    ],
    "GET /api/v1/checkins/daily/{code}": [
        Case("GET", lambda w: f"/api/v1/checkins/daily/{w.alice_daily.code}", api_members(200)),
        Case(
            "GET",
            lambda w: f"/api/v1/checkins/daily/{w.alice_today.code}",
            api_owner_only(200),
            label="sealed",
        ),
        Case(
            "GET",
            lambda w: f"/api/v1/checkins/daily/{w.alice_private.code}",
            api_owner_only(200),
            label="private",
        ),
    ],
    "PUT /api/v1/checkins/daily/{code}": [
        Case(
            "PUT",
            lambda w: f"/api/v1/checkins/daily/{w.alice_today.code}",
            api_owner_only(200),
            data=lambda w: {"mood": 5, "win": "changed"},
        ),
    ],
    "GET /api/v1/checkins/weekly": [
        Case("GET", lambda w: "/api/v1/checkins/weekly", api_same(200))
    ],
    "POST /api/v1/checkins/weekly": [
        Case(
            "POST",
            lambda w: "/api/v1/checkins/weekly",
            api_members(201),
            data=lambda w: {"closeness": 6, "pair": w.pair.code},
        )
    ],
    "GET /api/v1/checkins/weekly/current": [
        Case("GET", lambda w: "/api/v1/checkins/weekly/current", api_same(200))
    ],
    "GET /api/v1/checkins/weekly/{code}": [
        Case("GET", lambda w: f"/api/v1/checkins/weekly/{w.alice_weekly.code}", api_members(200))
    ],
    "PUT /api/v1/checkins/weekly/{code}": [
        Case(
            "PUT",
            lambda w: f"/api/v1/checkins/weekly/{w.alice_weekly.code}",
            api_owner_only(400),
            data=lambda w: {"closeness": 9},
            label="past week",
        ),
    ],
    "GET /api/v1/checkins/series": [
        Case("GET", lambda w: f"/api/v1/checkins/series?pair={w.pair.code}", api_members(200))
    ],
    "GET /api/v1/privacy/export": [Case("GET", lambda w: "/api/v1/privacy/export", api_same(200))],
    "DELETE /api/v1/privacy/account": [
        Case(
            "DELETE",
            lambda w: "/api/v1/privacy/account",
            api_same(400),
            data=lambda w: {"password": "wrong"},
            label="wrong password",
        ),
        Case(
            "DELETE",
            lambda w: "/api/v1/privacy/account",
            api_same(204),
            data=lambda w: {"password": PASSWORD},
        ),
    ],
}


def _with_parts(core: dict[str, list[Case]], name: str) -> dict[str, list[Case]]:
    merged = dict(core)
    for part in parts():
        for route, cases in getattr(part, name, {}).items():
            assert route not in merged, f"{route} is listed twice in the matrix"
            merged[route] = cases
    return merged


PAGES = _with_parts(PAGES, "PAGES")
OPERATIONS = _with_parts(OPERATIONS, "OPERATIONS")


# --- discovering the routes that exist ---------------------------------------------
def _walk(patterns: list[Any], namespace: str = "") -> list[str]:
    names: list[str] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            names.extend(_walk(entry.url_patterns, inner))
        elif isinstance(entry, URLPattern):
            label = entry.name or f"<unnamed {entry.pattern}>"
            names.append(f"{namespace}:{label}" if namespace else label)
    return names


def html_routes() -> set[str]:
    # API operations are URL patterns too; they are listed by method below instead.
    api_ops = {op.split(" ", 1)[1] for op in api_operations()}
    routes = set()
    for name in _walk(get_resolver().url_patterns):
        if name.startswith("api:") and name not in PAGES:
            continue
        routes.add(name)
    assert not any(r in api_ops for r in routes)
    return routes


def api_operations() -> set[str]:
    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
    }


def unlisted_routes(pages: dict[str, Any], operations: dict[str, Any]) -> set[str]:
    return (html_routes() - pages.keys()) | (api_operations() - operations.keys())


def test_every_route_is_in_the_matrix() -> None:
    unlisted = unlisted_routes(PAGES, OPERATIONS)
    assert not unlisted, f"add these routes to the authorization matrix: {sorted(unlisted)}"


def test_the_completeness_check_notices_a_missing_page_and_operation() -> None:
    pages = {k: v for k, v in PAGES.items() if k != "checkins:history"}
    operations = {k: v for k, v in OPERATIONS.items() if k != "GET /api/v1/pairs"}
    assert unlisted_routes(pages, operations) == {"checkins:history", "GET /api/v1/pairs"}


def test_the_matrix_lists_no_route_that_does_not_exist() -> None:
    gone = (PAGES.keys() - html_routes()) | (OPERATIONS.keys() - api_operations())
    assert not gone, f"these routes are in the matrix but not in the app: {sorted(gone)}"


# --- running the matrix ---------------------------------------------------------------
def _params() -> list[Any]:
    params = []
    for table in (PAGES, OPERATIONS):
        for route, cases in table.items():
            for index, case in enumerate(cases):
                for role in ROLES:
                    label = f"{route} [{case.label or index}] {role}"
                    params.append(pytest.param(table is OPERATIONS, route, index, role, id=label))
    return params


def _request(client: Client, case: Case, w: World, is_api: bool) -> Any:
    url = case.url(w)
    data = case.data(w)
    method = case.method.lower()
    if is_api:
        if method == "get":
            return client.get(url, data, HTTP_ACCEPT="application/json")
        return getattr(client, method)(url, json.dumps(data), content_type="application/json")
    if method == "get":
        return client.get(url)
    return client.post(url, data)


@pytest.mark.parametrize(("is_api", "route", "index", "role"), _params())
def test_route_answers_each_role_as_decided(
    world: World, is_api: bool, route: str, index: int, role: str
) -> None:
    case = (OPERATIONS if is_api else PAGES)[route][index]
    user = world.user(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    response = _request(client, case, world, is_api)
    expected = case.expect[role]
    if expected == LOGIN:
        assert response.status_code == 302, response.content[:300]
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))
    else:
        assert response.status_code == expected, (
            f"{case.method} {case.url(world)} as {role}: {response.status_code} "
            f"{response.content[:300]!r}"
        )
    if case.effect is not None:
        happened = case.effect(world)
        assert happened == (role in case.effect_for), (
            f"{case.method} {case.url(world)} as {role}: "
            + ("changed what it should not have" if happened else "did not do what it should")
        )
    if role != "owner":
        body = response.content.decode(errors="replace")
        assert PRIVATE_WORDS not in body
        assert SEALED_WORDS not in body
