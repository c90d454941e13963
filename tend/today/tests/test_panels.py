"""The panel registry: features add panels to Today without touching its view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tend.today import panels
from tend.today.panels import Panel


@pytest.fixture
def registry():
    saved = list(panels._registry)
    yield panels
    panels._registry[:] = saved


def test_checkin_panels_are_discovered_at_startup():
    names = [f"{b.__module__}.{b.__qualname__}" for b in panels.builders()]
    assert "tend.today.today_panels.pair_status" in names
    assert "tend.checkins.today_panels.daily_checkin" in names
    assert "tend.checkins.today_panels.weekly_checkin" in names
    assert names.index("tend.checkins.today_panels.daily_checkin") < names.index(
        "tend.checkins.today_panels.weekly_checkin"
    )


def test_builders_run_in_order_and_none_means_nothing_to_show(registry, rf, alice):
    calls = []

    def later(request, pair):
        calls.append("later")
        return Panel("later.html")

    def earlier(request, pair):
        calls.append("earlier")
        return Panel("earlier.html", {"n": 1})

    def quiet(request, pair):
        calls.append("quiet")
        return None

    registry._registry[:] = []
    registry.register(order=50)(later)
    registry.register(order=5)(earlier)
    registry.register(order=20)(quiet)
    request = rf.get("/")
    request.user = alice
    shown = registry.panels_for(request, None)
    assert calls == ["earlier", "quiet", "later"]
    assert [p.template for p in shown] == ["earlier.html", "later.html"]


def test_registering_the_same_builder_twice_keeps_one(registry):
    def builder(request, pair):
        return None

    registry._registry[:] = []
    registry.register(order=1)(builder)
    registry.register(order=2)(builder)
    assert registry.builders() == [builder]


def test_a_new_panel_appears_on_today_without_changing_the_view(registry, alice_client, pair):
    @registry.register(order=30)
    def ended_notice(request, pair):
        return Panel("today/panels/pair_ended.html", {"pair": pair})

    body = alice_client.get(reverse("today:today")).content.decode()
    assert "This pair has ended" in body
    assert body.index("Today's check-in") < body.index("This pair has ended")
    assert body.index("This pair has ended") < body.index("This week's state of us")
