from __future__ import annotations

import pytest
from django.urls import reverse

from tend.accounts.models import User
from tend.conftest import client_for
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote, TalkState
from tend.demo.builder import build


@pytest.mark.django_db
def test_the_demo_has_a_finished_evening_whose_closeness_moved():
    result = build(days=30)
    assert "a finished deep-talk evening" in result.notes
    talk = Talk.objects.get()
    assert talk.state == TalkState.FINISHED and talk.pair == result.pair
    assert 14 <= (result.people[0].local_now() - talk.finished_at).days <= 28
    marks = {(r.owner.display_name, r.moment): r.value for r in ClosenessRating.objects.all()}
    assert marks[("Alex", "after")] > marks[("Alex", "before")]
    assert marks[("Sam", "after")] > marks[("Sam", "before")]
    assert TalkNote.objects.count() == 2
    assert all(n.visibility == "private" and n.question_text for n in TalkNote.objects.all())


@pytest.mark.django_db
def test_running_the_demo_twice_adds_no_second_evening():
    build(days=10)
    build(days=10)
    assert Talk.objects.count() == 1
    assert ClosenessRating.objects.count() == 4
    assert TalkNote.objects.count() == 2


@pytest.mark.django_db
def test_each_demo_person_sees_both_movements_and_only_their_own_note():
    build(days=10)
    talk = Talk.objects.get()
    sam = User.objects.get(email="sam@demo.tend")
    page = client_for(sam).get(reverse("deep_talk:summary", args=[talk.code])).content.decode()
    assert "You: 2 steps closer by the end." in page
    assert "Alex: 2 steps closer by the end." in page
    assert "quiet hour" in page
    assert "tram" not in page
