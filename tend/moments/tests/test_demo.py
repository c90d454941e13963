"""The demo pair's months of moments: private rows, a chart with a shape, no doubles."""

from __future__ import annotations

import pytest

from tend.demo.builder import build
from tend.moments import figures
from tend.moments.models import Moment
from tend.privacy.models import Visibility

pytestmark = pytest.mark.django_db


def test_the_demo_pair_has_months_of_moments_with_a_rough_stretch():
    result = build(days=120)
    moments = Moment.objects.filter(pair=result.pair)
    assert moments.count() > 200
    assert set(moments.values_list("visibility", flat=True)) == {Visibility.PRIVATE}
    assert not moments.filter(whose="partner", kind__in=["contempt", "snapped"]).exists()
    weeks = [w for w in figures.for_pair(result.pair).weeks if w.tally.total]
    assert len(weeks) >= 16
    ratios = [w.tally.ratio for w in weeks if w.tally.ratio is not None]
    assert min(ratios) < 5 < max(ratios)  # a dip and a recovery, not a flat line


def test_running_the_demo_twice_adds_no_moment():
    build(days=60)
    count = Moment.objects.count()
    build(days=60)
    assert Moment.objects.count() == count
