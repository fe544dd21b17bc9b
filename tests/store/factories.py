"""Synthetic analyses for store tests: every span is a real slice of its article text.

``make_analysis`` builds a deterministic one (no spaCy needed); ``analyses()`` is the
Hypothesis strategy for property tests. Both are used by tests/corpus as well.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from newsint.ingest.ids import article_id
from newsint.model import (
    Actor,
    Analysis,
    Article,
    Attribution,
    Claim,
    DateMention,
    Entity,
    Event,
    PipelineInfo,
    Place,
    Quantity,
    Reliability,
    Route,
    Signal,
    Span,
    Technique,
)

INFO = PipelineInfo("0.1.0", "test-model", ("fake",))
OUTLETS = ("Inside Syria Media Center", "Reuters", "Al-Masdar News", "BBC")
URLS = (
    "https://www.reuters.com/world/a",
    "http://almasdarnews.com/article/x",
    "https://bbc.co.uk/news/1",
)
EVENT_TYPES = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID")
TECHNIQUES = ("Loaded_Language", "Doubt", "Name_Calling,Labeling", "Flag-Waving")
COUNTRIES = ("SY", "TR", "IQ", "US")
#: (lat, lon) points where places cluster, including awkward ones: the antimeridian, poles
ANCHORS = ((36.2, 37.15), (37.0, 40.9), (0.5, 179.9), (-16.5, -179.8), (89.6, 10.0), (-89.2, 0.0))
#: words for full-text tests; some are prefixes of others, to exercise ``word*``
VOCABULARY = ("aleppo", "raqqa", "militant", "militants", "border", "borderland", "convoy")
VOCABULARY += ("refugee", "refugees", "strike")


def make_analysis(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    place: tuple[str, float, float, str] | None = None,
    event_type: str | None = None,
    technique: str | None = None,
    reliability: str | None = None,
) -> Analysis:
    """An analysis of ``text`` with at most one of each item, its spans on the first word."""
    first = text.split()[0]
    start = text.index(first)
    end = start + len(first)
    places: tuple[Place, ...] = ()
    if place is not None:
        name, lat, lon, country = place
        places = (Place(first, start, end, name, None, lat, lon, country, "city", 0.9),)
    events: tuple[Event, ...] = ()
    if event_type is not None:
        events = (
            Event(event_type, first, start, end, mode="kill", place=places[0] if places else None),
        )
    techniques = (Technique(technique, first, start, end, 0.8),) if technique else ()
    scores = {"low": 0.2, "mixed": 0.5, "high": 0.9}
    rel = Reliability(scores[reliability], reliability) if reliability else None  # type: ignore[arg-type]
    article = Article(
        id=article_id(text),
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        source=source,
    )
    return Analysis(
        article,
        INFO,
        entities=(Entity(first, start, end, "GPE"),),
        places=places,
        events=events,
        techniques=techniques,
        reliability=rel,
    )


def numbered(i: int, **kwargs: Any) -> Analysis:
    """A distinct small analysis for index ``i`` (for bulk and concurrency tests)."""
    return make_analysis(f"Report {i}: militants crossed the border near Aleppo.", **kwargs)


# --- Hypothesis --------------------------------------------------------------------------


@st.composite
def _span(draw: st.DrawFn, text: str) -> tuple[str, int, int]:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text[start:end], start, end


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def _place(draw: st.DrawFn, text: str) -> Place:
    lat0, lon0 = draw(st.sampled_from(ANCHORS))
    lat = max(-90.0, min(90.0, lat0 + draw(st.floats(-3, 3))))
    lon = lon0 + draw(st.floats(-3, 3))
    lon = (lon + 180.0) % 360.0 - 180.0
    return Place(
        *draw(_span(text)),
        name=draw(st.sampled_from(("Aleppo", "Ash Shaddadi", "Suva", "Pole"))),
        geonameid=draw(_optional(st.integers(1, 10**7))),
        lat=lat,
        lon=lon,
        country_code=draw(_optional(st.sampled_from(COUNTRIES))),
        kind=draw(_optional(st.sampled_from(("city", "admin1", "country")))),
        confidence=draw(st.floats(0, 1)),
        metonymic=draw(st.booleans()),
    )


@st.composite
def _event(draw: st.DrawFn, text: str) -> Event:
    actor = Actor(*draw(_span(text)), name=draw(_optional(st.text(max_size=10))))
    return Event(
        draw(st.sampled_from(EVENT_TYPES)),
        *draw(_span(text)),
        mode=draw(_optional(st.sampled_from(("kill", "arrest", "protest")))),
        actor=draw(_optional(st.just(actor))),
        target=draw(_optional(st.builds(lambda s: Actor(*s), _span(text)))),
        count=draw(
            _optional(
                st.builds(lambda s, v: Quantity(*s, v, "people"), _span(text), st.floats(0, 1e6))
            )
        ),
        place=draw(_optional(_place(text))),
        date=draw(
            _optional(st.builds(lambda s: DateMention(*s, "2017-09-25", None, "day"), _span(text)))
        ),
        confidence=draw(st.floats(0, 1)),
        negated=draw(st.booleans()),
        hypothetical=draw(st.booleans()),
        hedged=draw(st.booleans()),
    )


@st.composite
def analyses(draw: st.DrawFn, texts: st.SearchStrategy[str] | None = None) -> Analysis:
    """Any analysis: odd text (NUL, RTL, astral characters), every item kind, valid spans."""
    base = texts if texts is not None else st.text(min_size=1, max_size=120)
    text = draw(base.filter(str.strip))
    span = lambda: draw(_span(text))  # noqa: E731 - a short local helper
    article = Article(
        id=article_id(text),
        text=text,
        title=draw(_optional(st.text(max_size=30))),
        url=draw(_optional(st.sampled_from(URLS))),
        outlet=draw(_optional(st.sampled_from(OUTLETS))),
        author=draw(_optional(st.text(max_size=20))),
        published=draw(_optional(st.dates(dt.date(2010, 1, 1), dt.date(2024, 12, 31)))),
        source=draw(_optional(st.text(min_size=1, max_size=20))),
    )
    small = st.integers(0, 2)
    routes = ()
    if draw(st.booleans()):
        a, b = draw(_place(text)), draw(_place(text))
        geometry = {"type": "LineString", "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]}
        routes = (Route((a, b), geometry, *span()),)
    reliability = None
    if draw(st.booleans()):
        score = draw(st.floats(0, 1))
        kind = "low" if score < 0.34 else "mixed" if score < 0.67 else "high"
        signal = Signal("outlet", score, 1.0, (Span(*span()),), note=draw(_optional(st.text())))
        reliability = Reliability(score, kind, (signal,))  # type: ignore[arg-type]
    return Analysis(
        article,
        INFO,
        entities=tuple(
            Entity(*span(), draw(st.sampled_from(("GPE", "ORG")))) for _ in range(draw(small))
        ),
        dates=tuple(
            DateMention(*span(), "2017-08-01", draw(_optional(st.just("2017-08-10"))), "month")
            for _ in range(draw(small))
        ),
        quantities=tuple(
            Quantity(*span(), draw(st.floats(-1e9, 1e9)), "people", noun="men", approximate=True)
            for _ in range(draw(small))
        ),
        places=tuple(draw(_place(text)) for _ in range(draw(small))),
        routes=routes,
        events=tuple(draw(_event(text)) for _ in range(draw(small))),
        claims=tuple(
            Claim(
                *span(),
                attribution=draw(
                    _optional(st.builds(lambda s: Attribution("police", *s), _span(text)))
                ),
                hedged=draw(st.booleans()),
                hedge_cues=tuple(Span(*span()) for _ in range(draw(small))),
                checkworthiness=draw(st.floats(0, 1)),
            )
            for _ in range(draw(small))
        ),
        techniques=tuple(
            Technique(draw(st.sampled_from(TECHNIQUES)), *span(), draw(st.floats(0, 1)))
            for _ in range(draw(small))
        ),
        reliability=reliability,
    )


def vocabulary_texts() -> st.SearchStrategy[str]:
    """Short texts of ``VOCABULARY`` words, for comparing full-text search with the model."""
    return st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)


@st.composite
def filterable_analyses(draw: st.DrawFn) -> Analysis:
    """Lighter analyses holding only what the search filters look at (fast to generate)."""
    text = draw(vocabulary_texts())
    places = tuple(draw(_place(text)) for _ in range(draw(st.integers(0, 2))))
    events = tuple(
        Event(
            draw(st.sampled_from(EVENT_TYPES)),
            *draw(_span(text)),
            place=draw(_optional(_place(text))),
        )
        for _ in range(draw(st.integers(0, 1)))
    )
    techniques = tuple(
        Technique(draw(st.sampled_from(TECHNIQUES)), *draw(_span(text)), 0.5)
        for _ in range(draw(st.integers(0, 1)))
    )
    reliability = draw(_optional(st.sampled_from(("low", "mixed", "high"))))
    article = Article(
        id=article_id(text),
        text=text,
        url=draw(_optional(st.sampled_from(URLS))),
        outlet=draw(_optional(st.sampled_from(OUTLETS))),
        published=draw(_optional(st.dates(dt.date(2015, 1, 1), dt.date(2018, 12, 31)))),
    )
    return Analysis(
        article,
        INFO,
        places=places,
        events=events,
        techniques=techniques,
        reliability=Reliability(0.5, reliability) if reliability else None,
    )
