"""An ``Analysis`` as rows of the queryable tables, and its JSON for the ``analyses`` table.

Pure functions, no database: what goes into each column is decided (and tested) here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model import Analysis, Article, Event

_SURROGATE = re.compile("[\ud800-\udfff]")

Row = tuple[Any, ...]


def clean(text: str | None) -> str | None:
    """``text`` with lone surrogates (possible in JSON input) as U+FFFD, which SQLite can
    store; one character for one, so offsets into it stay valid."""
    if text is None:
        return None
    return _SURROGATE.sub("\ufffd", text)


def domain_of(url: str | None) -> str | None:
    """The web host of ``url`` without ``www.``; None when there is no URL."""
    if not url:
        return None
    host = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", url.strip()).split("/")[0]
    host = host.split("@")[-1].split(":")[0].lower().removeprefix("www.")
    return clean(host) or None


def outlet_of(analysis: Analysis) -> str | None:
    """The outlet given with the article, else the one named in its byline."""
    article = analysis.article
    if article.outlet:
        return clean(article.outlet.strip()) or None
    byline = analysis.byline
    if byline is not None and byline.outlet is not None:
        return clean(byline.outlet.text.strip()) or None
    return None


def analysis_json(analysis: Analysis) -> str:
    """The analysis as JSON without the article text, which ``articles.text`` holds.

    When the text cannot be stored exactly (lone surrogates), the JSON keeps it, ASCII
    escaped, so that ``get`` returns exactly what was added.
    """
    data = analysis.to_dict()
    text = analysis.article.text
    if clean(text) == text:
        del data["article"]["text"]
    try:
        dumped = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        dumped.encode("utf-8")
    except UnicodeEncodeError:
        dumped = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return dumped


def analysis_from_json(dumped: str, text: str) -> Analysis:
    """Read back what ``analysis_json`` wrote, with ``text`` from ``articles.text``."""
    data = json.loads(dumped)
    data["article"].setdefault("text", text)
    return Analysis.from_dict(data)


def article_row(analysis: Analysis, now: str, source: str | None = None) -> Row:
    """The ``articles`` row; ``source`` stands in when the article names none."""
    a: Article = analysis.article
    return (
        a.id,
        clean(a.title),
        clean(a.url),
        domain_of(a.url),
        outlet_of(analysis),
        clean(a.author),
        a.published.isoformat() if a.published else None,
        a.language,
        clean(a.source or source),
        clean(a.text),
        now,
    )


def _span(item: Any) -> tuple[str | None, int, int]:
    return clean(item.text), item.start, item.end


def item_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """Rows for each item table, keyed by table name (article id first in every row)."""
    aid = analysis.article.id
    rows: dict[str, list[Row]] = {
        "entities": [(aid, e.label, *_span(e)) for e in analysis.entities],
        "dates": [
            (aid, d.value, d.end_value, d.granularity, d.inferred, d.open_end, *_span(d))
            for d in analysis.dates
        ],
        "quantities": [
            (aid, q.value, q.kind, clean(q.unit), clean(q.noun), q.approximate, *_span(q))
            for q in analysis.quantities
        ],
        "places": [
            (aid, clean(p.name), p.geonameid, p.lat, p.lon, p.country_code, p.kind)
            + (p.confidence, p.metonymic, *_span(p))
            for p in analysis.places
        ],
        "events": [_event_row(aid, e) for e in analysis.events],
        "claims": [
            (aid, clean(c.attribution.source) if c.attribution else None, c.hedged)
            + (c.checkworthiness, *_span(c))
            for c in analysis.claims
        ],
        "techniques": [(aid, t.technique, t.score, *_span(t)) for t in analysis.techniques],
        "reliability": [],
    }
    if analysis.reliability is not None:
        rows["reliability"] = [(aid, analysis.reliability.score, analysis.reliability.label)]
    return rows


#: facet kinds of ``article_facets`` and how a value is normalised, for rows and queries alike
FACET_NORMALISERS = {
    "country": lambda v: v.strip().upper(),
    "event_type": lambda v: v.strip().lower(),
    "technique": lambda v: v.strip().lower(),
    "reliability": lambda v: v.strip().lower(),
}


def facet_value(kind: str, value: str) -> str:
    """``value`` normalised as ``article_facets`` stores it for ``kind``."""
    return str(FACET_NORMALISERS[kind](value))


def facets(analysis: Analysis) -> set[tuple[str, str]]:
    """The distinct (kind, value) facets of an analysis (empty values left out)."""
    found: set[tuple[str, str]] = set()
    for place in analysis.places:
        if place.country_code:
            found.add(("country", place.country_code))
    for event in analysis.events:
        found.add(("event_type", event.type))
        if event.place is not None and event.place.country_code:
            found.add(("country", event.place.country_code))
    found.update(("technique", t.technique) for t in analysis.techniques)
    if analysis.reliability is not None:
        found.add(("reliability", analysis.reliability.label))
    normalised = {(kind, facet_value(kind, value)) for kind, value in found}
    return {(kind, value) for kind, value in normalised if value}


def _event_row(aid: str, e: Event) -> Row:
    place, date = e.place, e.date
    return (
        aid,
        e.type,
        e.mode,
        clean(e.actor.name or e.actor.text) if e.actor else None,
        clean(e.target.name or e.target.text) if e.target else None,
        e.count.value if e.count else None,
        clean(place.name) if place else None,
        place.kind if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.country_code if place else None,
        date.value if date else None,
        date.end_value if date else None,
        e.hedged,
        e.hypothetical,
        e.negated,
        e.confidence,
        clean(e.reported_by),
        *_span(e),
    )


def _names(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


_SPAN_COLUMNS = " text start_char end_char"

#: column names of each item table, in the order of the tuples above
ITEM_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": _names("article_id label" + _SPAN_COLUMNS),
    "dates": _names("article_id value end_value granularity inferred open_end" + _SPAN_COLUMNS),
    "quantities": _names("article_id value kind unit noun approximate" + _SPAN_COLUMNS),
    "places": _names(
        "article_id name geonameid lat lon country_code kind confidence metonymic" + _SPAN_COLUMNS
    ),
    "events": _names(
        "article_id type mode actor target count place_name place_kind lat lon country_code"
        " date end_date hedged hypothetical negated confidence reported_by" + _SPAN_COLUMNS
    ),
    "claims": _names("article_id attribution_source hedged checkworthiness" + _SPAN_COLUMNS),
    "techniques": _names("article_id technique score" + _SPAN_COLUMNS),
    "reliability": _names("article_id score label"),
}

ARTICLE_COLUMNS = _names(
    "id title url domain outlet author published language source text ingested_at"
)

__all__ = [
    "ARTICLE_COLUMNS",
    "ITEM_COLUMNS",
    "analysis_from_json",
    "analysis_json",
    "article_row",
    "clean",
    "domain_of",
    "facet_value",
    "facets",
    "item_rows",
    "outlet_of",
]
