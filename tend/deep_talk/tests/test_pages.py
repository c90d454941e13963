from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.deep_talk import services
from tend.deep_talk.models import ClosenessRating, Talk, TalkNote, TalkState
from tend.deep_talk.tests.builders import EVENING, finished, mark, note, talking
from tend.lib.limits import LONG_TEXT


def url(name: str, talk: Talk | None = None, **kwargs: str) -> str:
    if talk is not None:
        kwargs["code"] = talk.code
    return reverse(f"deep_talk:{name}", kwargs=kwargs or None)


def text(response) -> str:
    return response.content.decode()


def test_the_index_offers_the_three_evenings(alice_client, pair):
    page = text(alice_client.get(url("index")))
    assert "Evening one" in page and "Evening two" in page and "Evening three" in page
    assert "Start the evening" in page


def test_the_index_says_a_deep_talk_needs_two(charlie_client, charlie_pair):
    page = text(charlie_client.get(url("index")))
    assert "A deep talk is for two" in page
    assert "Start the evening" not in page


def test_starting_leads_to_placing_closeness_before(alice_client, alice, pair):
    response = alice_client.post(url("start"), {"evening": EVENING, "first": "partner"})
    talk = Talk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("closeness", talk, moment="before")
    assert talk.started_by == alice and talk.first_speaker != alice


def test_starting_a_second_evening_shows_why_not(alice_client, bob_client, pair):
    alice_client.post(url("start"), {"evening": EVENING, "first": "me"})
    response = bob_client.post(url("start"), {"evening": "evening-two", "first": "me"})
    assert response.status_code == 200
    assert "already under way" in text(response)
    assert Talk.objects.count() == 1


@pytest.mark.parametrize("data", [{}, {"evening": "nope", "first": "me"}, {"evening": EVENING}])
def test_starting_with_bad_input_starts_nothing(alice_client, pair, data):
    response = alice_client.post(url("start"), data)
    assert response.status_code == 200
    assert not Talk.objects.exists()


def test_the_closeness_page_shows_seven_labelled_pictures(alice_client, alice, pair):
    talk = talking(alice, pair)
    page = text(alice_client.get(url("closeness", talk, moment="before")))
    assert "<fieldset" in page and "<legend" in page
    assert page.count('type="radio" name="value"') == 7
    assert "1 of 7: far apart" in page and "7 of 7: almost one" in page
    assert page.count('aria-hidden="true"') >= 7


def test_placing_before_returns_to_the_talk(alice_client, alice, pair):
    talk = talking(alice, pair)
    response = alice_client.post(url("closeness", talk, moment="before"), {"value": "3"})
    assert response["Location"] == url("detail", talk)
    assert ClosenessRating.objects.get(owner=alice).value == 3


@pytest.mark.parametrize("value", ["0", "8", "", "three"])
def test_a_mark_outside_the_picture_is_refused(alice_client, alice, pair, value):
    talk = talking(alice, pair)
    response = alice_client.post(url("closeness", talk, moment="before"), {"value": value})
    assert response.status_code == 200
    assert "errorlist" in text(response)
    assert not ClosenessRating.objects.exists()


def test_after_is_refused_while_the_evening_goes_on(alice_client, alice, pair):
    talk = talking(alice, pair)
    response = alice_client.post(url("closeness", talk, moment="after"), {"value": "5"})
    assert response.status_code == 200
    assert "once the evening has ended" in text(response)


def test_an_unknown_moment_is_not_found(alice_client, alice, pair):
    talk = talking(alice, pair)
    assert alice_client.get(url("closeness", talk, moment="during")).status_code == 404


def test_the_talk_page_shows_question_progress_turn_and_time(alice_client, alice, pair):
    talk = talking(alice, pair)
    services.step(alice, talk, "next")
    services.step(alice, talk, "next")
    services.step(alice, talk, "next")
    page = text(alice_client.get(url("detail", talk)))
    assert talk.question.text.replace("'", "&#x27;") in page
    assert "Question 4 of 12 · set 1 of 3" in page
    assert "Bob answers first, then Alice" in page
    assert "About 15 minutes left in this set" in page
    assert 'aria-live="polite"' in page


def test_walking_through_a_set_with_the_buttons(alice_client, bob_client, alice, pair):
    talk = talking(alice, pair)
    for n in range(12):
        client = alice_client if n % 2 == 0 else bob_client
        response = client.post(url("step", talk), {"action": "next", "at": str(n)})
        assert response.status_code == 302
    talk.refresh_from_db()
    assert talk.state == TalkState.BETWEEN
    page = text(alice_client.get(url("detail", talk)))
    assert "Set 1 is done" in page and "Go on to set 2" in page
    response = alice_client.post(url("step", talk), {"action": "finish", "at": "11"})
    assert response["Location"] == url("closeness", talk, moment="after")


def test_a_stale_next_says_the_evening_moved_on(alice_client, bob, alice, pair):
    talk = talking(alice, pair)
    services.step(bob, talk, "next")
    response = alice_client.post(url("step", talk), {"action": "next", "at": "0"}, follow=True)
    assert "moved on in the meantime" in text(response)
    talk.refresh_from_db()
    assert talk.current_question == 1


def test_a_paused_talk_offers_resume_and_keeps_the_time(alice_client, alice, pair):
    talk = talking(alice, pair)
    alice_client.post(url("step", talk), {"action": "pause", "at": "0"})
    page = text(alice_client.get(url("detail", talk)))
    assert "Paused" in page and 'value="resume"' in page
    assert 'data-running="false"' in page


