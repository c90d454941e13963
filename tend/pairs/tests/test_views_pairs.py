from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tend.accounts.models import User
from tend.pairs import services
from tend.pairs.access import SESSION_KEY
from tend.pairs.models import Invite, Membership, Pair


@pytest.mark.django_db
def test_anonymous_visitors_are_asked_to_log_in() -> None:
    response = Client().get(reverse("pairs:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_list_names_the_partner(alice_client: Client, pair: Pair) -> None:
    body = alice_client.get(reverse("pairs:list")).content.decode()
    assert "Alice &amp; Bob" in body
    assert "With Bob" in body


def test_the_list_says_when_nobody_has_joined_yet(
    charlie_client: Client, charlie_pair: Pair
) -> None:
    body = charlie_client.get(reverse("pairs:list")).content.decode()
    assert "Charlie&#x27;s" in body
    assert "Waiting for someone to join" in body


def test_the_list_shows_ended_pairs(alice_client: Client, pair: Pair, bob: User) -> None:
    services.leave_pair(pair, bob)
    body = alice_client.get(reverse("pairs:list")).content.decode()
    assert "Alice &amp; Bob" in body
    assert "Sharing ended on" in body


def test_the_list_invites_newcomers_to_start(charlie_client: Client) -> None:
    body = charlie_client.get(reverse("pairs:list")).content.decode()
    assert "You are not in a pair yet" in body


def test_it_creates_a_pair_and_makes_it_current(charlie_client: Client, charlie: User) -> None:
    response = charlie_client.post(
        reverse("pairs:create"),
        {"name": "Charlie & Dee", "kind": "friends", "started_on": "2019-05-04"},
    )
    pair = Pair.objects.get(name="Charlie & Dee")
    assert response.status_code == 302
    assert response["Location"] == reverse("pairs:detail", args=[pair.code])
    assert pair.kind == "friends"
    assert pair.started_on == dt.date(2019, 5, 4)
    assert pair.time_zone == "Asia/Tokyo"
    assert list(pair.memberships.values_list("user", flat=True)) == [charlie.pk]
    assert charlie_client.session[SESSION_KEY] == pair.code


def test_a_pair_needs_a_name_and_nothing_is_saved(charlie_client: Client) -> None:
    response = charlie_client.post(reverse("pairs:create"), {"name": "", "kind": "friends"})
    assert response.status_code == 400
    assert not Pair.objects.exists()


def test_an_unknown_kind_saves_nothing(charlie_client: Client) -> None:
    response = charlie_client.post(reverse("pairs:create"), {"name": "Us", "kind": "enemies"})
    assert response.status_code == 400
    assert not Pair.objects.exists()


def test_members_see_the_detail(bob_client: Client, pair: Pair) -> None:
    response = bob_client.get(reverse("pairs:detail", args=[pair.code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Alice" in body and "Bob" in body


def test_outsiders_do_not_see_the_detail(charlie_client: Client, pair: Pair) -> None:
    assert charlie_client.get(reverse("pairs:detail", args=[pair.code])).status_code == 404
    assert charlie_client.get(reverse("pairs:edit", args=[pair.code])).status_code == 404


def test_an_invite_link_is_shown_once_and_only_its_hash_is_stored(
    charlie_client: Client, charlie_pair: Pair
) -> None:
    response = charlie_client.post(reverse("pairs:invite", args=[charlie_pair.code]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    match = re.search(r"http://testserver/pairs/join/([\w-]+)/", body)
    assert match is not None
    token = match.group(1)
    invite = Invite.objects.get(pair=charlie_pair)
    assert invite.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert invite.expires_at - timezone.now() > dt.timedelta(days=6, hours=23)

    again = charlie_client.get(reverse("pairs:detail", args=[charlie_pair.code]))
    text = again.content.decode()
    assert token not in text
    assert "A link you made earlier is waiting" in text


def test_the_pending_expiry_is_shown_in_local_time(
    charlie_client: Client, charlie_pair: Pair, charlie: User
) -> None:
    issued = services.issue_invite(charlie_pair, charlie)
    expires = issued.invite.expires_at
    Invite.objects.filter(pk=issued.invite.pk).update(
        expires_at=expires.replace(hour=3, minute=15, second=0, microsecond=0)
    )
    body = charlie_client.get(reverse("pairs:detail", args=[charlie_pair.code])).content.decode()
    # 03:15 UTC is 12:15 in Tokyo.
    assert "12:15" in body
    assert "Asia/Tokyo" in body


def test_a_full_pair_cannot_make_invites(alice_client: Client, pair: Pair) -> None:
    response = alice_client.post(reverse("pairs:invite", args=[pair.code]), follow=True)
    assert "already has two people" in response.content.decode()
    assert not Invite.objects.filter(pair=pair).pending().exists()


def test_outsiders_cannot_make_invites(charlie_client: Client, pair: Pair) -> None:
    response = charlie_client.post(reverse("pairs:invite", args=[pair.code]))
    assert response.status_code == 404


def test_members_can_edit_the_pair(bob_client: Client, pair: Pair) -> None:
    response = bob_client.post(
        reverse("pairs:edit", args=[pair.code]),
        {"name": "Bob & Alice", "kind": "partners", "started_on": "2020-02-02"},
    )
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.name == "Bob & Alice"
    assert pair.started_on == dt.date(2020, 2, 2)


def test_a_bad_edit_saves_nothing(bob_client: Client, pair: Pair) -> None:
    response = bob_client.post(
        reverse("pairs:edit", args=[pair.code]),
        {"name": "Bob & Alice", "kind": "partners", "started_on": "not a date"},
    )
    assert response.status_code == 400
    pair.refresh_from_db()
    assert pair.name == "Alice & Bob"


def test_leaving_asks_first(alice_client: Client, pair: Pair) -> None:
    response = alice_client.get(reverse("pairs:leave", args=[pair.code]))
    assert response.status_code == 200
    assert "Sharing ends at once" in response.content.decode()
    pair.refresh_from_db()
    assert pair.closed_at is None


def test_leaving_ends_sharing_for_both(
    alice_client: Client, bob_client: Client, pair: Pair, alice: User
) -> None:
    session = alice_client.session
    session[SESSION_KEY] = pair.code
    session.save()
    response = alice_client.post(reverse("pairs:leave", args=[pair.code]))
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.closed_at is not None
    assert Membership.objects.get(pair=pair, user=alice).left_at is not None
    assert SESSION_KEY not in alice_client.session
    # Alice no longer sees it; Bob sees that it ended, and can no longer leave or invite.
    assert alice_client.get(reverse("pairs:detail", args=[pair.code])).status_code == 404
    assert (
        "Sharing in this pair ended"
        in bob_client.get(reverse("pairs:detail", args=[pair.code])).content.decode()
    )
    assert bob_client.post(reverse("pairs:invite", args=[pair.code])).status_code == 404


def test_outsiders_cannot_end_a_pair(charlie_client: Client, pair: Pair) -> None:
    assert charlie_client.post(reverse("pairs:leave", args=[pair.code])).status_code == 404
    pair.refresh_from_db()
    assert pair.closed_at is None
