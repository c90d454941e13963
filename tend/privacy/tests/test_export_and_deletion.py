from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command

from tend.accounts.models import AccessToken, User
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.pairs.models import Membership, Pair
from tend.privacy.models import Visibility
from tend.privacy.services import delete_account, export_for


def _daily(owner, pair, text, visibility=Visibility.SHARED, day=None):
    return DailyCheckIn.objects.create(
        owner=owner,
        pair=pair,
        date=day or owner.local_today(),
        mood=4,
        win=text,
        visibility=visibility,
    )


def _wins(data):
    return sorted(row["win"] for row in data["daily_checkins"])


@pytest.mark.django_db
class TestExport:
    def test_it_holds_my_writing_and_what_my_partner_opened_for_me(self, alice, bob, pair):
        _daily(alice, pair, "alice shared")
        _daily(bob, pair, "bob shared", day=alice.local_today())
        assert _wins(export_for(alice)) == ["alice shared", "bob shared"]

    def test_it_leaves_out_the_partners_sealed_items(self, alice, bob, pair):
        _daily(bob, pair, "bob sealed")
        _daily(alice, pair, "alice yesterday", day=alice.local_today() - datetime.timedelta(days=1))
        assert _wins(export_for(alice)) == ["alice yesterday"]

    def test_it_leaves_out_the_partners_private_items(self, alice, bob, pair):
        _daily(alice, pair, "alice")
        _daily(bob, pair, "bob private", Visibility.PRIVATE, day=alice.local_today())
        assert "bob private" not in json.dumps(export_for(alice))

    def test_it_never_contains_a_token(self, alice):
        _, raw = AccessToken.issue(alice, "phone")
        assert raw not in json.dumps(export_for(alice))

    def test_the_command_writes_the_same_export(self, alice, pair):
        _daily(alice, pair, "from the command")
        out = io.StringIO()
        call_command("export_data", user="ALICE@example.com", stdout=out)
        assert "from the command" in out.getvalue()

    def test_the_download_is_json_for_the_signed_in_person(self, alice_client, alice, bob, pair):
        _daily(bob, pair, "bob sealed")
        _daily(alice, pair, "alice", day=alice.local_today() - datetime.timedelta(days=1))
        response = alice_client.get("/privacy/export.json")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        data = json.loads(response.content)
        assert _wins(data) == ["alice"]

    def test_the_printable_page_shows_the_same(self, alice_client, alice, bob, pair):
        _daily(alice, pair, "printable alice")
        _daily(bob, pair, "bob sealed", day=alice.local_today() - datetime.timedelta(days=2))
        body = alice_client.get("/privacy/export/").content.decode()
        assert "printable alice" in body
        assert "bob sealed" not in body


@pytest.mark.django_db
class TestDeletion:
    def test_it_removes_everything_i_wrote_and_my_memberships(self, alice, bob, pair):
        _daily(alice, pair, "alice")
        WeeklyCheckIn.objects.create(
            owner=alice, pair=pair, week_start=alice.local_today(), closeness=7
        )
        AccessToken.issue(alice, "phone")
        delete_account(alice)
        assert not User.objects.filter(email="alice@example.com").exists()
        assert not DailyCheckIn.objects.filter(owner_id=alice.pk).exists()
        assert not WeeklyCheckIn.objects.exists()
        assert not AccessToken.objects.exists()
        assert not Membership.objects.filter(user_id=alice.pk).exists()

    def test_the_partner_keeps_their_own_writing_and_the_pair_ends(self, alice, bob, pair):
        _daily(bob, pair, "bob keeps this")
        delete_account(alice)
        assert DailyCheckIn.objects.filter(owner=bob).count() == 1
        assert Pair.objects.get(pk=pair.pk).closed_at is not None

    def test_the_page_asks_for_the_password_and_deletes_nothing_when_wrong(
        self, alice_client, alice
    ):
        response = alice_client.post("/privacy/delete/", {"password": "wrong", "confirm": "on"})
        assert response.status_code == 200
        assert "not right" in response.content.decode()
        assert User.objects.filter(pk=alice.pk).exists()

    def test_the_page_deletes_with_the_right_password(self, alice_client, alice):
        from tend.conftest import PASSWORD

        response = alice_client.post("/privacy/delete/", {"password": PASSWORD, "confirm": "on"})
        assert response.status_code == 302
        assert not User.objects.filter(pk=alice.pk).exists()


@pytest.mark.django_db
class TestSignInRecords:
    def test_sign_ins_are_exported_and_deleted_with_the_account(self, client, alice):
        from axes.models import AccessLog

        from tend.conftest import PASSWORD

        client.post("/accounts/login/", {"username": "alice@example.com", "password": "nope"})
        client.post("/accounts/login/", {"username": "alice@example.com", "password": PASSWORD})
        rows = export_for(alice)["sign_ins"]
        # The failed attempt is forgotten once she succeeds (AXES_RESET_ON_SUCCESS).
        assert [row["succeeded"] for row in rows] == [True]
        delete_account(alice)
        assert not AccessLog.objects.filter(username__iexact="alice@example.com").exists()
