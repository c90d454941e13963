"""The moments pages: one tap, the confirmation and its appreciation offer, one's
own list, the chart and the explanation; never a partner's entry."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tend.moments import services
from tend.moments.models import Moment

pytestmark = pytest.mark.django_db

BOBS_NOTE = "bob-only-note-5d1e"


def test_one_tap_notes_a_moment_and_confirms_it(alice, alice_client, pair):
    response = alice_client.post(reverse("moments:note"), {"kind": "laughed"})
    moment = Moment.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("moments:entry", args=[moment.code]) + "?noted=1"
    page = alice_client.get(response["Location"])
    assert "Thanks for noticing" in page.content.decode()
    assert "Turn it into an appreciation" not in page.content.decode()  # laughed is ours


def test_a_warm_moment_about_the_partner_offers_an_appreciation(alice_client, pair):
    response = alice_client.post(reverse("moments:note"), {"kind": "kindness"}, follow=True)
    html = response.content.decode()
    assert "Turn it into an appreciation" in html
    assert "from=moment" in html and "text=Thank%20you" in html


def test_a_hard_moment_tap_says_mine_or_ours_and_refuses_theirs(alice, alice_client, pair):
    alice_client.post(reverse("moments:note"), {"kind": "snapped", "whose": "ours"})
    assert Moment.objects.get(owner=alice).whose == "ours"
    response = alice_client.post(
        reverse("moments:note"), {"kind": "snapped", "whose": "partner"}, follow=True
    )
    assert "never as theirs" in response.content.decode()
    assert Moment.objects.filter(owner=alice).count() == 1


def test_the_buttons_post_one_tap_value_each(alice, alice_client, pair):
    """The buttons share one form: each sends ``tap`` as "kind" or "kind:whose"."""
    page = alice_client.get(reverse("moments:index")).content.decode()
    assert 'name="tap" value="kindness"' in page and 'value="snapped:mine"' in page
    alice_client.post(reverse("moments:note"), {"tap": "snapped:mine"})
    alice_client.post(reverse("moments:note"), {"tap": "kindness"})
    assert sorted(Moment.objects.values_list("kind", "whose")) == [
        ("kindness", "partner"),
        ("snapped", "mine"),
    ]
    for bad in ("snapped:theirs", "snapped:partner", ":mine", ""):
        alice_client.post(reverse("moments:note"), {"tap": bad})
    assert Moment.objects.count() == 2


def test_an_unknown_kind_is_refused_with_a_message(alice_client, pair):
    response = alice_client.post(reverse("moments:note"), {"kind": "<b>x</b>"}, follow=True)
    assert "no such kind" in response.content.decode()
    assert not Moment.objects.exists()


def test_editing_keeps_what_was_typed_when_refused(alice, alice_client, pair):
    moment = services.note_moment(alice, pair, "snapped")
    url = reverse("moments:entry", args=[moment.code])
    data = {
        "kind": "snapped",
        "whose": "partner",
        "happened_on": moment.happened_on,
        "note": "kept",
    }
    response = alice_client.post(url, data)
    assert response.status_code == 400
    assert "kept" in response.content.decode()
    data["whose"] = "mine"
    assert alice_client.post(url, data).status_code == 302
    moment.refresh_from_db()
    assert moment.note == "kept"


def test_an_over_long_note_is_a_form_error(alice, alice_client, pair):
    moment = services.note_moment(alice, pair, "laughed")
    url = reverse("moments:entry", args=[moment.code])
    data = {
        "kind": "laughed",
        "whose": "ours",
        "happened_on": moment.happened_on,
        "note": "x" * 281,
    }
    assert alice_client.post(url, data).status_code == 400


def test_the_partner_reaches_none_of_alices_entries(alice, bob_client, pair):
    moment = services.note_moment(alice, pair, "laughed", note="alice's own words")
    for name in ("moments:entry", "moments:delete"):
        method = bob_client.post if name == "moments:delete" else bob_client.get
        assert method(reverse(name, args=[moment.code])).status_code == 404
    assert Moment.objects.filter(pk=moment.pk).exists()


def test_pages_show_the_combined_figures_and_none_of_the_partners_entries(
    alice, bob, alice_client, pair
):
    services.note_moment(bob, pair, "compliment", note=BOBS_NOTE)
    services.note_moment(bob, pair, "stonewalling", whose="ours")
    services.note_moment(alice, pair, "laughed")
    services.note_moment(alice, pair, "kindness")
    services.note_moment(alice, pair, "support")
    for name in ("moments:index", "moments:mine", "moments:chart", "today:today"):
        html = alice_client.get(reverse(name)).content.decode()
        assert BOBS_NOTE not in html, name
        assert "A specific compliment</a>" not in html, name  # bob's entry line
    index = alice_client.get(reverse("moments:index")).content.decode()
    assert "The two of you" in index
    assert "Laughed together</a>" in index  # her own entry is listed
    chart = alice_client.get(reverse("moments:chart"))
    data = chart.context["chart_data"]
    assert sum(n or 0 for n in data["positives"]) == 4
    assert sum(n or 0 for n in data["negatives"]) == 1
    assert BOBS_NOTE not in json.dumps(data)


def test_without_a_partner_the_figures_are_ones_own(charlie, charlie_client, charlie_pair):
    services.note_moment(charlie, charlie_pair, "laughed")
    html = charlie_client.get(reverse("moments:index")).content.decode()
    assert "Your own moments" in html


def test_few_moments_are_called_few(charlie, charlie_client, charlie_pair):
    services.note_moment(charlie, charlie_pair, "snapped")
    html = charlie_client.get(reverse("moments:index")).content.decode()
    assert "too few for the ratio to say much" in html


def test_a_pair_with_few_moments_sees_no_figures(alice, bob, alice_client, pair):
    services.note_moment(bob, pair, "contempt", whose="mine")
    html = alice_client.get(reverse("moments:index")).content.decode()
    assert "so that no single moment can be read out of them" in html
    assert "-5" not in html


def test_deleting_a_moment_changes_the_figures(alice, alice_client, pair):
    moment = services.note_moment(alice, pair, "laughed")
    assert alice_client.post(reverse("moments:delete", args=[moment.code])).status_code == 302
    assert not Moment.objects.exists()


def test_the_explanation_lists_every_weight(alice_client):
    html = alice_client.get(reverse("moments:explain")).content.decode()
    assert "Not a score to win" in html
    assert "<td>-5</td>" in html and "<td>+2</td>" in html


def test_my_moments_page_through_long_histories(alice, alice_client, pair):
    for _ in range(35):
        services.note_moment(alice, pair, "laughed")
    page_two = alice_client.get(reverse("moments:mine") + "?page=2")
    assert page_two.status_code == 200
    assert len(page_two.context["page"].object_list) == 5


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    for name in ("moments:index", "moments:mine", "moments:chart", "moments:explain"):
        assert client.get(reverse(name)).status_code == 302


def test_an_old_moment_can_still_be_edited(alice, alice_client, pair):
    import datetime as dt

    moment = services.note_moment(alice, pair, "snapped")
    old = alice.local_today() - dt.timedelta(days=90)
    Moment.objects.filter(pk=moment.pk).update(happened_on=old)
    response = alice_client.post(
        reverse("moments:entry", args=[moment.code]),
        {"kind": "snapped", "whose": "mine", "happened_on": old, "note": "fixed later"},
    )
    assert response.status_code == 302
    moment.refresh_from_db()
    assert moment.note == "fixed later" and moment.happened_on == old
