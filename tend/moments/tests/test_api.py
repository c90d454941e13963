"""The moments API: my ledger only, the combined figures, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from tend.moments import services
from tend.moments.models import Moment

pytestmark = pytest.mark.django_db

BASE = "/api/v1/moments"


def post(client, path, data):
    return client.post(BASE + path, data, content_type="application/json")


def test_the_kinds_carry_their_weights_and_the_target(alice_client):
    body = alice_client.get(f"{BASE}/kinds").json()
    assert body["target"] == 5
    contempt = next(k for k in body["kinds"] if k["slug"] == "contempt")
    assert (contempt["positive"], contempt["weight"]) == (False, -5)


def test_noting_listing_changing_and_deleting_my_moments(alice, alice_client, pair):
    created = post(alice_client, "/entries", {"kind": "kindness", "note": "tea"})
    assert created.status_code == 201, created.json()
    code = created.json()["code"]
    assert created.json()["offers_appreciation"] is True
    assert created.json()["pair"] == pair.code
    listed = alice_client.get(f"{BASE}/entries").json()
    assert listed["count"] == 1 and listed["items"][0]["note"] == "tea"
    changed = alice_client.patch(
        f"{BASE}/entries/{code}", {"whose": "ours"}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["whose"] == "ours"
    assert alice_client.delete(f"{BASE}/entries/{code}").status_code == 204
    assert not Moment.objects.exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"kind": "contempt", "whose": "partner"}, 400),
        ({"kind": "nope"}, 400),
        ({"kind": "laughed", "whose": "theirs"}, 422),
        ({"kind": "laughed", "note": "x" * 281}, 422),
        ({"kind": ""}, 422),
        ({"kind": "laughed", "happened_on": "2999-01-01"}, 400),
        ({"kind": "laughed", "pair": "not-a-pair"}, 404),
    ],
)
def test_bad_input_is_a_readable_error(alice_client, pair, data, status):
    response = post(alice_client, "/entries", data)
    assert response.status_code == status, response.json()
    assert response.json()["detail"]
    assert not Moment.objects.exists()


def test_a_patch_may_not_set_a_field_to_null(alice, alice_client, pair):
    code = services.note_moment(alice, pair, "laughed").code
    response = alice_client.patch(
        f"{BASE}/entries/{code}", {"kind": None}, content_type="application/json"
    )
    assert response.status_code == 422


def test_the_partner_never_reaches_an_entry_of_mine(alice, bob_client, pair):
    moment = services.note_moment(alice, pair, "laughed", note="mine alone")
    assert bob_client.get(f"{BASE}/entries").json()["count"] == 0
    for method in ("get", "delete"):
        assert getattr(bob_client, method)(f"{BASE}/entries/{moment.code}").status_code == 404
    patched = bob_client.patch(
        f"{BASE}/entries/{moment.code}", {"note": "x"}, content_type="application/json"
    )
    assert patched.status_code == 404


def test_the_figures_are_sums_of_both_ledgers(alice, bob, alice_client, bob_client, pair):
    services.note_moment(alice, pair, "laughed", note="alice words")
    services.note_moment(alice, pair, "kindness")
    services.note_moment(alice, pair, "long-hug")
    services.note_moment(bob, pair, "repair", note="bob words")
    services.note_moment(bob, pair, "contempt", whose="mine")
    for client in (alice_client, bob_client):
        response = client.get(f"{BASE}/figures", {"pair": pair.code})
        body = response.json()
        assert body["scope"] == "pair" and body["pair"] == pair.code
        assert body["last_7"] == {
            "positives": 4,
            "negatives": 1,
            "ratio": 4.0,
            "balance": 1 + 1 + 1 + 2 - 5,
            "few": False,
            "withheld": False,
            "meets_target": False,
        }
        assert len(body["weeks"]) == 26
        assert "words" not in response.content.decode()


def test_a_few_moments_are_withheld_from_the_pair(alice, bob, alice_client, pair):
    """With one moment noted, its kind could be read from the balance: nothing is given."""
    services.note_moment(bob, pair, "contempt", whose="mine")
    body = alice_client.get(f"{BASE}/figures", {"pair": pair.code}).json()
    assert body["last_7"] == {
        "positives": None,
        "negatives": None,
        "ratio": None,
        "balance": None,
        "few": True,
        "withheld": True,
        "meets_target": False,
    }
    assert all(w["withheld"] or w["positives"] == 0 for w in body["weeks"])
    assert "-5" not in alice_client.get("/moments/").content.decode()


def test_the_figures_of_a_pair_not_mine_are_not_found(charlie_client, pair):
    assert charlie_client.get(f"{BASE}/figures", {"pair": pair.code}).status_code == 404


def test_with_no_partner_the_figures_are_my_own(charlie, charlie_client, charlie_pair):
    services.note_moment(charlie, charlie_pair, "laughed")
    body = charlie_client.get(f"{BASE}/figures").json()
    assert body["scope"] == "me" and body["pair"] is None
    assert body["last_30"]["positives"] == 1


def test_an_old_day_can_be_noted_within_the_limit(alice, alice_client, pair):
    day = alice.local_today() - dt.timedelta(days=10)
    response = post(alice_client, "/entries", {"kind": "laughed", "happened_on": day.isoformat()})
    assert response.status_code == 201 and response.json()["happened_on"] == day.isoformat()


def test_every_operation_is_tagged_appreciation(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    operations = [
        op for path, item in spec["paths"].items() if "/moments/" in path for op in item.values()
    ]
    assert len(operations) == 7
    assert all(op["tags"] == ["appreciation"] for op in operations)
