"""Property tests: the SQLite store keeps exactly the distinct analyses, returns them
unchanged, and filters exactly as the plain-Python model (``MemoryStore``) does."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsint.model import Analysis
from newsint.store import MemoryStore, Near, SearchQuery, SQLiteStore

from .factories import (
    ANCHORS,
    COUNTRIES,
    EVENT_TYPES,
    OUTLETS,
    TECHNIQUES,
    VOCABULARY,
    analyses,
    filterable_analyses,
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    items=st.lists(analyses(), min_size=1, max_size=6),
    order=st.lists(st.integers(0, 5), min_size=1, max_size=15),
    sources=st.lists(st.text(min_size=1, max_size=8), min_size=15, max_size=15),
)
def test_adds_with_duplicates_keep_the_distinct_set(
    items: list[Analysis], order: list[int], sources: list[str]
) -> None:
    sequence = [items[i % len(items)] for i in order]
    first: dict[str, Analysis] = {}
    seen_at: dict[str, set[str]] = {}
    with SQLiteStore(":memory:") as store:
        for analysis, source in zip(sequence, sources, strict=False):
            key = analysis.article.id
            new = store.add(analysis, source)
            assert new == (key not in first)
            first.setdefault(key, analysis)
            seen_at.setdefault(key, set()).add(source)
        assert store.count() == len(first)
        for key, analysis in first.items():
            assert store.has(key)
            assert store.get(key).to_dict() == analysis.to_dict()
            assert set(store.sources(key)) == seen_at[key]
        assert [a.article.id for a in store.iter_analyses()] == list(first)
        assert store.integrity_check() == "ok"


def test_lone_surrogates_and_nul_round_trip() -> None:
    from .factories import make_analysis

    analysis = make_analysis("Aleppo \ud800 broken \x00 text \U0001f600 \u0627\u0644\u062d")
    with SQLiteStore(":memory:") as store:
        store.add(analysis, "odd\udcff.jsonl:1")
        assert store.get(analysis.article.id).to_dict() == analysis.to_dict()
        assert store.sources(analysis.article.id) == ["odd\ufffd.jsonl:1"]


FILTERS = ("text", "outlet", "since", "until", "country", "near", "event_type")
FILTERS += ("technique", "reliability")


def _located(items: list[Analysis]) -> list[tuple[float, float]]:
    places = [p for a in items for p in a.places]
    places += [e.place for a in items for e in a.events if e.place is not None]
    return [(p.lat, p.lon) for p in places if p.lat is not None and p.lon is not None]


@st.composite
def queries(draw: st.DrawFn, items: list[Analysis]) -> SearchQuery:
    """One or two conditions at a time, near the stored places, so results are often not
    empty; circles sometimes cross the antimeridian or reach a pole."""
    active = draw(st.sets(st.sampled_from(FILTERS), min_size=1, max_size=2))
    values: dict[str, object] = {}
    day = st.dates(dt.date(2015, 1, 1), dt.date(2018, 12, 31))
    for name in active:
        if name == "text":
            words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=2))
            text = " ".join(words)
            values["text"] = text[:-2] + "*" if draw(st.booleans()) else text
        elif name in ("since", "until"):
            values[name] = draw(day)
        elif name == "near":
            lat, lon = draw(st.sampled_from(_located(items) + list(ANCHORS)))
            lat = max(-90.0, min(90.0, lat + draw(st.floats(-2, 2))))
            lon = (lon + draw(st.floats(-2, 2)) + 180.0) % 360.0 - 180.0
            values["near"] = Near(lat, lon, draw(st.floats(1.0, 800.0)))
        else:
            choices = {
                "outlet": OUTLETS + ("reuters.com", "REUTERS", "https://www.bbc.co.uk/x"),
                "country": COUNTRIES + ("sy", " tr "),
                "event_type": EVENT_TYPES + ("assault",),
                "technique": TECHNIQUES + ("doubt",),
                "reliability": ("low", "mixed", "high"),
            }[name]
            values[name] = draw(st.sampled_from(choices))
    if "since" in values and "until" in values and values["since"] > values["until"]:  # type: ignore[operator]
        values["since"], values["until"] = values["until"], values["since"]
    return SearchQuery(limit=None, **values)  # type: ignore[arg-type]


@settings(SETTINGS, max_examples=200)
@given(items=st.lists(filterable_analyses(), min_size=1, max_size=12), data=st.data())
def test_sql_filters_agree_with_the_python_model(
    items: list[Analysis], data: st.DataObject
) -> None:
    query = data.draw(queries(items), label="query")
    model = MemoryStore()
    with SQLiteStore(":memory:") as store:
        for analysis in items:
            store.add(analysis)
            model.add(analysis)
        got = {hit.article_id for hit in store.search(query)}
        expected = {hit.article_id for hit in model.search(query)}
        assert got == expected
        streamed = {a.article.id for a in store.iter_analyses(query)}
        assert streamed == expected
