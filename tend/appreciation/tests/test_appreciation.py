"""Services, pages and API of appreciation: rules, privacy, bad input, query counts."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.appreciation import services
from tend.appreciation.models import Appreciation, Gratitude, NewsReply, ThreeThingsEntry
from tend.privacy import registry

API = "/api/v1/appreciation"


def _export(user: Any) -> str:
    return json.dumps([kind.export(user) for kind in registry.kinds()], default=str)


def test_send_thank_and_react(alice, bob, pair) -> None:
    item = services.send(alice, pair, "Thank you for the soup.", "did")
    assert item.recipient == bob
    with pytest.raises(services.AppreciationError):
        services.thank(alice, item)
    services.thank(bob, item)
    services.react(bob, item, "hug")
    item.refresh_from_db()
    assert item.thanked_at is not None and item.reaction == "hug"
    services.react(bob, item, "hug")
    item.refresh_from_db()
    assert item.reaction == ""
    with pytest.raises(services.AppreciationError):
        services.react(bob, item, "nonsense")


def test_bad_input_is_refused(alice, bob, pair, charlie, alice_client) -> None:
    with pytest.raises(services.AppreciationError):
        services.send(charlie, pair, "not my pair")
    with pytest.raises(services.AppreciationError):
        services.send(alice, pair, "x", "no-such-kind")
    response = alice_client.post(reverse("appreciation:send"), {"text": "x" * 1001})
    assert response.status_code == 400
    assert not Appreciation.objects.exists()
    response = alice_client.post(
        f"{API}/appreciations", {"text": ""}, content_type="application/json"
    )
    assert response.status_code == 422


def test_gratitude_stays_private_even_when_sent(alice, bob, pair, bob_client) -> None:
    note = services.write_gratitude(alice, "the secret garden note")
    assert note.visibility == "private"
    sent = services.send_gratitude(alice, note, pair, "who")
    assert sent.source == "gratitude"
    with pytest.raises(services.AlreadyWritten):
        services.send_gratitude(alice, note, pair)
    assert not Gratitude.objects.visible_to(bob).exists()
    assert "the secret garden note" in _export(bob)  # as the appreciation it became
    note.text = "only in the note"
    note.save()
    for url in (reverse("appreciation:gratitude"), f"{API}/gratitude", f"{API}/gratitude/today"):
        assert "only in the note" not in bob_client.get(url).content.decode()
    assert "only in the note" not in _export(bob)
    assert (
        bob_client.post(reverse("appreciation:gratitude_send", args=[note.code])).status_code == 404
    )


def test_three_things_stay_sealed_until_both_wrote(alice, bob, pair, bob_client) -> None:
    services.write_three(alice, pair, "sealed-one", "sealed-two", "sealed-three")
    assert services.current_round(bob, pair).state == "to_open"
    for url in (reverse("appreciation:three_things"), f"{API}/three-things"):
        assert "sealed-one" not in bob_client.get(url).content.decode()
    assert "sealed-one" not in _export(bob)
    with pytest.raises(services.AlreadyWritten):
        services.write_three(alice, pair, "a", "b", "c")
    services.write_three(bob, pair, "b1", "b2", "b3")
    assert services.current_round(bob, pair).state == "opened"
    assert "sealed-one" in bob_client.get(reverse("appreciation:three_things")).content.decode()
    # A new round starts with the next entry.
    services.write_three(alice, pair, "again", "again", "again")
    assert ThreeThingsEntry.objects.count() == 3
    assert services.current_round(bob, pair).state == "to_open"


def test_jar_never_repeats_in_a_row(alice, bob, pair) -> None:
    assert services.from_the_jar(alice, pair) is None
    items = [services.send(alice if i % 2 else bob, pair, f"note {i}") for i in range(5)]
    first = services.from_the_jar(alice, pair)
    assert first in items
    assert services.from_the_jar(alice, pair) == first  # the same all day
    for nonce in range(20):
        again = services.from_the_jar(alice, pair, after=first.code, nonce=str(nonce))
        assert again is not None and again != first


def test_on_this_day(alice, bob, pair) -> None:
    today = alice.local_today()
    old = services.send(bob, pair, "a year ago today")
    year_ago = dt.datetime.combine(today.replace(year=today.year - 1), dt.time(12), dt.UTC)
    Appreciation.objects.filter(pk=old.pk).update(created_at=year_ago)
    services.send(bob, pair, "today's own")
    found = services.on_this_day(alice, pair)
    assert [a.text for a in found] == ["a year ago today"]


def test_on_this_day_is_the_persons_own_calendar_whatever_zone_is_active(alice, bob, pair) -> None:
    """Sent at 00:30 in Berlin on 15 March (23:30 UTC on the 14th): a year on, it is
    there on alice's 15 March, also through the API, where no zone is activated."""
    from django.utils import timezone

    old = services.send(bob, pair, "just after midnight")
    sent = dt.datetime(2025, 3, 14, 23, 30, tzinfo=dt.UTC)
    Appreciation.objects.filter(pk=old.pk).update(created_at=sent)
    with timezone.override(dt.UTC):
        found = services.on_this_day(alice, pair, day=dt.date(2026, 3, 15))
        missed = services.on_this_day(alice, pair, day=dt.date(2026, 3, 14))
    assert [a.text for a in found] == ["just after midnight"]
    assert missed == []


