"""Search as SQL: a safe FTS5 expression plus filters, all values bound as parameters.

No user string ever becomes SQL text. Words go into one ``MATCH ?`` parameter, each of
them double-quoted, so FTS5 operators (``OR``, ``NEAR(``, ``*``, ``col:``) typed by a user are
plain words; filters are fixed SQL fragments with ``?`` placeholders.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .base import Near, SearchQuery
from .rows import facet_value

EARTH_RADIUS_KM = 6371.0088
_KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0
_RADIANS = math.pi / 180.0
_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w")

HIT_COLUMNS = "a.id, a.title, a.outlet, a.published, a.url, a.source"


def fts_expression(text: str) -> str | None:
    """The user's words as an FTS5 query in which every word must match; None if no words.

    ``"two words"`` stays a phrase, a trailing ``*`` asks for a prefix, and every other
    character is literal: tokens without a letter or digit are dropped.
    """
    terms: list[str] = []
    for match in _TERM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _WORD.search(phrase):
                terms.append(_quote(phrase))
            continue
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _WORD.search(word):
            terms.append(_quote(word) + ("*" if prefix else ""))
    return " ".join(terms) or None


def _quote(term: str) -> str:
    return '"' + term.replace('"', " ") + '"'


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    The same operations in the same order as ``haversine_sql``, so that Python and SQLite
    agree to the last bit on which points lie inside a circle.
    """
    a = math.sin((lat1 - lat2) * _RADIANS / 2) ** 2
    b = math.cos(lat2 * _RADIANS) * math.cos(lat1 * _RADIANS)
    c = math.sin((lon1 - lon2) * _RADIANS / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a + b * c)))


def haversine_sql(lat: str, lon: str) -> str:
    """SQL for the distance in km from columns ``lat``, ``lon`` to the point given by
    three parameters (lat, lat, lon), with SQLite's math functions (C, no Python call per
    row; ``SQLiteStore`` registers Python ones where SQLite was built without them)."""
    return (
        f"2 * {EARTH_RADIUS_KM!r} * asin(min(1.0, sqrt("
        f"pow(sin(({lat} - ?) * {_RADIANS!r} / 2), 2)"
        f" + cos(? * {_RADIANS!r}) * cos({lat} * {_RADIANS!r})"
        f" * pow(sin(({lon} - ?) * {_RADIANS!r} / 2), 2))))"
    )


def bounding_box(near: Near) -> tuple[float, float, list[tuple[float, float]]]:
    """Latitude range and one or two longitude ranges that contain the circle ``near``.

    Two ranges when the box crosses the antimeridian; the whole longitude range when it
    reaches a pole.
    """
    dlat = near.km / _KM_PER_DEGREE
    lat_lo, lat_hi = near.lat - dlat, near.lat + dlat
    if lat_lo <= -90.0 or lat_hi >= 90.0:
        return max(lat_lo, -90.0), min(lat_hi, 90.0), [(-180.0, 180.0)]
    # the widest longitude span of the circle, at its latitude nearest a pole
    ratio = math.sin(near.km / EARTH_RADIUS_KM) / math.cos(math.radians(near.lat))
    dlon = math.degrees(math.asin(min(1.0, ratio)))
    lon_lo, lon_hi = near.lon - dlon, near.lon + dlon
    if dlon >= 180.0 or ratio >= 1.0:
        return lat_lo, lat_hi, [(-180.0, 180.0)]
    if lon_lo < -180.0:
        return lat_lo, lat_hi, [(lon_lo + 360.0, 180.0), (-180.0, lon_hi)]
    if lon_hi > 180.0:
        return lat_lo, lat_hi, [(lon_lo, 180.0), (-180.0, lon_hi - 360.0)]
    return lat_lo, lat_hi, [(lon_lo, lon_hi)]


@dataclass
class Sql:
    """A ``WHERE`` condition being built: fragments joined by AND, with their parameters."""

    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, fragment: str, *params: object) -> None:
        self.where.append(fragment)
        self.params.extend(params)

    def clause(self) -> str:
        return " AND ".join(self.where) if self.where else "1"


def facet_filters(query: SearchQuery) -> list[tuple[str, str]]:
    """The (kind, normalised value) facet conditions of ``query``."""
    wanted = (
        ("country", query.country),
        ("event_type", query.event_type),
        ("technique", query.technique),
        ("reliability", query.reliability),
    )
    return [(kind, facet_value(kind, value)) for kind, value in wanted if value is not None]


def filter_sql(query: SearchQuery) -> Sql:
    """The filters of ``query`` as conditions on ``articles a``.

    Facets (country, event type, technique, reliability) are primary-key probes of
    ``article_facets`` by ``a.seq``, cheap for every candidate whatever drives the query.
    """
    sql = Sql()
    if query.outlet:
        outlet = query.outlet.strip()
        sql.add("(a.outlet = ? COLLATE NOCASE OR a.domain = ?)", outlet, _domain(outlet))
    if query.since:
        sql.add("a.published >= ?", query.since.isoformat())
    if query.until:
        # published is YYYY-MM-DD; anything on that day sorts before the next day
        sql.add("a.published < ?", query.until.isoformat() + "~")
    for kind, value in facet_filters(query):
        sql.add(_FACET_EXISTS, kind, value)
    if query.near:
        _near_sql(sql, query.near)
    return sql


