"""Search: each filter on its own, full-text words, hostile query strings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from newsint.errors import ConfigError
from newsint.store import Near, SearchQuery, SQLiteStore
from newsint.store.search import bounding_box, fts_expression, haversine_km

from .factories import make_analysis

ALEPPO = ("Aleppo", 36.2, 37.16, "SY")
KILIS = ("Kilis", 36.72, 37.12, "TR")  # about 58 km north of Aleppo
SUVA = ("Suva", -18.14, 178.44, "FJ")
TAVEUNI = ("Taveuni", -16.85, -179.97, "FJ")  # across the antimeridian, about 230 km away

ARTICLES = {
    "aleppo": make_analysis(
        "Aleppo: militants shelled the old city, the observatory said.",
        title="Shelling in Aleppo",
        outlet="Reuters",
        url="https://www.reuters.com/world/aleppo",
        published=dt.date(2017, 9, 25),
        place=ALEPPO,
        event_type="ASSAULT",
        technique="Loaded_Language",
        reliability="high",
    ),
    "kilis": make_analysis(
        "Kilis: refugees crossed the border from Syria overnight.",
        title="Refugees reach Kilis",
        outlet="Inside Syria Media Center",
        published=dt.date(2017, 9, 28),
        place=KILIS,
        event_type="MOBILIZE",
        technique="Doubt",
        reliability="low",
    ),
    "suva": make_analysis(
        "Suva: protesters marched to parliament about fuel prices.",
        outlet="Fiji Times",
        published=dt.date(2019, 3, 1),
        place=SUVA,
        event_type="PROTEST",
        reliability="mixed",
    ),
    "taveuni": make_analysis(
        "Taveuni: a cyclone damaged homes; no militants were involved.",
        published=None,
        place=TAVEUNI,
    ),
}


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as db:
        for name, analysis in ARTICLES.items():
            db.add(analysis, f"{name}.txt")
        yield db


def found(store: SQLiteStore, **kwargs: object) -> set[str]:
    names = {a.article.id: name for name, a in ARTICLES.items()}
    hits = store.search(SearchQuery(limit=None, **kwargs))  # type: ignore[arg-type]
    return {names[h.article_id] for h in hits}


def test_words_must_all_occur(store: SQLiteStore) -> None:
    assert found(store, text="militants") == {"aleppo", "taveuni"}
    assert found(store, text="militants cyclone") == {"taveuni"}
    assert found(store, text="MILITANTS") == {"aleppo", "taveuni"}
    assert found(store, text="militant") == set()  # whole words only
    assert found(store, text="militant*") == {"aleppo", "taveuni"}
    assert found(store, text='"old city"') == {"aleppo"}
    assert found(store, text='"city old"') == set()
    assert found(store, text="shelling") == {"aleppo"}  # the title is searched too


def test_hits_carry_a_snippet_and_a_score(store: SQLiteStore) -> None:
    (hit,) = store.search(SearchQuery(text="observatory"))
    assert "[observatory]" in hit.snippet
    assert hit.score is not None and hit.score > 0
    assert hit.title == "Shelling in Aleppo" and hit.outlet == "Reuters"
    assert hit.source == "aleppo.txt" and hit.published == "2017-09-25"


def test_without_words_newest_come_first_and_limit_applies(store: SQLiteStore) -> None:
    hits = store.search(SearchQuery(text="*", limit=3))
    assert [h.published for h in hits] == ["2019-03-01", "2017-09-28", "2017-09-25"]
    assert all(h.score is None for h in hits)


def test_outlet_by_name_or_domain(store: SQLiteStore) -> None:
    assert found(store, outlet="reuters") == {"aleppo"}
    assert found(store, outlet="reuters.com") == {"aleppo"}
    assert found(store, outlet="https://www.reuters.com/") == {"aleppo"}
    assert found(store, outlet="inside syria media center") == {"kilis"}
    assert found(store, outlet="Reuter") == set()


def test_published_range(store: SQLiteStore) -> None:
    assert found(store, since=dt.date(2017, 9, 26)) == {"kilis", "suva"}
    assert found(store, until=dt.date(2017, 9, 28)) == {"aleppo", "kilis"}
    assert found(store, since=dt.date(2017, 9, 25), until=dt.date(2017, 9, 25)) == {"aleppo"}


def test_country_of_places_and_events(store: SQLiteStore) -> None:
    assert found(store, country="SY") == {"aleppo"}
    assert found(store, country="fj") == {"suva", "taveuni"}
    assert found(store, country="IQ") == set()


def test_near_uses_great_circle_distance(store: SQLiteStore) -> None:
    assert found(store, near=Near(36.2, 37.16, 10)) == {"aleppo"}
    assert found(store, near=Near(36.2, 37.16, 70)) == {"aleppo", "kilis"}
    assert found(store, near=Near(-18.14, 178.44, 200)) == {"suva"}
    assert found(store, near=Near(-18.14, 178.44, 260)) == {"suva", "taveuni"}
    assert found(store, near=Near(-16.85, -179.97, 260)) == {"suva", "taveuni"}


def test_event_type_technique_and_reliability(store: SQLiteStore) -> None:
    assert found(store, event_type="assault") == {"aleppo"}
    assert found(store, event_type="PROTEST") == {"suva"}
    assert found(store, technique="doubt") == {"kilis"}
    assert found(store, reliability="low") == {"kilis"}
    assert found(store, reliability="mixed") == {"suva"}


def test_filters_combine_with_words(store: SQLiteStore) -> None:
    assert found(store, text="militants", country="SY") == {"aleppo"}
    assert found(store, text="militants", reliability="low") == set()
    assert found(store, text="border", near=Near(36.2, 37.16, 70), since=dt.date(2017, 1, 1)) == {
        "kilis"
    }


HOSTILE = [
    '"',
    '""',
    "*",
    "**",
    "NEAR(",
    "NEAR(militants city, 2)",
    "') OR 1=1 --",
    "'; DROP TABLE articles; --",
    "title:Aleppo",
    "militants OR cyclone",
    "militants NOT cyclone",
    "(militants",
    "^militants",
    "militants AND",
    "\x00",
    "\u202eAleppo",
    "a" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_query_strings_are_plain_words(store: SQLiteStore, text: str) -> None:
    hits = store.search(SearchQuery(text=text, limit=None))
    assert len(hits) <= len(ARTICLES)
    assert store.count() == len(ARTICLES)
    assert store.integrity_check() == "ok"


def test_operators_are_taken_literally(store: SQLiteStore) -> None:
    # "OR" is a word that must occur, not an operator: no article has it
    assert found(store, text="militants OR cyclone") == set()
    assert found(store, text="') OR 1=1 --") == set()
    assert found(store, text='"') == set(ARTICLES)  # no words at all: no text condition
    assert found(store, text="title:Aleppo") == set()


def test_fts_expression_quotes_every_word() -> None:
    assert fts_expression("militants Aleppo") == '"militants" "Aleppo"'
    assert fts_expression('"old city" flee*') == '"old city" "flee"*'
    assert fts_expression('say "hi') == '"say" "hi"'
    assert fts_expression("NEAR(a b)") == '"NEAR(a" "b)"'
    assert fts_expression("* -- ') ") is None
    assert fts_expression("") is None


def test_haversine_known_distance() -> None:
    # Aleppo to Damascus is about 305 km
    assert haversine_km(36.2, 37.16, 33.51, 36.29) == pytest.approx(310, abs=10)
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(111.2, abs=0.5)


@pytest.mark.parametrize(
    ("lat", "lon", "km"),
    [(36.2, 37.1, 50), (0.0, 179.9, 300), (-10.0, -179.5, 500), (89.0, 0.0, 300), (60, 20, 2000)],
)
def test_bounding_box_contains_the_circle(lat: float, lon: float, km: float) -> None:
    lat_lo, lat_hi, lon_ranges = bounding_box(Near(lat, lon, km))
    for bearing in range(0, 360, 5):
        plat, plon = _destination(lat, lon, bearing, km * 0.999)
        assert lat_lo <= plat <= lat_hi
        assert any(lo <= plon <= hi for lo, hi in lon_ranges), (bearing, plat, plon)


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    import math

    d = km / 6371.0088
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": 0},
        {"reliability": "dubious"},
        {"since": dt.date(2020, 1, 2), "until": dt.date(2020, 1, 1)},
    ],
)
def test_invalid_queries_are_config_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        SearchQuery(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "km"), [("36.2", 5), ("a,b", 5), ("91,0", 5), ("0,0", -1), ("nan,0", 5)]
)
def test_invalid_near_is_a_config_error(text: str, km: float) -> None:
    with pytest.raises(ConfigError):
        Near.parse(text, km)


def test_math_functions_are_registered_where_sqlite_lacks_them() -> None:
    import math
    import sqlite3

    from newsint.store.sqlite import _ensure_math_functions

    class NoMath:
        """A connection to an SQLite built without math functions."""

        def __init__(self) -> None:
            self.conn = sqlite3.connect(":memory:")
            self.registered: list[str] = []

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if "sin(" in sql and not self.registered:
                raise sqlite3.OperationalError("no such function: sin")
            return self.conn.execute(sql, *args)

        def create_function(self, name: str, arity: int, fn: object, **kw: object) -> None:
            self.registered.append(name)
            self.conn.create_function(f"py_{name}", arity, fn)  # type: ignore[arg-type]

    fake = NoMath()
    _ensure_math_functions(fake)  # type: ignore[arg-type]
    assert sorted(fake.registered) == ["asin", "cos", "pow", "sin", "sqrt"]
    row = fake.conn.execute("SELECT py_sin(1.0), py_pow(2, 10), py_sqrt(NULL)").fetchone()
    assert row == (math.sin(1.0), 1024.0, None)