@pytest.mark.parametrize("data", [{"action": "dance"}, {"action": "next", "at": "-1"}, {}])
def test_steps_with_bad_input_change_nothing(alice_client, alice, pair, data):
    talk = talking(alice, pair)
    response = alice_client.post(url("step", talk), data, follow=True)
    assert response.status_code == 200
    talk.refresh_from_db()
    assert (talk.state, talk.position) == (TalkState.TALKING, 0)


def test_advancing_a_finished_talk_is_refused(alice_client, alice, pair):
    talk = finished(pair, alice)
    response = alice_client.post(url("step", talk), {"action": "next"}, follow=True)
    assert "This evening has ended" in text(response)


def test_a_finished_talk_opens_its_summary(alice_client, alice, pair):
    talk = finished(pair, alice)
    assert alice_client.get(url("detail", talk))["Location"] == url("summary", talk)


def test_an_unfinished_talk_has_no_summary_yet(alice_client, alice, pair):
    talk = talking(alice, pair)
    assert alice_client.get(url("summary", talk))["Location"] == url("detail", talk)


def test_notes_are_kept_and_shown_only_to_their_writer(alice_client, bob_client, alice, pair):
    talk = talking(alice, pair)
    response = alice_client.post(
        url("note", talk), {"text": "ask about the lake house", "question": talk.question.id}
    )
    assert response.status_code == 302
    assert "ask about the lake house" in text(alice_client.get(url("detail", talk)))
    assert "ask about the lake house" not in text(bob_client.get(url("detail", talk)))
    services.step(alice, talk, "finish")
    assert "ask about the lake house" in text(alice_client.get(url("summary", talk)))
    assert "ask about the lake house" not in text(bob_client.get(url("summary", talk)))
    assert "ask about the lake house" not in text(bob_client.get(reverse("privacy:export_json")))


@pytest.mark.parametrize("words", ["", "   ", "x" * (LONG_TEXT + 1)])
def test_an_empty_or_over_long_note_is_refused_and_kept_in_the_form(
    alice_client, alice, pair, words
):
    talk = talking(alice, pair)
    response = alice_client.post(url("note", talk), {"text": words})
    assert response.status_code == 200
    assert "errorlist" in text(response)
    if words.strip():
        assert words in text(response)
    assert not TalkNote.objects.exists()


def test_the_summary_shows_both_movements_once_opened(alice_client, bob_client, alice, bob, pair):
    talk = finished(pair, alice)
    mark(alice, talk, "before", 3)
    mark(alice, talk, "after", 5)
    mark(bob, talk, "before", 4)
    page = text(alice_client.get(url("summary", talk)))
    assert "You: 2 steps closer by the end." in page
    # Bob has no "after" yet; his "before" opened for alice, she placed hers.
    assert "Not placed yet" in page
    bob_page = text(bob_client.get(url("summary", talk)))
    assert "Sealed until you place yours" in bob_page  # alice's after, for bob
    mark(bob, talk, "after", 4)
    bob_page = text(bob_client.get(url("summary", talk)))
    assert "Alice: 2 steps closer by the end." in bob_page
    assert "You: as close as at the start." in bob_page


def test_a_sealed_mark_shows_no_number(alice_client, alice, bob, pair):
    talk = finished(pair, alice)
    mark(bob, talk, "before", 6)
    mark(bob, talk, "after", 7)
    page = text(alice_client.get(url("summary", talk)))
    assert "6/7" not in page and "7/7" not in page
    assert page.count("Sealed until you place yours") == 2
    index = text(alice_client.get(url("index")))
    line = index.split('class="closeness-line"')[1].split("</ul>")[0]
    assert "sealed" in line and "6" not in line and "7" not in line.replace("out of 7", "")


def test_another_pairs_talk_is_not_found(charlie_client, alice, pair):
    talk = talking(alice, pair)
    for name in ("detail", "summary"):
        assert charlie_client.get(url(name, talk)).status_code == 404
    assert charlie_client.post(url("step", talk), {"action": "next"}).status_code == 404
    assert charlie_client.post(url("note", talk), {"text": "hi"}).status_code == 404
    assert (
        charlie_client.post(url("closeness", talk, moment="before"), {"value": 3}).status_code
        == 404
    )
    talk.refresh_from_db()
    assert talk.position == 0


def _history(alice, bob, pair, n: int) -> None:
    for days in range(n, 0, -1):
        talk = finished(pair, alice, days_ago=days + 1)
        mark(alice, talk, "before", 3)
        mark(bob, talk, "before", 4)
        mark(alice, talk, "after", 5)
        note(alice, talk, "a note")


def _count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_index_and_detail_queries_do_not_grow_with_past_evenings(alice_client, alice, bob, pair):
    _history(alice, bob, pair, 1)
    talk = talking(alice, pair)
    services.add_note(alice, talk, "now")
    few_index = _count(alice_client, url("index"))
    few_detail = _count(alice_client, url("detail", talk))
    services.step(alice, talk, "finish")
    few_summary = _count(alice_client, url("summary", talk))
    Talk.objects.filter(pk=talk.pk).update(state=TalkState.TALKING, finished_at=None)
    _history(alice, bob, pair, 30)
    assert _count(alice_client, url("index")) == few_index
    assert _count(alice_client, url("detail", talk)) == few_detail
    Talk.objects.filter(pk=talk.pk).update(state=TalkState.FINISHED)
    assert _count(alice_client, url("summary", talk)) == few_summary