def test_good_news_reply_is_checked_then_sent(alice, bob, pair, bob_client) -> None:
    news = services.share_news(alice, pair, "I passed the exam")
    url = reverse("appreciation:news_reply", args=[news.code])
    response = bob_client.post(url, {"text": "ok"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Send it as it is" in body and "ok" in body
    assert not NewsReply.objects.exists()
    assert bob_client.post(url, {"text": "ok", "send_anyway": "on"}).status_code == 302
    assert NewsReply.objects.count() == 1
    api = f"{API}/news/{news.code}/replies"
    response = bob_client.post(api, {"text": "Anyway, dinner?"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["noticed"][0]["words"] == "Anyway"
    response = bob_client.post(api, {"text": "How did it feel?"}, content_type="application/json")
    assert response.status_code == 201
    check = bob_client.post(f"{api}/check", {"text": "cool"}, content_type="application/json")
    assert check.json()["flagged"] is True
    # Replying to one's own news is not checked.
    services.reply_news(alice, news, "ok")


def test_deletion_takes_what_i_wrote(alice, bob, pair) -> None:
    services.send(alice, pair, "from alice")
    services.send(bob, pair, "from bob")
    services.write_gratitude(alice, "mine")
    for kind in registry.kinds():
        kind.delete(alice)
    assert list(Appreciation.objects.values_list("text", flat=True)) == ["from bob"]
    assert not Gratitude.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "appreciation:index",
        "appreciation:jar",
        "appreciation:three_things",
        "appreciation:news",
        f"{API}/appreciations",
        f"{API}/jar",
        f"{API}/news",
        f"{API}/three-things/rounds",
    ],
)
def test_query_counts_do_not_grow_with_history(alice, bob, pair, alice_client, url) -> None:
    path = url if url.startswith("/") else reverse(url)

    def grow(n: int) -> None:
        for i in range(n):
            services.send(alice, pair, f"a{i}")
            services.send(bob, pair, f"b{i}")
            news = services.share_news(bob, pair, f"news {i}")
            services.reply_news(alice, news, "Tell me more!")
            services.write_three(alice, pair, "1", "2", "3")
            services.write_three(bob, pair, "1", "2", "3")

    grow(1)
    alice_client.get(path)
    with CaptureQueriesContext(connection) as few:
        assert alice_client.get(path).status_code == 200
    grow(6)
    with CaptureQueriesContext(connection) as many:
        assert alice_client.get(path).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_an_appreciation_started_from_a_moment_stays_so_after_an_error(
    alice, alice_client, pair
) -> None:
    url = reverse("appreciation:send")
    response = alice_client.post(url, {"text": "x" * 1001, "source": "moment"})
    assert response.status_code == 400
    assert 'name="source" value="moment"' in response.content.decode()
    alice_client.post(url, {"text": "Thank you for the tea", "source": "moment"})
    assert Appreciation.objects.get().source == "moment"
