"""Cross-outlet corroboration: type, distance and date must match; same outlet never counts."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from newsint.corpus.corroborate import corroborate, haversine_km
from newsint.corpus.dedup import DocumentRef, DuplicateGroup, GroupMember
from newsint.errors import ConfigError
from newsint.model import Analysis, Article, DateMention, Event, PipelineInfo, Place

INFO = PipelineInfo("0.1.0", "en_test-0", ())
RAQQA = (35.9528, 39.0079)


def event(kind: str, lat: float | None, lon: float | None, day: str | None) -> Event:
    place = None
    if lat is not None and lon is not None:
        place = Place(text="X", start=0, end=1, name="X", lat=lat, lon=lon)
    date = (
        DateMention(text=day, start=0, end=1, value=day, end_value=None, granularity="day")
        if day
        else None
    )
    return Event(type=kind, text="x", start=0, end=1, place=place, date=date)


def analysis(
    aid: str, outlet: str | None, *events: Event, published: dt.date | None = None
) -> Analysis:
    article = Article(id=aid, text="x", outlet=outlet, published=published)
    return Analysis(article=article, pipeline=INFO, events=tuple(events))


def offset(lat: float, lon: float, km_north: float, km_east: float) -> tuple[float, float]:
    """A point about ``km_north`` / ``km_east`` away (small distances)."""
    import math

    return lat + km_north / 111.2, lon + km_east / (111.2 * math.cos(math.radians(lat)))


def test_matching_events_corroborate_each_other() -> None:
    near = offset(*RAQQA, 20, 15)  # 25 km
    result = corroborate(
        [
            analysis("a", "sana.sy", event("ASSAULT", *RAQQA, "2017-09-25")),
            analysis("b", "reuters.com", event("ASSAULT", *near, "2017-09-26")),
        ]
    )
    (match,) = result[("a", 0)]
    assert (match.article_id, match.outlet, match.event_index, match.days_apart) == (
        "b", "reuters.com", 0, 1,
    )  # fmt: skip
    assert match.distance_km == pytest.approx(25, abs=0.5)
    assert result[("b", 0)][0].article_id == "a"


@pytest.mark.parametrize(
    ("other", "reason"),
    [
        (analysis("b", "sana.sy", event("ASSAULT", *RAQQA, "2017-09-25")), "same outlet"),
        (analysis("b", "SANA.SY", event("ASSAULT", *RAQQA, "2017-09-25")), "same outlet, case"),
        (analysis("b", "bbc.co.uk", event("PROTEST", *RAQQA, "2017-09-25")), "other type"),
        (
            analysis("b", "bbc.co.uk", event("ASSAULT", *offset(*RAQQA, 40, 40), "2017-09-25")),
            "57 km",
        ),
        (analysis("b", "bbc.co.uk", event("ASSAULT", *RAQQA, "2017-09-28")), "3 days"),
        (analysis("b", "bbc.co.uk", event("ASSAULT", None, None, "2017-09-25")), "no place"),
        (analysis("b", "bbc.co.uk", event("ASSAULT", *RAQQA, None)), "no date"),
        (analysis("b", None, event("ASSAULT", *RAQQA, "2017-09-25")), "unknown outlet"),
    ],
)
def test_non_matches(other: Analysis, reason: str) -> None:
    first = analysis("a", "sana.sy", event("ASSAULT", *RAQQA, "2017-09-25"))
    assert corroborate([first, other]) == {}, reason


def test_unknown_outlets_can_count_as_their_own() -> None:
    items = [
        analysis("a", None, event("ASSAULT", *RAQQA, "2017-09-25")),
        analysis("b", None, event("ASSAULT", *RAQQA, "2017-09-25")),
    ]
    assert set(corroborate(items, count_unknown_outlets=True)) == {("a", 0), ("b", 0)}


def test_republished_copies_are_not_independent() -> None:
    items = [
        analysis("a", "origin.com", event("ASSAULT", *RAQQA, "2017-09-25")),
        analysis("b", "copy.net", event("ASSAULT", *RAQQA, "2017-09-25")),
        analysis("c", "independent.org", event("ASSAULT", *RAQQA, "2017-09-24")),
    ]
    group = DuplicateGroup(
        1, (GroupMember(DocumentRef("a"), 1.0), GroupMember(DocumentRef("b"), 0.9))
    )
    result = corroborate(items, duplicate_groups=[group])
    assert [m.article_id for m in result[("a", 0)]] == ["c"]
    assert [m.article_id for m in result[("c", 0)]] == ["a", "b"]


def test_publication_date_as_fallback() -> None:
    items = [
        analysis("a", "x.com", event("ASSAULT", *RAQQA, None), published=dt.date(2017, 9, 25)),
        analysis("b", "y.com", event("ASSAULT", *RAQQA, "2017-09-26")),
    ]
    assert corroborate(items) == {}
    assert set(corroborate(items, date_fallback=True)) == {("a", 0), ("b", 0)}


def test_event_indices_and_several_matches_sorted_by_distance() -> None:
    items = [
        analysis(
            "a",
            "x.com",
            event("PROTEST", 0, 0, "2020-01-01"),
            event("ASSAULT", *RAQQA, "2017-09-25"),
        ),
        analysis("far", "y.com", event("ASSAULT", *offset(*RAQQA, 30, 0), "2017-09-25")),
        analysis("near", "z.com", event("ASSAULT", *offset(*RAQQA, 5, 0), "2017-09-27")),
    ]
    result = corroborate(items)
    assert ("a", 0) not in result
    assert [m.article_id for m in result[("a", 1)]] == ["near", "far"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((0.0, 179.9), (0.0, -179.9)),
        ((89.9, 0.0), (89.9, 180.0)),
        ((-89.95, 10.0), (-89.95, -170.0)),
    ],
)
def test_the_antimeridian_and_the_poles(
    first: tuple[float, float], second: tuple[float, float]
) -> None:
    assert haversine_km(*first, *second) < 50
    items = [
        analysis("a", "x.com", event("ASSAULT", *first, "2017-09-25")),
        analysis("b", "y.com", event("ASSAULT", *second, "2017-09-25")),
    ]
    assert set(corroborate(items)) == {("a", 0), ("b", 0)}


def brute_force(
    items: list[Analysis], max_km: float, max_days: int
) -> dict[tuple[str, int], set[str]]:
    located = [
        (a.article.id, i, a.article.outlet, e) for a in items for i, e in enumerate(a.events)
    ]
    result: dict[tuple[str, int], set[str]] = {}
    for aid, i, outlet, e in located:
        for bid, _j, other_outlet, f in located:
            if outlet == other_outlet or e.type != f.type:
                continue
            assert e.place and f.place and e.date and f.date
            days = abs(
                dt.date.fromisoformat(e.date.value) - dt.date.fromisoformat(f.date.value)
            ).days
            km = haversine_km(
                e.place.lat or 0, e.place.lon or 0, f.place.lat or 0, f.place.lon or 0
            )
            if days <= max_days and km <= max_km:
                result.setdefault((aid, i), set()).add(bid)
    return result


def test_grid_search_agrees_with_brute_force() -> None:
    rng = random.Random(4)
    items = []
    for n in range(300):
        lat, lon = rng.uniform(30, 31), rng.choice([rng.uniform(179, 180), rng.uniform(-180, -179)])
        day = (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 6))).isoformat()
        kind = rng.choice(["ASSAULT", "PROTEST"])
        items.append(analysis(f"a{n}", f"outlet{rng.randint(0, 9)}", event(kind, lat, lon, day)))
    expected = brute_force(items, 50.0, 2)
    found = {key: {m.article_id for m in matches} for key, matches in corroborate(items).items()}
    assert found == expected
    assert len(expected) > 100


def test_bad_options() -> None:
    with pytest.raises(ConfigError):
        corroborate([], max_km=0)
    with pytest.raises(ConfigError):
        corroborate([], max_days=-1)
