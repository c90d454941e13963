"""Today's question on the Today page: its prompt and where the two of you are with it."""

from __future__ import annotations

from django.http import HttpRequest

from tend.conversation import services
from tend.lib.http import signed_in
from tend.pairs.models import Pair
from tend.today.panels import Panel, register

ORDER_QUESTION = 30


@register(order=ORDER_QUESTION)
def todays_question(request: HttpRequest, pair: Pair | None) -> Panel | None:
    user = signed_in(request)
    if pair is None or not pair.is_open or pair.partner_of(user) is None:
        return None
    day = services.pair_today(pair)
    # One query: the question with what the viewer may know of the answers.
    found = services.glance(user, pair, day)
    if found is None:
        # The first visit of the pair's day chooses the question (a few queries, once).
        services.question_for(pair, day)
        found = services.glance(user, pair, day)
    if found is None:
        return None
    return Panel(
        "conversation/today/question.html",
        {
            "question": found,
            "state": services.QuestionState.of(found).value,
            "partner": pair.partner_of(user),
        },
    )
