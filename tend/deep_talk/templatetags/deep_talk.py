"""The two-circle picture of closeness, drawn by Tend as inline SVG."""

from __future__ import annotations

from typing import Any

from django import template

from tend.deep_talk.forms import step_label
from tend.deep_talk.models import CLOSENESS_STEPS

register = template.Library()

RADIUS = 20
#: Distance between the two centres for each step: from apart to almost one.
DISTANCES = {1: 56, 2: 46, 3: 40, 4: 32, 5: 24, 6: 14, 7: 5}


@register.inclusion_tag("deep_talk/includes/circles.html")
def circles(value: Any, titled: bool = False) -> dict[str, Any]:
    """Step ``value`` (1–7) of the picture; ``titled`` gives it a title for screen readers,
    otherwise it is decorative and its text label sits beside it."""
    try:
        step = int(value)
    except (TypeError, ValueError):
        step = 0
    if not 1 <= step <= CLOSENESS_STEPS:
        return {"step": None}
    half = DISTANCES[step] / 2
    return {
        "step": step,
        "left": 50 - half,
        "right": 50 + half,
        "radius": RADIUS,
        "label": step_label(step),
        "titled": titled,
    }
