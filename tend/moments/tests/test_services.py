"""Noting, changing and deleting a moment: the rules, and bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.http import Http404

from tend.moments import content, services
from tend.moments.models import NOTE_TEXT, Moment
from tend.privacy.models import Visibility

pytestmark = pytest.mark.django_db


def test_a_moment_is_private_and_counts_towards_the_pair(alice, pair):
    moment = services.note_moment(alice, pair, "long-hug", note="  at the station ")
    assert moment.visibility == Visibility.PRIVATE
    assert moment.pair == pair
    assert moment.whose == "ours"  # the kind's usual
    assert moment.note == "at the station"
    assert moment.happened_on == alice.local_today()


def test_a_hard_moment_is_never_the_partners(alice, pair):
    with pytest.raises(services.MomentError, match="never as theirs"):
        services.note_moment(alice, pair, "criticism", whose="partner")
    assert services.note_moment(alice, pair, "criticism").whose == "mine"
    assert services.note_moment(alice, pair, "criticism", whose="ours").whose == "ours"


def test_changing_a_warm_moment_into_a_hard_one_keeps_it_off_the_partner(alice, pair):
    moment = services.note_moment(alice, pair, "kindness")
    assert moment.whose == "partner"
    services.edit_moment(alice, moment, kind="stonewalling")
    moment.refresh_from_db()
    assert (moment.kind, moment.whose) == ("stonewalling", "mine")
    with pytest.raises(services.MomentError):
        services.edit_moment(alice, moment, whose="partner")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "nagging"}, "no such kind"),
        ({"kind": ""}, "no such kind"),
        ({"kind": "laughed", "whose": "theirs"}, "Say whether"),
        ({"kind": "laughed", "note": "x" * (NOTE_TEXT + 1)}, "characters"),
        ({"kind": "laughed", "happened_on": dt.date.today() + dt.timedelta(days=3)}, "to come"),
        ({"kind": "laughed", "happened_on": dt.date.today() - dt.timedelta(days=400)}, "last"),
    ],
)
def test_bad_input_is_refused_with_a_reason(alice, pair, kwargs, message):
    kind = kwargs.pop("kind")
    with pytest.raises(services.MomentError, match=message):
        services.note_moment(alice, pair, kind, **kwargs)
    assert not Moment.objects.exists()


def test_a_moment_without_an_open_pair_is_noted_alone(alice, bob, pair):
    from tend.pairs import services as pair_services

    pair_services.leave_pair(pair, bob)
    pair.refresh_from_db()
    assert services.note_moment(alice, pair, "laughed").pair is None
    assert services.note_moment(alice, None, "laughed").pair is None


def test_only_the_writer_reaches_changes_or_deletes_a_moment(alice, bob, pair):
    moment = services.note_moment(alice, pair, "laughed")
    with pytest.raises(Http404):
        services.get_own_moment(bob, moment.code)
    with pytest.raises(services.MomentError):
        services.edit_moment(bob, moment, note="mine now")
    with pytest.raises(services.MomentError):
        services.delete_moment(bob, moment)
    services.delete_moment(alice, moment)
    assert not Moment.objects.exists()


def test_the_database_refuses_a_shared_moment(alice, pair):
    with pytest.raises(IntegrityError), transaction.atomic():
        Moment.objects.create(
            owner=alice,
            pair=pair,
            kind="laughed",
            whose="ours",
            happened_on=alice.local_today(),
            visibility=Visibility.SHARED,
        )


def test_only_a_warm_moment_about_the_partner_offers_an_appreciation(alice, pair):
    assert services.offers_appreciation(services.note_moment(alice, pair, "kindness"))
    assert not services.offers_appreciation(services.note_moment(alice, pair, "laughed"))
    assert not services.offers_appreciation(services.note_moment(alice, pair, "snapped"))
    assert not services.offers_appreciation(services.note_moment(alice, None, "kindness"))


def test_every_kind_in_the_file_is_well_formed():
    kinds = content.load().kinds
    assert {k.slug for k in content.positives()} >= {"turned-toward", "repair", "compliment"}
    assert {k.slug for k in content.negatives()} >= {"contempt", "stonewalling", "phone"}
    assert all(k.weight > 0 for k in kinds if k.positive)
    assert all(k.weight < 0 and k.whose != "partner" for k in kinds if not k.positive)
    assert content.by_slug()["contempt"].weight == -5
    assert content.by_slug()["repair"].weight == 2
