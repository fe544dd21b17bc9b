"""Corroboration in briefs and exports: a section only when a corpus was consulted, every
outlet and title escaped, ACLED's ``source`` with "; " and GeoJSON's ``corroborated_by``."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsint.corpus.store_corroboration import Corroboration
from newsint.events.acled import plover_to_acled
from newsint.export.geojson import features
from newsint.export.html import render_html
from newsint.export.markdown import NO_EVENTS, NO_MATCH, UNCHECKED, render_markdown
from newsint.ingest.ids import article_id
from newsint.model import Analysis, Article, DateMention, Event, PipelineInfo, Place
from newsint.store import SQLiteStore, open_store
from newsint.store import export as exports

from .test_html import OUR_TAGS, Page

EVIL_OUTLET = "<img src=x onerror=alert(1)>"
EVIL_TITLE = "<script>alert(1)</script> | *bold* [link](javascript:x)"


def corroboration(outlet: str = "Kyiv Post", title: str = "Depot burns in Kyiv") -> Corroboration:
    event = Event("attack", "a depot was hit", 0, 15)
    return Corroboration("f00d", title, outlet, dt.date(2017, 9, 26), 2, event, 3.24, 1)


def test_markdown_has_no_section_without_a_corpus(sample: Analysis) -> None:
    assert "Corroboration" not in render_markdown(sample)
    assert render_markdown(sample, None) == render_markdown(sample)


def test_markdown_names_the_other_outlets(sample: Analysis) -> None:
    other = dataclasses.replace(corroboration("Lviv Herald", "Blast"), article_id="beef")
    md = render_markdown(sample, {0: (corroboration(), other)})
    section = md[md.index("## Corroboration") :]
    assert md.index("## Events") < md.index("## Corroboration") < md.index("## Places")
    assert "**Kyiv Post**: Depot burns in Kyiv (2017-09-26) · 3.2 km · 1 day apart" in section
    assert "**Lviv Herald**: Blast" in section
    assert "corroborated by 2 article(s)" in section and NO_MATCH not in section


def test_markdown_says_when_nothing_matched_or_nothing_could(sample: Analysis) -> None:
    md = render_markdown(sample, {})
    assert NO_MATCH in md[md.index("## Corroboration") :]
    event = sample.events[0]
    undated = dataclasses.replace(sample, events=(dataclasses.replace(event, date=None),))
    assert UNCHECKED in render_markdown(undated, {})
    bare = dataclasses.replace(sample, events=())
    md = render_markdown(bare, {})
    assert "## Corroboration" in md and NO_EVENTS in md


def test_markdown_escapes_outlets_and_titles(sample: Analysis) -> None:
    md = render_markdown(sample, {0: (corroboration(EVIL_OUTLET, EVIL_TITLE),)})
    listed = md[md.index("## Corroboration") :].split("\n\n")[2]
    assert "alert" in listed and not re.search(r"(?<!\\)[<>\[\]|]", listed)
    assert r"\<img src=x onerror=alert(1)\>" in md
    assert r"\| \*bold\* \[link\]" in md


def test_html_panel_only_with_a_corpus(sample: Analysis) -> None:
    assert 'id="corroboration"' not in render_html(sample)
    source = render_html(sample, corroboration={0: (corroboration(),)})
    page = Page(source)
    assert page.errors == []
    assert source.count('id="corroboration"') == 1
    panel = source[source.index('id="corroboration"') :]
    assert "<b>Kyiv Post</b>: Depot burns in Kyiv" in panel
    assert "(2017-09-26 · 3.2 km · 1 day apart)" in panel
    assert 'href="#m-events-0"' in panel  # the event links to its highlight
    assert NO_MATCH in render_html(sample, corroboration={})


def test_html_escapes_everything_from_the_corpus(hostile: Analysis, sample: Analysis) -> None:
    evil = corroboration(EVIL_OUTLET, EVIL_TITLE)
    for analysis in (hostile, sample):
        source = render_html(analysis, corroboration={0: (evil,)})
        assert "<script>alert" not in source and "<img src=x" not in source
        parsed = Page(source)
        assert parsed.errors == []
        assert {t for t, _ in parsed.tags} <= OUR_TAGS | {"ol"}
        for tag, attrs in parsed.tags:
            assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
    source = render_html(sample, corroboration={0: (evil,)})
    assert "&lt;img src=x onerror=alert(1)&gt;" in source


def test_geojson_property_only_with_a_corpus(sample: Analysis) -> None:
    (plain,) = [f for f in features(sample) if f["properties"]["feature"] == "event"]
    assert "corroborated_by" not in plain["properties"]
    found = {0: (corroboration(), dataclasses.replace(corroboration(), distance_km=9.0))}
    (event,) = [f for f in features(sample, found) if f["properties"]["feature"] == "event"]
    assert event["properties"]["corroborated_by"] == [
        {"article_id": "f00d", "outlet": "Kyiv Post", "distance_km": 3.2, "days_apart": 1}
    ]  # one entry per article: its best match
    (alone,) = [f for f in features(sample, {}) if f["properties"]["feature"] == "event"]
    assert alone["properties"]["corroborated_by"] == []


# --- exports of a store ------------------------------------------------------------------------

INFO = PipelineInfo("0.1.0", "test-model", ("fake",))
HOMS = (34.7324, 36.7137)


def stored_report(outlet: str, who: str, day: str = "2019-03-03") -> Analysis:
    sentence = f"{who} arrested three activists in Homs on March 3, 2019, reports said."
    text = f"Arrests in Homs ({outlet})\n\n{sentence}"
    start = text.index(sentence)
    town = text.index("Homs", start)
    when = text.index("March 3, 2019")
    place = Place("Homs", town, town + 4, "Homs", None, *HOMS, "SY", "city", 0.9)
    date = DateMention("March 3, 2019", when, when + 13, day, None, "day")
    event = Event(
        "COERCE", sentence, start, start + len(sentence), "arrest", place=place, date=date
    )
    article = Article(article_id(text), text, f"Arrests ({outlet})", outlet=outlet)
    return Analysis(article, INFO, events=(event,))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "corpus.db") as opened:
        for outlet, who, day in [
            ("Outlet A", "Police", "2019-03-03"),
            ("Outlet B", "Security forces", "2019-03-04"),
            ("Outlet C", "Officers", "2019-03-09"),  # too late to match
        ]:
            opened.add(stored_report(outlet, who, day))
        yield opened


def csv_sources(store: SQLiteStore, corroboration: bool) -> list[str]:
    stream = io.StringIO()
    exports.write_csv(store, None, stream, corroboration=corroboration)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert tuple(rows[0]) == exports.ACLED_COLUMNS
    return sorted(r["source"] for r in rows)


def test_store_csv_source_lists_the_corroborating_outlets(store: SQLiteStore) -> None:
    assert plover_to_acled("COERCE", "arrest") is not None  # a row ACLED records
    assert csv_sources(store, corroboration=False) == ["Outlet A", "Outlet B", "Outlet C"]
    expected = ["Outlet A; Outlet B", "Outlet B; Outlet A", "Outlet C"]
    assert csv_sources(store, corroboration=True) == expected


def test_store_geojson_carries_corroborated_by(store: SQLiteStore) -> None:
    def by_outlet(corroboration: bool) -> dict[str, object]:
        stream = io.StringIO()
        assert exports.write_geojson(store, None, stream, corroboration=corroboration) == 3
        found = json.loads(stream.getvalue())["features"]
        outlets = {s.article.id: s.article.outlet for s in store.iter_analyses()}
        return {
            str(outlets[f["properties"]["article_id"]]): f["properties"].get("corroborated_by")
            for f in found
            if f["properties"]["feature"] == "event"
        }

    assert set(by_outlet(False).values()) == {None}
    with_corroboration = by_outlet(True)
    assert with_corroboration["Outlet C"] == []
    (entry,) = with_corroboration["Outlet A"]  # type: ignore[misc]
    assert entry["outlet"] == "Outlet B" and entry["days_apart"] == 1
    assert entry["distance_km"] == 0.0