_FACET_EXISTS = (
    "EXISTS (SELECT 1 FROM article_facets x WHERE x.kind = ? AND x.value = ? AND x.seq = a.seq)"
)


def _near_sql(sql: Sql, near: Near) -> None:
    lat_lo, lat_hi, lon_ranges = bounding_box(near)
    lon_sql = " OR ".join("lon BETWEEN ? AND ?" for _ in lon_ranges)
    lon_params = [bound for pair in lon_ranges for bound in pair]
    distance = haversine_sql("lat", "lon")
    inner = f"lat BETWEEN ? AND ? AND ({lon_sql}) AND {distance} <= ?"
    one = [lat_lo, lat_hi, *lon_params, near.lat, near.lat, near.lon, near.km]
    sql.add(
        f"a.id IN (SELECT article_id FROM places WHERE {inner}"
        f" UNION SELECT article_id FROM events WHERE {inner})",
        *one,
        *one,
    )


def _domain(outlet: str) -> str:
    """``https://www.example.com/x`` or ``www.example.com`` -> ``example.com``."""
    host = re.sub(r"^[a-z]+://", "", outlet.strip().lower()).split("/")[0]
    return host.removeprefix("www.")


def search_sql(
    query: SearchQuery, *, limit: int | None = None, driver: tuple[str, str] | None = None
) -> tuple[str, list[object]]:
    """SQL and parameters returning hit rows: id, title, outlet, published, url, source,
    score, snippet. Ranked by BM25 (title words weigh double) when there are words, else
    newest first; at most ``limit`` rows (None: all).

    ``driver``: a facet (kind, value) of the query to read first, newest first, for
    queries without words; best the rarest (see ``SQLiteStore.search``).
    """
    conditions = filter_sql(query)
    match = fts_expression(query.text)
    bound = limit if limit is not None else -1
    if match is not None:
        return _ranked_sql(conditions), [match, *conditions.params, bound, match]
    if driver is not None:
        # CROSS JOIN keeps the facet as the outer loop: its index is already in
        # (published, seq) order, so the first ``limit`` rows that pass are the answer
        sql = (
            f"SELECT {HIT_COLUMNS}, NULL, substr(a.text, 1, 160)"
            " FROM article_facets d CROSS JOIN articles a ON a.seq = d.seq"
            f" WHERE d.kind = ? AND d.value = ? AND {conditions.clause()}"
            " ORDER BY d.published DESC, d.seq DESC LIMIT ?"
        )
        return sql, [*driver, *conditions.params, bound]
    sql = (
        f"SELECT {HIT_COLUMNS}, NULL, substr(a.text, 1, 160) FROM articles a"
        f" WHERE {conditions.clause()} ORDER BY a.published DESC, a.seq DESC LIMIT ?"
    )
    return sql, [*conditions.params, bound]


def _ranked_sql(conditions: Sql) -> str:
    """Best BM25 first, in two steps: rank every match, checking the filters against the
    small ``articles_lookup`` index (never the article rows), then make snippets for the
    ``limit`` best only. bm25() is computed once per match: ORDER BY rank would run it
    twice. Parameters: MATCH, the filters', LIMIT, MATCH again (for the snippets)."""
    return (
        "WITH top AS ("
        " SELECT f.rowid AS seq, bm25(articles_fts, 2.0, 1.0) AS score"
        " FROM articles_fts f JOIN articles a INDEXED BY articles_lookup ON a.seq = f.rowid"
        f" WHERE articles_fts MATCH ? AND {conditions.clause()}"
        " ORDER BY score LIMIT ?)"
        f" SELECT {HIT_COLUMNS}, -top.score, snippet(articles_fts, 1, '[', ']', '…', 16)"
        " FROM top CROSS JOIN articles_fts f ON f.rowid = top.seq"
        " CROSS JOIN articles a ON a.seq = top.seq"
        " WHERE articles_fts MATCH ? ORDER BY top.score"
    )


def ids_sql(query: SearchQuery) -> tuple[str, list[object]]:
    """SQL and parameters returning the ids of every matching article (no limit)."""
    conditions = filter_sql(query)
    match = fts_expression(query.text)
    if match is None:
        return f"SELECT a.id FROM articles a WHERE {conditions.clause()}", conditions.params
    sql = (
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
        f" WHERE articles_fts MATCH ? AND {conditions.clause()}"
    )
    return sql, [match, *conditions.params]


__all__ = [
    "bounding_box",
    "facet_filters",
    "filter_sql",
    "fts_expression",
    "haversine_km",
    "haversine_sql",
    "ids_sql",
    "search_sql",
]
