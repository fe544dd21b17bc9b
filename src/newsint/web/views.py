"""View models: what the templates show, computed from an analysis or the query results.

The article text is highlighted with the HTML brief's own machinery
(:func:`newsint.export.html.highlight`): one flat ``<span class="hl k-...">`` per piece of
text, so every highlight kind can be switched on and off with a class on the container.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..export.findings import findings
from ..export.html import (
    Mark,
    collect_marks,
    html_lang,
    masthead_facts,
    reliability_view,
    safe_link,
    segments,
    technique_classes,
    toggles,
)
from ..export.markdown import article_facts, brief_title, item_tables
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


def _text(text: str) -> str:
    """Escaped text; carriage returns as character references so browsers keep them."""
    return str(escape(text)).replace("\r", "&#13;")


def _classes(active: Sequence[Mark]) -> str:
    classes = [c for m in active for c in m.css.split()]
    if any(m.kind != "sections" for m in active):
        classes.insert(0, "hl")
    if sum(m.kind == "techniques" for m in active) > 1:
        classes.append("t-multi")
    return " ".join(dict.fromkeys(classes))


def highlight(text: str, marks: Sequence[Mark]) -> tuple[Markup, set[str]]:
    """The same markup as :func:`newsint.export.html.highlight`, built with plain string
    operations (about ten times faster: the article page is the workbench's most visited).

    Every piece of text, class, id and label is escaped before it is joined.
    """
    anchored: set[str] = set()
    pieces: list[str] = []
    for start, end, active in segments(len(text), marks):
        if not active:
            pieces.append(_text(text[start:end]))
            continue
        for mark in active:
            if mark.item_id not in anchored:
                anchored.add(mark.item_id)
                pieces.append(f'<span class="anchor" id="m-{escape(mark.item_id)}"></span>')
        ids = escape(" ".join(m.item_id for m in active))
        title = escape("\n".join(dict.fromkeys(m.label for m in active)))
        pieces.append(
            f'<span class="{escape(_classes(active))}" data-ids="{ids}" title="{title}">'
            f"{_text(text[start:end])}</span>"
        )
    return Markup("".join(pieces)), anchored


def article_context(analysis: Analysis, sources: list[str]) -> dict[str, Any]:
    """Everything the article page template needs."""
    marks = collect_marks(analysis)
    article_html, anchored = highlight(analysis.article.text, marks)
    switches = sorted(toggles(marks), key=lambda t: PAGE_KINDS.index(t.key))
    tables = item_tables(analysis)
    side = {t.key: t for t in tables}
    return {
        "title": brief_title(analysis),
        "lang": html_lang(analysis.article.language),
        "article": analysis.article,
        "facts": article_facts(analysis),
        "findings": findings(analysis),
        "masthead": masthead_facts(analysis),
        "link": safe_link(analysis.article.url),
        "reliability": reliability_view(analysis.reliability, anchored),
        "article_html": article_html,
        "toggles": switches,
        "show_classes": " ".join(f"show-{t.key}" for t in switches if t.on),
        "legend": sorted(technique_classes(analysis).items()),
        "events_table": side.get("events"),
        "other_tables": [t for t in tables if t.key != "events"],
        "anchored": anchored,
        "located": len(located_places(analysis)),
        "routes": len(analysis.routes),
        "sources": sources,
        "pipeline": analysis.pipeline,
    }


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
    "highlight",
    "located_places",
    "page_links",
]
