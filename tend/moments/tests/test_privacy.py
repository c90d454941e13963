"""Export and account deletion: my moments are mine; the partner's export never
holds one of them, and deleting the account changes the figures."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tend.moments import figures, services
from tend.moments.models import Moment
from tend.privacy import registry

pytestmark = pytest.mark.django_db

SECRET = "alice-moment-secret-44b0"


def export(client) -> str:
    response = client.get(reverse("privacy:export_json"))
    assert response.status_code == 200
    return response.content.decode()


def test_my_export_holds_my_moments_and_the_partners_holds_none(
    alice, bob, alice_client, bob_client, pair
):
    services.note_moment(alice, pair, "contempt", whose="mine", note=SECRET)
    services.note_moment(bob, pair, "laughed", note="bob's line")
    mine = json.loads(export(alice_client))
    assert SECRET in json.dumps(mine) and "bob's line" not in json.dumps(mine)
    theirs = export(bob_client)
    assert SECRET not in theirs and "contempt" not in theirs
    printable = bob_client.get(reverse("privacy:export_page")).content.decode()
    assert SECRET not in printable


def test_only_the_writers_moments_are_in_an_export(alice, bob, pair):
    moment = services.note_moment(alice, pair, "laughed", note=SECRET)
    kind = next(k for k in registry.kinds() if k.key == "moments")
    assert [row["code"] for row in kind.export(alice)] == [moment.code]
    assert kind.export(bob) == []


def test_deleting_my_account_deletes_my_moments_and_the_figures_change(alice, bob, pair):
    services.note_moment(alice, pair, "laughed")
    for kind in ("kindness", "support", "long-hug", "compliment", "affection"):
        services.note_moment(bob, pair, kind)
    assert figures.for_pair(pair).last_7.positives == 6
    for kind in registry.kinds():
        if Moment in kind.models:
            kind.delete(alice)
    assert set(Moment.objects.values_list("owner", flat=True)) == {bob.pk}
    assert figures.for_pair(pair).last_7.positives == 5


def test_noting_a_moment_tells_the_partner_nothing(alice, alice_client, pair, mailoutbox):
    from django_tasks_db.models import DBTaskResult

    alice_client.post(reverse("moments:note"), {"kind": "snapped", "whose": "mine"})
    services.note_moment(alice, pair, "kindness", note=SECRET)
    assert Moment.objects.count() == 2
    # No e-mail and no queued job (reminders and pushes go through jobs) for anyone.
    assert mailoutbox == []
    assert not DBTaskResult.objects.exists()
