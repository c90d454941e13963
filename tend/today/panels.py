"""The Today page is a list of panels, each contributed by a feature.

A panel builder is a callable ``(request, pair) -> Panel | None``; ``None`` means
"nothing to show today". Features register builders in a ``today_panels`` module
of their app (found by :func:`autodiscover` when Django starts), so a new feature
adds itself to Today without touching the Today view.

Builders run on every Today page view: each must use a fixed number of queries,
independent of how much history a pair has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.module_loading import autodiscover_modules

if TYPE_CHECKING:
    from tend.pairs.models import Pair


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PanelBuilder = Callable[[HttpRequest, "Pair | None"], Panel | None]

# (order, dotted name, builder); kept sorted by order, then name, so the page
# layout does not depend on the order apps happen to be imported in.
_registry: list[tuple[int, str, PanelBuilder]] = []


def register(order: int) -> Callable[[PanelBuilder], PanelBuilder]:
    """Add a builder; lower ``order`` comes first. Registering twice is harmless."""

    def decorator(builder: PanelBuilder) -> PanelBuilder:
        name = f"{builder.__module__}.{builder.__qualname__}"
        _registry[:] = [entry for entry in _registry if entry[1] != name]
        _registry.append((order, name, builder))
        _registry.sort(key=lambda entry: (entry[0], entry[1]))
        return builder

    return decorator


def builders() -> list[PanelBuilder]:
    return [builder for _, _, builder in _registry]


def panels_for(request: HttpRequest, pair: Pair | None) -> list[Panel]:
    return [panel for builder in builders() if (panel := builder(request, pair)) is not None]


def autodiscover() -> None:
    autodiscover_modules("today_panels")
