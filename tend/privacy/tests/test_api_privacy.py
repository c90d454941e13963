"""API: the export (the same JSON as the download) and deleting an account."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client

from tend.accounts.models import AccessToken, User
from tend.checkins.models import DailyCheckIn
from tend.conftest import PASSWORD
from tend.privacy.models import Visibility

EXPORT = "/api/v1/privacy/export"
ACCOUNT = "/api/v1/privacy/account"
JSON = "application/json"


def daily(owner, pair, win, visibility=Visibility.SHARED, day=None):
    return DailyCheckIn.objects.create(
        owner=owner,
        pair=pair,
        date=day or owner.local_today(),
        mood=3,
        win=win,
        visibility=visibility,
    )


def without_stamp(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "exported_at"}


@pytest.mark.django_db
class TestExport:
    def test_it_gives_the_same_json_as_the_download(self, alice_client, alice, bob, pair):
        daily(alice, pair, "alice's win")
        daily(bob, pair, "bob's win", day=alice.local_today())
        r = alice_client.get(EXPORT)
        assert r.status_code == 200
        assert r["Cache-Control"] == "no-store"
        download = json.loads(alice_client.get("/privacy/export.json").content)
        assert without_stamp(r.json()) == without_stamp(download)
        wins = sorted(row["win"] for row in r.json()["daily_checkins"])
        assert wins == ["alice's win", "bob's win"]

    def test_it_leaves_out_what_is_sealed_or_private_for_me(self, alice_client, alice, bob, pair):
        yesterday = alice.local_today() - datetime.timedelta(days=1)
        daily(alice, pair, "alice yesterday", day=yesterday)
        daily(bob, pair, "bob alone", Visibility.PRIVATE, day=yesterday)
        daily(bob, pair, "sealed for alice", day=alice.local_today())
        content = alice_client.get(EXPORT).content.decode()
        assert "sealed for alice" not in content
        assert "bob alone" not in content

    def test_it_gives_an_outsider_nothing_of_ours(self, charlie_client, alice, pair):
        daily(alice, pair, "ours")
        assert "ours" not in charlie_client.get(EXPORT).content.decode()

    def test_it_needs_a_signed_in_person(self, client):
        assert client.get(EXPORT).status_code == 401


@pytest.mark.django_db
class TestDeleteAccount:
    def test_it_deletes_me_and_what_i_wrote(self, alice_client, alice, bob, pair):
        mine = daily(alice, pair, "mine")
        kept = daily(bob, pair, "bob's")
        r = alice_client.delete(ACCOUNT, {"password": PASSWORD}, content_type=JSON)
        assert r.status_code == 204
        assert not User.objects.filter(email="alice@example.com").exists()
        assert not DailyCheckIn.objects.filter(pk=mine.pk).exists()
        assert DailyCheckIn.objects.filter(pk=kept.pk).exists()
        assert alice_client.get("/api/v1/accounts/me").status_code == 401

    def test_it_keeps_the_account_when_the_password_is_wrong(self, alice_client, alice, pair):
        daily(alice, pair, "mine")
        r = alice_client.delete(ACCOUNT, {"password": "not it"}, content_type=JSON)
        assert r.status_code == 400
        assert "password" in r.json()["detail"]
        assert User.objects.filter(pk=alice.pk).exists()
        assert DailyCheckIn.objects.filter(owner=alice).exists()

    @pytest.mark.parametrize("body", [{}, {"password": ""}, {"password": "x" * 513}])
    def test_it_needs_the_password_in_the_body(self, alice_client, alice, body):
        r = alice_client.delete(ACCOUNT, body, content_type=JSON)
        assert r.status_code == 422
        assert User.objects.filter(pk=alice.pk).exists()

    def test_it_deletes_with_a_token_and_the_password(self, alice):
        _token, raw = AccessToken.issue(alice, "phone")
        auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
        r = Client().delete(ACCOUNT, {"password": PASSWORD}, content_type=JSON, **auth)
        assert r.status_code == 204
        assert not User.objects.filter(pk=alice.pk).exists()
        assert Client().get(EXPORT, **auth).status_code == 401

    def test_it_needs_the_csrf_token_for_a_session(self, alice):
        client = Client(enforce_csrf_checks=True)
        client.force_login(alice)
        r = client.delete(ACCOUNT, {"password": PASSWORD}, content_type=JSON)
        assert r.status_code == 403
        assert User.objects.filter(pk=alice.pk).exists()
