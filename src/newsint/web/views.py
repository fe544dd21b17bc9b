"""View models: what the templates show, computed from an analysis or the query results.

The article text is highlighted with the HTML brief's own machinery
(:func:`newsint.export.html.highlight`): one flat ``<span class="hl k-...">`` per piece of
text, so every highlight kind can be switched on and off with a class on the container.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..export.html import brief_context, show_classes
from ..export.markdown import item_tables
from ..model import Analysis

#: the highlight kinds the article page offers, in this order (others stay as the brief has them)
PAGE_KINDS = (
    "entities",
    "places",
    "dates",
    "quantities",
    "events",
    "claims",
    "hedges",
    "techniques",
    "routes",
    "signals",
)


def located_places(analysis: Analysis) -> list[tuple[str, float, float]]:
    """Distinct (name, lat, lon) of the places with coordinates: one map marker each."""
    seen: dict[tuple[str, float, float], None] = {}
    for place in analysis.places:
        if place.lat is None or place.lon is None:
            continue
        if not (math.isfinite(place.lat) and math.isfinite(place.lon)):
            continue
        seen[(place.name, place.lat, place.lon)] = None
    return list(seen)


def article_context(analysis: Analysis, sources: list[str]) -> dict[str, Any]:
    """Everything the article page template needs: the brief's context, toggles in the
    page's order, the events table beside the text."""
    context = brief_context(analysis)
    switches = sorted(context["toggles"], key=lambda t: PAGE_KINDS.index(t.key))
    tables = item_tables(analysis)
    side = {t.key: t for t in tables}
    context.update(
        toggles=switches,
        show_classes=show_classes(switches),
        events_table=side.get("events"),
        other_tables=[t for t in tables if t.key != "events"],
        located=len(located_places(analysis)),
        routes=len(analysis.routes),
        sources=sources,
    )
    return context


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a server-drawn chart: label, value and its share of the largest (0-100)."""

    label: str
    value: int
    share: float


def bars(pairs: list[list[Any]]) -> list[Bar]:
    top = max((int(v) for _, v in pairs), default=0) or 1
    return [Bar(str(label), int(v), round(100.0 * int(v) / top, 2)) for label, v in pairs]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the articles-per-month chart, in SVG user units."""

    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


CHART_W, CHART_H = 1000.0, 180.0


def columns(pairs: list[list[Any]]) -> list[Column]:
    """Months as columns scaled to a ``CHART_W`` x ``CHART_H`` viewBox."""
    if not pairs:
        return []
    top = max(int(v) for _, v in pairs) or 1
    step = CHART_W / len(pairs)
    width = max(step * 0.8, 0.5)
    result = []
    for i, (label, value) in enumerate(pairs):
        height = CHART_H * int(value) / top
        x = i * step + (step - width) / 2
        result.append(Column(str(label), int(value), x, CHART_H - height, width, height))
    return result


def page_links(page: int, pages: int, around: int = 2) -> list[int | None]:
    """Page numbers to show: first, last and ``around`` either side; None for a gap."""
    wanted = {1, pages, *range(max(1, page - around), min(pages, page + around) + 1)}
    result: list[int | None] = []
    previous = 0
    for number in sorted(wanted):
        if number - previous > 1:
            result.append(None)
        result.append(number)
        previous = number
    return result


__all__ = [
    "Bar",
    "Column",
    "article_context",
    "bars",
    "columns",
    "located_places",
    "page_links",
]
