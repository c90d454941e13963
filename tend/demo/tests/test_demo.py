from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tend.accounts.models import User
from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
from tend.demo.builder import DEMO_PASSWORD, build
from tend.pairs.models import Pair


@pytest.mark.django_db
class TestDemo:
    def test_it_creates_two_people_in_one_pair_with_months_of_history(self):
        result = build(days=120)
        alex = User.objects.get(email="alex@demo.tend")
        sam = User.objects.get(email="sam@demo.tend")
        assert alex.check_password(DEMO_PASSWORD) and sam.check_password(DEMO_PASSWORD)
        assert Pair.objects.open_for(alex).get() == result.pair == Pair.objects.open_for(sam).get()
        dates = DailyCheckIn.objects.filter(owner=alex).values_list("date", flat=True)
        assert (max(dates) - min(dates)).days >= 110
        assert 80 <= len(dates) <= 120
        assert WeeklyCheckIn.objects.filter(owner=sam).count() >= 10

    def test_its_history_varies(self):
        build(days=120)
        moods = set(DailyCheckIn.objects.values_list("mood", flat=True))
        assert len(moods) >= 4
        wins = {c.win for c in DailyCheckIn.objects.all()[:80]}
        assert len(wins) > 15

    def test_running_it_twice_adds_nothing(self):
        build(days=60)
        counts = (DailyCheckIn.objects.count(), WeeklyCheckIn.objects.count(), Pair.objects.count())
        again = build(days=60)
        assert again.daily_created == 0 and again.weekly_created == 0
        assert (
            DailyCheckIn.objects.count(),
            WeeklyCheckIn.objects.count(),
            Pair.objects.count(),
        ) == counts

    def test_the_command_prints_the_logins(self):
        out = io.StringIO()
        call_command("demo", days=10, stdout=out)
        assert "alex@demo.tend" in out.getvalue()
        assert DEMO_PASSWORD in out.getvalue()

    def test_a_newcomer_can_log_in_as_alex(self, client):
        build(days=10)
        response = client.post(
            reverse("accounts:login"), {"username": "alex@demo.tend", "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302
        assert client.get(reverse("today:today")).context["user"].email == "alex@demo.tend"


def test_the_demo_pair_has_months_of_answered_questions_and_todays_is_left_open(db):
    from tend.conversation import services as conversation
    from tend.conversation.models import Answer, Question

    result = build(days=120)
    pair = result.pair
    assert conversation.answered_together(pair) >= 40
    days = sorted(Question.objects.filter(pair=pair).values_list("day", flat=True))
    assert (days[-1] - days[0]).days >= 90
    today = conversation.question_for(pair)
    assert not Answer.objects.filter(question=today).exists()
    # A second run adds nothing.
    count = Question.objects.count()
    build(days=120)
    assert Question.objects.count() == count
