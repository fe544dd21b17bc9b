"""Corroboration of one analysis against a corpus database: other outlets only, within the
distance and the days, never the article itself nor a republished copy of it."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsint.corpus.corroborate import corroborate
from newsint.corpus.store_corroboration import (
    Corroboration,
    acled_source,
    by_article,
    checkable,
    corroborate_in_store,
    corroboration_properties,
    days_apart_label,
    store_corroboration,
)
from newsint.ingest.ids import article_id
from newsint.model import Analysis, Article, DateMention, Event, PipelineInfo, Place
from newsint.store import SQLiteStore, open_store
from newsint.web.corpus import article_corroboration

INFO = PipelineInfo("0.1.0", "test-model", ("fake",))
HOMS = (34.7324, 36.7137)
DAY = "2019-03-03"


def offset(lat: float, lon: float, km_north: float, km_east: float) -> tuple[float, float]:
    """A point about ``km_north`` / ``km_east`` away (small distances)."""
    return lat + km_north / 111.2, lon + km_east / (111.2 * math.cos(math.radians(lat)))


def report(
    sentence: str,
    outlet: str | None,
    *,
    at: tuple[float, float] = HOMS,
    day: str | None = DAY,
    kind: str = "COERCE",
    extra: str = "",
    headline: bool = False,
) -> Analysis:
    """An article of ``sentence`` (plus ``extra`` text) with one event over the sentence,
    placed at ``at`` on ``day``; with ``headline``, an undated event before it."""
    title = f"Report by {outlet}"
    text = f"{title}\n\n{sentence} {extra}".strip()
    start = text.index(sentence)
    town = text.index("Homs", start)
    place = Place("Homs", town, town + 4, "Homs", 163843, at[0], at[1], "SY", "city", 0.9)
    date = None
    if day is not None:
        when = text.index("March", start)
        date = DateMention(text[when : when + 13], when, when + 13, day, None, "day")
    events = [Event(kind, sentence, start, start + len(sentence), "arrest", place=place, date=date)]
    if headline:
        events.insert(0, Event(kind, title, 0, len(title), "arrest", place=place))
    article = Article(
        article_id(text), text, title, outlet=outlet, published=dt.date(2019, 3, 4), source="t"
    )
    return Analysis(article, INFO, events=tuple(events))


def sentence(n: int) -> str:
    """Distinct wordings of the same arrest (so that none is a copy of another)."""
    who = ("Police", "Security forces", "Officers", "Agents", "Troops", "Guards", "Gendarmes")
    what = ("three activists", "3 protesters", "a trio of organisers", "three students")
    why = ("witnesses said", "a rights group reported", "the ministry said", "locals told us")
    return f"{who[n % 7]} arrested {what[n % 4]} in Homs on March 3, 2019, {why[n % 4]} (#{n})."


BACKGROUND = (
    "The arrests followed weeks of demonstrations in the city over the price of bread and fuel, "
    "which rose sharply after the winter. Families of the detained gathered outside the police "
    "headquarters on Monday morning and asked to see them; officials gave no reason for the "
    "arrests and did not say when the activists would appear before a judge. Rights groups "
    "have counted dozens of similar detentions in the province since January."
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "corpus.db") as opened:
        yield opened


def test_other_outlets_match_within_distance_and_days(store: SQLiteStore) -> None:
    ours = report(sentence(0), "Levant Wire")
    near = offset(*HOMS, 6, 8)  # 10 km
    stored = {
        "near": report(sentence(1), "Orient Daily", at=near, day="2019-03-04"),
        "far": report(sentence(2), "Far Times", at=offset(*HOMS, 60, 0)),
        "late": report(sentence(3), "Late Post", day="2019-03-06"),
        "same outlet": report(sentence(4), "levant wire"),
        "other type": report(sentence(5), "Type Herald", kind="ASSAULT"),
        "no outlet": report(sentence(6), None),
    }
    for analysis in stored.values():
        store.add(analysis)
    found = corroborate_in_store(store, ours)
    assert list(found) == [0]
    (match,) = found[0]
    other = stored["near"]
    assert (match.article_id, match.outlet, match.title) == (
        other.article.id, "Orient Daily", other.article.title,
    )  # fmt: skip
    assert (match.published, match.event_index, match.days_apart) == (dt.date(2019, 3, 4), 0, 1)
    assert match.event_type == "COERCE" and match.event_text == sentence(1)
    assert match.distance_km == pytest.approx(10, abs=0.3)
    # the limits themselves: 60 km and 3 days are out with the defaults, in when widened
    wide = corroborate_in_store(store, ours, max_km=80, max_days=3)
    assert {m.outlet for m in wide[0]} == {"Orient Daily", "Far Times", "Late Post"}


def test_the_article_itself_and_its_copies_never_count(store: SQLiteStore) -> None:
    ours = report(sentence(0), "Levant Wire", extra=BACKGROUND)
    copy = report(sentence(0), "Mirror Daily", extra=BACKGROUND + " Republished with thanks.")
    independent = report(sentence(1), "Orient Daily")
    assert corroborate([ours, copy]), "the copy alone would match: only dedup may drop it"
    for analysis in (ours, copy, independent):
        store.add(analysis)
    found = store_corroboration(store, ours)
    assert [m.outlet for m in found.matches[0]] == ["Orient Daily"]
    assert found.candidates_checked == 2  # the copy and the other, not itself
    # the stored copy's own view: the original is its copy, the other outlet still counts
    assert [m.outlet for m in corroborate_in_store(store, copy)[0]] == ["Orient Daily"]


def test_an_unstored_analysis_is_checked_against_the_store(store: SQLiteStore) -> None:
    store.add(report(sentence(1), "Orient Daily"))
    store.add(report(sentence(2), None))
    ours = report(sentence(0), "Levant Wire")
    assert not store.has(ours.article.id)
    assert [m.outlet for m in corroborate_in_store(store, ours)[0]] == ["Orient Daily"]
    unknown = report(sentence(3), None)
    assert corroborate_in_store(store, unknown) == {}
    counted = corroborate_in_store(store, unknown, count_unknown_outlet=True)
    assert [m.outlet for m in counted[0]] == ["Orient Daily"]  # never the stored no-outlet one
    assert store.count() == 2  # nothing written


def test_event_indices_and_undated_events(store: SQLiteStore) -> None:
    other = report(sentence(1), "Orient Daily", headline=True)
    store.add(other)
    ours = report(sentence(0), "Levant Wire", headline=True)
    assert [checkable(e) for e in ours.events] == [False, True]
    found = corroborate_in_store(store, ours)
    assert list(found) == [1]
    assert [(m.event_index, m.event.text) for m in found[1]] == [(1, sentence(1))]


def test_across_the_antimeridian(store: SQLiteStore) -> None:
    store.add(report(sentence(1), "Orient Daily", at=(10.0, -179.95)))
    ours = report(sentence(0), "Levant Wire", at=(10.0, 179.95))
    (match,) = corroborate_in_store(store, ours)[0]
    assert match.distance_km == pytest.approx(10.95, abs=0.2)


@pytest.mark.parametrize(
    "at, day",
    [((float("nan"), 36.7), DAY), ((34.7, 500.0), DAY), ((95.0, 36.7), DAY), (HOMS, "20x9-03")],
)
def test_unusable_places_and_dates_are_skipped(
    store: SQLiteStore, at: tuple[float, float], day: str
) -> None:
    store.add(report(sentence(1), "Orient Daily"))
    ours = report(sentence(0), "Levant Wire", at=at, day=day)
    assert not checkable(ours.events[0])
    assert corroborate_in_store(store, ours) == {}
    empty = Analysis(Article(article_id("x"), "x"), INFO)
    assert corroborate_in_store(store, empty) == {}


def test_the_web_wrapper_reports_the_same_matches(store: SQLiteStore) -> None:
    ours, other = report(sentence(0), "Levant Wire"), report(sentence(1), "Orient Daily")
    store.add(ours)
    store.add(other)
    result = article_corroboration(store, ours.article.id)
    (event,) = result["events"]
    assert event["index"] == 0 and result["candidates_checked"] == 1
    (match,) = event["corroborated_by"]
    assert match["article_id"] == other.article.id and match["published"] == "2019-03-04"
    assert match["event"]["text"] == sentence(1) and match["days_apart"] == 0


def match(aid: str, outlet: str | None, km: float = 1.0, days: int = 0) -> Corroboration:
    event = Event("COERCE", "x", 0, 1)
    return Corroboration(aid, None, outlet, None, 0, event, km, days)


def test_sources_and_properties_list_each_outlet_once() -> None:
    matches = [
        match("b", "Orient Daily", 1.04),
        match("b", "Orient Daily", 3.0),  # the same article again (headline and body)
        match("c", "ORIENT DAILY", 2.0),
        match("d", "Far  Times", 9.0, 2),
        match("e", "levant wire"),
    ]
    assert acled_source("Levant Wire", matches) == "Levant Wire; Orient Daily; Far Times"
    assert acled_source("Levant Wire", []) == "Levant Wire"
    assert [m.article_id for m in by_article(matches)] == ["b", "c", "d", "e"]
    properties = corroboration_properties(matches)
    assert properties[0] == {
        "article_id": "b", "outlet": "Orient Daily", "distance_km": 1.0, "days_apart": 0,
    }  # fmt: skip
    assert len(properties) == 4
    assert [days_apart_label(n) for n in (0, 1, 2)] == ["same day", "1 day apart", "2 days apart"]
