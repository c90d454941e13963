"""Ratio and balance arithmetic: empty periods, only hard moments, weeks, time zones."""

from __future__ import annotations

import datetime as dt

import pytest

from tend.moments import figures
from tend.moments.models import Moment
from tend.moments.services import note_moment
from tend.privacy.models import Visibility

TODAY = dt.date(2026, 3, 18)  # a Wednesday


def rows(*items: tuple[int, str, int]) -> list[figures.Row]:
    return [(TODAY - dt.timedelta(days=back), kind, n) for back, kind, n in items]


def test_an_empty_period_has_no_ratio_and_a_zero_balance():
    tally = figures.tally([], TODAY)
    assert (tally.positives, tally.negatives, tally.balance, tally.ratio) == (0, 0, 0, None)
    assert tally.few and not tally.meets(5)


def test_only_warm_moments_have_no_ratio_rather_than_infinity():
    tally = figures.tally(rows((0, "laughed", 3), (1, "repair", 1)), TODAY - dt.timedelta(days=6))
    assert tally.ratio is None
    assert tally.positives == 4
    assert tally.balance == 3 + 2  # a repair that worked weighs 2
    assert tally.meets(5)


def test_only_hard_moments_give_a_ratio_of_zero_and_a_negative_balance():
    tally = figures.tally(rows((0, "contempt", 1), (2, "snapped", 2)), TODAY - dt.timedelta(days=6))
    assert tally.ratio == 0
    assert tally.balance == -5 - 2
    assert not tally.meets(5)


def test_the_ratio_is_warm_per_hard_with_one_decimal():
    tally = figures.tally(rows((0, "affection", 11), (0, "criticism", 2)), TODAY)
    assert tally.ratio == 5.5
    assert tally.balance == 11 - 4
    assert tally.meets(5)
    assert not figures.tally(rows((0, "affection", 9), (0, "phone", 2)), TODAY).meets(5)


def test_windows_count_only_their_days():
    data = rows((0, "laughed", 1), (6, "laughed", 1), (7, "laughed", 1), (29, "snapped", 1))
    result = figures.figures_from(data, "me", TODAY)
    assert result.last_7.positives == 2
    assert result.last_30.positives == 3 and result.last_30.negatives == 1


def test_the_pair_sees_no_period_with_only_a_few_moments():
    few = figures.figures_from(rows((0, "contempt", 1)), "pair", TODAY)
    assert few.last_7.hidden and few.last_7.positives == 0 and few.last_7.balance == 0
    assert few.weeks[-1].tally.hidden
    enough = figures.figures_from(rows((0, "contempt", 1), (1, "laughed", 4)), "pair", TODAY)
    assert not enough.last_7.hidden and enough.last_7.balance == 4 - 5
    # Nothing noted is no secret: an empty period is shown as empty.
    assert not figures.figures_from([], "pair", TODAY).last_7.hidden
    # A person's own figures are never withheld from them.
    assert not figures.figures_from(rows((0, "contempt", 1)), "me", TODAY).last_7.hidden


def test_unknown_kinds_are_ignored_rather_than_counted():
    assert figures.tally(rows((0, "retired-kind", 4)), TODAY).total == 0


def test_weeks_start_on_monday_and_end_with_this_week():
    data = rows((0, "laughed", 2), (2, "laughed", 1), (3, "snapped", 1))  # Wed, Mon, Sun
    weeks = figures.weekly(data, TODAY, weeks=3)
    assert [w.start for w in weeks] == [
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 16),
    ]
    assert (weeks[-1].tally.positives, weeks[-1].tally.negatives) == (3, 0)
    assert (weeks[-2].tally.positives, weeks[-2].tally.negatives) == (0, 1)
    assert weeks[0].tally.total == 0


def test_a_moment_noted_ahead_of_the_pairs_day_counts_in_the_newest_week():
    sunday = dt.date(2026, 3, 22)
    ahead = [(sunday + dt.timedelta(days=1), "laughed", 1)]  # already Monday for one of them
    weeks = figures.weekly(ahead, sunday, weeks=2)
    assert weeks[-1].tally.positives == 1
    assert figures.tally(ahead, sunday - dt.timedelta(days=6)).positives == 1


@pytest.mark.django_db
def test_the_pair_figures_combine_both_ledgers(pair, alice, bob):
    note_moment(alice, pair, "laughed")
    note_moment(alice, pair, "long-hug")
    note_moment(bob, pair, "kindness")
    note_moment(bob, pair, "support")
    note_moment(bob, pair, "snapped")
    result = figures.for_pair(pair)
    assert (result.last_7.positives, result.last_7.negatives) == (4, 1)
    assert result.scope == "pair"


@pytest.mark.django_db
def test_moments_outside_the_pair_do_not_count_for_it(pair, alice, bob, charlie, charlie_pair):
    note_moment(alice, None, "laughed")
    note_moment(charlie, charlie_pair, "laughed")
    Moment.objects.create(
        owner=charlie,
        pair=pair,
        kind="laughed",
        whose="ours",
        happened_on=TODAY,
        visibility=Visibility.PRIVATE,
    )  # not a member: never counted, however it got there
    assert figures.for_pair(pair).last_30.total == 0


@pytest.mark.django_db
def test_the_pairs_day_follows_the_pairs_time_zone(pair, alice):
    pair.time_zone = "Pacific/Kiritimati"  # UTC+14
    pair.save()
    now = dt.datetime(2026, 3, 18, 12, 0, tzinfo=dt.UTC)
    assert figures.for_pair(pair, now).today == dt.date(2026, 3, 19)
    pair.time_zone = "Pacific/Pago_Pago"  # UTC-11
    pair.save()
    assert figures.for_pair(pair, now).today == dt.date(2026, 3, 18)
