from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tend.accounts.models import User
from tend.pairs import services
from tend.pairs.access import SESSION_KEY
from tend.pairs.models import Invite, Membership, Pair, hash_invite_token


@pytest.fixture
def token(charlie_pair: Pair, charlie: User) -> str:
    """A fresh link into Charlie's pair."""
    return services.issue_invite(charlie_pair, charlie).token


def join_url(token: str) -> str:
    return reverse("pairs:join", args=[token])


def test_it_shows_who_invites_you(alice_client: Client, token: str) -> None:
    response = alice_client.get(join_url(token))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Charlie invites you to share “Charlie&#x27;s”" in body
    assert "Accept" in body and "Decline" in body


@pytest.mark.django_db
def test_anonymous_visitors_are_asked_to_sign_up_or_log_in_and_come_back(token: str) -> None:
    body = Client().get(join_url(token)).content.decode()
    back = f"?next=%2Fpairs%2Fjoin%2F{token}%2F"
    assert reverse("accounts:signup") + back in body
    assert reverse("accounts:login") + back in body


@pytest.mark.django_db
def test_anonymous_visitors_cannot_accept(token: str, charlie_pair: Pair) -> None:
    response = Client().post(join_url(token))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert charlie_pair.memberships.count() == 1


def test_accepting_joins_the_pair(
    alice_client: Client, alice: User, token: str, charlie_pair: Pair
) -> None:
    response = alice_client.post(join_url(token))
    assert response.status_code == 302
    assert response["Location"] == reverse("pairs:detail", args=[charlie_pair.code])
    assert Membership.objects.filter(pair=charlie_pair, user=alice).exists()
    invite = Invite.objects.get(token_hash=hash_invite_token(token))
    assert invite.used_by == alice
    assert alice_client.session[SESSION_KEY] == charlie_pair.code


def _assert_nothing_saved(pair: Pair, user: User) -> None:
    assert not Membership.objects.filter(pair=pair, user=user).exists()


def test_an_expired_link_is_gone(
    alice_client: Client, alice: User, token: str, charlie_pair: Pair
) -> None:
    Invite.objects.filter(pair=charlie_pair).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    for response in (alice_client.get(join_url(token)), alice_client.post(join_url(token))):
        assert response.status_code == 410
        assert "This invite link has expired" in response.content.decode()
    _assert_nothing_saved(charlie_pair, alice)


def test_a_used_link_is_gone(
    alice_client: Client, bob: User, alice: User, token: str, charlie_pair: Pair
) -> None:
    services.accept_invite(token, bob)
    response = alice_client.post(join_url(token))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    _assert_nothing_saved(charlie_pair, alice)


def test_a_declined_link_is_gone(
    alice_client: Client, bob_client: Client, alice: User, token: str, charlie_pair: Pair
) -> None:
    response = bob_client.post(reverse("pairs:join_decline", args=[token]))
    assert response.status_code == 200
    assert "Invite declined" in response.content.decode()
    assert Invite.objects.get(pair=charlie_pair).declined_at is not None

    response = alice_client.post(join_url(token))
    assert response.status_code == 410
    assert "no longer active" in response.content.decode()
    _assert_nothing_saved(charlie_pair, alice)


@pytest.mark.django_db
def test_anonymous_visitors_can_say_no_thanks(token: str, charlie_pair: Pair) -> None:
    response = Client().post(reverse("pairs:join_decline", args=[token]))
    assert response.status_code == 200
    assert Invite.objects.get(pair=charlie_pair).declined_at is not None
    assert charlie_pair.memberships.count() == 1


def test_a_made_up_link_is_refused(alice_client: Client) -> None:
    response = alice_client.get(join_url("not-a-real-token"))
    assert response.status_code == 400
    assert "This invite link is not valid" in response.content.decode()
    assert alice_client.post(join_url("not-a-real-token")).status_code == 400
    response = alice_client.post(reverse("pairs:join_decline", args=["not-a-real-token"]))
    assert response.status_code == 400


def test_a_full_pair_cannot_be_joined(
    charlie_client: Client, charlie: User, alice: User, pair: Pair
) -> None:
    # A link that slipped through while the pair filled up, made the way issue_invite would.
    raw = Invite.new_token()
    Invite.objects.create(
        pair=pair,
        inviter=alice,
        token_hash=hash_invite_token(raw),
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    response = charlie_client.post(join_url(raw))
    assert response.status_code == 400
    assert "already has two people" in response.content.decode()
    _assert_nothing_saved(pair, charlie)
    assert Invite.objects.get(pair=pair, used_at__isnull=True).used_by is None


def test_you_cannot_join_your_own_pair(
    charlie_client: Client, charlie: User, token: str, charlie_pair: Pair
) -> None:
    response = charlie_client.post(join_url(token))
    assert response.status_code == 400
    assert "already in this pair" in response.content.decode()
    assert charlie_pair.memberships.count() == 1
    assert Invite.objects.get(pair=charlie_pair).used_at is None


def test_a_link_into_an_ended_pair_is_gone(
    alice_client: Client, alice: User, charlie: User, token: str, charlie_pair: Pair
) -> None:
    Pair.objects.filter(pk=charlie_pair.pk).update(closed_at=timezone.now())
    response = alice_client.get(join_url(token))
    assert response.status_code == 410
    _assert_nothing_saved(charlie_pair, alice)
