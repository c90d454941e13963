"""Costs that do not grow with history, and a Today panel that costs nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.moments import content, figures
from tend.moments.models import Moment
from tend.moments.today_panels import moment_buttons
from tend.privacy.models import Visibility
from tend.today import panels

pytestmark = pytest.mark.django_db


def a_year_of_moments(pair, people) -> None:
    kinds = [k.slug for k in content.load().kinds]
    today = people[0].local_today()
    Moment.objects.bulk_create(
        Moment(
            owner=person,
            pair=pair,
            visibility=Visibility.PRIVATE,
            kind=kinds[(n + i) % len(kinds)],
            whose="ours",
            happened_on=today - dt.timedelta(days=n // 3),
            note="a line",
        )
        for n in range(3 * 365)
        for i, person in enumerate(people)
    )


def count(client, url: str) -> int:
    client.get(url)  # warm up per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("moments:index"),
        reverse("moments:mine"),
        reverse("moments:chart"),
        "/api/v1/moments/entries",
        "/api/v1/moments/figures",
    ],
)
def test_pages_cost_the_same_after_a_year_of_moments(alice, bob, alice_client, pair, url):
    Moment.objects.create(
        owner=alice,
        pair=pair,
        kind="laughed",
        whose="ours",
        happened_on=alice.local_today(),
        visibility=Visibility.PRIVATE,
    )
    fresh = count(alice_client, url)
    a_year_of_moments(pair, [alice, bob])
    assert count(alice_client, url) == fresh


def test_the_figures_are_one_query(pair):
    pair.member_list()  # loaded with the pair on every page
    pair._members = pair.member_list()
    with CaptureQueriesContext(connection) as ctx:
        figures.for_pair(pair)
    assert len(ctx.captured_queries) == 1


def test_the_today_panel_runs_no_query(alice):
    request = RequestFactory().get("/")
    request.user = alice
    with CaptureQueriesContext(connection) as ctx:
        panel = moment_buttons(request, None)
    assert len(ctx.captured_queries) == 0
    assert panel.template == "moments/today/panel.html"


def test_today_costs_the_same_with_and_without_the_moments_panel(
    alice, alice_client, pair, monkeypatch
):
    with_panel = count(alice_client, reverse("today:today"))
    assert "Notice a moment" in alice_client.get(reverse("today:today")).content.decode()
    without = [entry for entry in panels._registry if entry[2] is not moment_buttons]
    monkeypatch.setattr(panels, "_registry", without)
    html = alice_client.get(reverse("today:today")).content.decode()
    assert "Notice a moment" not in html
    assert count(alice_client, reverse("today:today")) == with_panel
