"""Shared fixtures: alice and bob are a pair, charlie is an outsider."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tend.accounts.models import User
from tend.pairs import services as pair_services
from tend.pairs.models import Pair

PASSWORD = "a-long-test-passphrase-2026"


def make_user(email: str, name: str, tz: str = "Europe/Berlin") -> User:
    return User.objects.create_user(email, PASSWORD, display_name=name, time_zone=tz)


@pytest.fixture
def alice(db: Any) -> User:
    return make_user("alice@example.com", "Alice")


@pytest.fixture
def bob(db: Any) -> User:
    return make_user("bob@example.com", "Bob", tz="America/New_York")


@pytest.fixture
def charlie(db: Any) -> User:
    return make_user("charlie@example.com", "Charlie", tz="Asia/Tokyo")


@pytest.fixture
def pair(alice: User, bob: User) -> Pair:
    """Alice created the pair and bob accepted her invite."""
    p = pair_services.create_pair(alice, name="Alice & Bob", kind="partners")
    issued = pair_services.issue_invite(p, alice)
    pair_services.accept_invite(issued.token, bob)
    return p


@pytest.fixture
def charlie_pair(charlie: User) -> Pair:
    """Charlie's own pair, with nobody else in it yet."""
    return pair_services.create_pair(charlie, name="Charlie's", kind="friends")


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice: User) -> Client:
    return client_for(alice)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return client_for(bob)


@pytest.fixture
def charlie_client(charlie: User) -> Client:
    return client_for(charlie)
