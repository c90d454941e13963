from __future__ import annotations

from tend.deep_talk.models import ClosenessRating, Talk, TalkNote
from tend.deep_talk.tests.builders import finished, mark, note
from tend.privacy import services as privacy


def test_the_export_has_my_marks_notes_and_our_evenings(alice, bob, pair):
    talk = finished(pair, alice)
    mark(alice, talk, "before", 3)
    mark(alice, talk, "after", 6)
    note(alice, talk, "the kite")
    data = privacy.export_for(alice)
    assert [t["code"] for t in data["deep_talks"]] == [talk.code]
    assert data["deep_talks"][0]["evening"].startswith("Evening one")
    assert sorted(r["closeness"] for r in data["deep_talk_closeness"]) == [3, 6]
    assert data["deep_talk_notes"][0]["note"] == "the kite"


def test_the_partner_exports_neither_my_notes_nor_my_sealed_marks(alice, bob, pair):
    talk = finished(pair, alice)
    mark(alice, talk, "before", 3)
    mark(alice, talk, "after", 6)
    note(alice, talk, "the kite")
    data = privacy.export_for(bob)
    assert data["deep_talk_notes"] == []
    assert data["deep_talk_closeness"] == []
    assert [t["code"] for t in data["deep_talks"]] == [talk.code]
    mark(bob, talk, "before", 4)
    opened = privacy.export_for(bob)["deep_talk_closeness"]
    assert sorted((r["author"], r["moment"]) for r in opened) == [
        ("Alice", "before"),
        ("me", "before"),
    ]


def test_an_outsider_exports_nothing_of_ours(alice, pair, charlie):
    talk = finished(pair, alice)
    mark(alice, talk, "before", 3)
    data = privacy.export_for(charlie)
    assert data["deep_talks"] == [] and data["deep_talk_closeness"] == []


def test_deleting_my_account_deletes_my_marks_and_notes_but_not_the_partners(alice, bob, pair):
    talk = finished(pair, alice)
    mark(alice, talk, "before", 3)
    mark(bob, talk, "before", 4)
    note(alice, talk, "mine")
    note(bob, talk, "his")
    privacy.delete_account(alice)
    assert list(ClosenessRating.objects.values_list("owner__email", flat=True)) == [
        "bob@example.com"
    ]
    assert list(TalkNote.objects.values_list("text", flat=True)) == ["his"]
    assert Talk.objects.filter(pk=talk.pk).exists()  # still bob's evening to look back on


def test_the_evenings_go_when_the_pair_goes(alice, bob, pair):
    talk = finished(pair, alice)
    mark(bob, talk, "before", 4)
    privacy.delete_account(alice)
    privacy.delete_account(bob)
    assert not Talk.objects.exists()
    assert not ClosenessRating.objects.exists()
