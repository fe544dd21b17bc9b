"""Read-only SQL the workbench needs beyond the store's own API: pages of hits with a total,
corpus statistics, facets for the filter forms, event points, time series, and candidate
sets for the per-article duplicate and corroboration checks.

Every value from a request is a bound parameter. The SQL text is made only of constant
fragments of this module and of :mod:`newsint.store.search` (``filter_sql``/``ids_sql``,
which bind their values too); the connection refuses writes (see :func:`.db.read_only`).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..corpus.store_corroboration import corroboration_candidates
from ..model import Article
from ..store.base import SearchQuery
from ..store.search import filter_sql, fts_expression, ids_sql

#: snippet markers: private-use characters, which article text practically never holds
MATCH_OPEN, MATCH_CLOSE = "\ue000", "\ue001"
_SNIPPET = f"snippet(articles_fts, 1, '{MATCH_OPEN}', '{MATCH_CLOSE}', '…', 28)"
_HIT = "a.id, a.title, a.outlet, a.published, a.url, r.label, r.score"
_WORD = re.compile(r"[^\W_]+")
SHINGLE_WORDS = 5
#: at most this many matches are ranked by relevance (BM25 costs time for each match)
RANK_CAP = 2000
PROBE_PHRASES = 8


@dataclass(frozen=True, slots=True)
class Hit:
    """One row of a result page; ``snippet`` is (text, matched) pieces."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    label: str | None
    score: float | None
    snippet: tuple[tuple[str, bool], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "reliability": self.label,
            "reliability_score": self.score,
            "snippet": "".join(text for text, _ in self.snippet),
            "snippet_matches": [text for text, matched in self.snippet if matched],
        }


@dataclass(frozen=True, slots=True)
class Page:
    """One page of hits. ``ranked``: by relevance; ``capped``: more than ``total`` match."""

    total: int
    page: int
    per_page: int
    hits: tuple[Hit, ...]
    ranked: bool = False
    capped: bool = False

    @property
    def pages(self) -> int:
        shown = self.total - 1 if self.capped else self.total  # capped: total is cap + 1
        return max(1, -(-shown // self.per_page))


def version(conn: sqlite3.Connection) -> int:
    """Grows with every stored article (the store never deletes): a cache key."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """``a \\ue000b\\ue001 c`` -> (("a ", False), ("b", True), (" c", False))."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MATCH_OPEN)):
        if i == 0:
            pieces.append((part, False))
            continue
        matched, _, rest = part.partition(MATCH_CLOSE)
        pieces.extend([(matched, True), (rest, False)])
    return tuple((text, matched) for text, matched in pieces if text)


def _clean_snippet(text: str) -> str:
    return " ".join(text.replace(MATCH_OPEN, "").replace(MATCH_CLOSE, "").split())


def newest_first(conn: sqlite3.Connection, query: SearchQuery) -> array[int]:
    """Row numbers (``seq``) of every article matching the filters of ``query``, newest
    first: computed once per filter and corpus version, then every page is a slice."""
    conditions = filter_sql(query)
    sql = (
        f"SELECT a.seq FROM articles a WHERE {conditions.clause()}"
        " ORDER BY a.published DESC, a.seq DESC"
    )
    return array("q", (row[0] for row in conn.execute(sql, conditions.params)))


def browse_page(conn: sqlite3.Connection, ordered: Sequence[int], page: int, per_page: int) -> Page:
    """Page ``page`` of the articles ``ordered`` (from :func:`newest_first`)."""
    offset = (page - 1) * per_page
    seqs = list(ordered[offset : offset + per_page])
    return Page(len(ordered), page, per_page, _hits(conn, seqs, _openings(conn, seqs)))


def search_page(conn: sqlite3.Connection, query: SearchQuery, page: int, per_page: int) -> Page:
    """Hits ``(page - 1) * per_page ..`` of ``query``: best first, or newest without words.

    Ranking costs time for every match, so when more than ``RANK_CAP`` articles match the
    words, the page lists them most recently stored first instead, and ``total`` is only
    known to exceed the cap (``Page.capped``). Only the page's own rows are read in full.
    """
    match = fts_expression(query.text)
    if match is None:
        return browse_page(conn, newest_first(conn, query), page, per_page)
    conditions = filter_sql(query)
    offset = (page - 1) * per_page
    if conditions.where:
        source = (
            "FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
            f" WHERE articles_fts MATCH ? AND {conditions.clause()}"
        )
    else:
        source = "FROM articles_fts f WHERE articles_fts MATCH ?"
    params = [match, *conditions.params]
    found = int(
        conn.execute(
            f"SELECT count(*) FROM (SELECT 1 {source} LIMIT ?)", [*params, RANK_CAP + 1]
        ).fetchone()[0]
    )
    ranked = found <= RANK_CAP
    order = "f.rank" if ranked else "f.rowid DESC"
    sql = f"SELECT f.rowid {source} ORDER BY {order} LIMIT ? OFFSET ?"
    seqs = [r[0] for r in conn.execute(sql, [*params, per_page, offset])]
    hits = _hits(conn, seqs, _snippets(conn, match, seqs))
    return Page(found, page, per_page, hits, ranked=ranked, capped=not ranked)


def _openings(conn: sqlite3.Connection, seqs: Sequence[int]) -> dict[int, str]:
    marks = ", ".join("?" * len(seqs))
    rows = conn.execute(
        f"SELECT seq, substr(text, 1, 320) FROM articles WHERE seq IN ({marks})", seqs
    )
    return {seq: _clean_snippet(text) for seq, text in rows}


def _snippets(conn: sqlite3.Connection, match: str, seqs: Sequence[int]) -> dict[int, str]:
    """The matching passage of each article (FTS5 ``snippet`` for these rows only)."""
    marks = ", ".join("?" * len(seqs))
    rows = conn.execute(
        f"SELECT rowid, {_SNIPPET} FROM articles_fts"
        f" WHERE articles_fts MATCH ? AND rowid IN ({marks})",
        [match, *seqs],
    )
    return dict(rows.fetchall())


def _hits(
    conn: sqlite3.Connection, seqs: Sequence[int], snippets: dict[int, str]
) -> tuple[Hit, ...]:
    """The rows ``seqs`` as hits, in that order."""
    marks = ", ".join("?" * len(seqs))
    rows = conn.execute(
        f"SELECT a.seq, {_HIT} FROM articles a LEFT JOIN reliability r ON r.article_id = a.id"
        f" WHERE a.seq IN ({marks})",
        seqs,
    )
    by_seq = {row[0]: row[1:] for row in rows}
    hits = []
    for seq in seqs:
        article, title, outlet, published, url, label, score = by_seq[seq]
        snippet = split_snippet(snippets.get(seq, ""))
        hits.append(Hit(article, title, outlet, published, url, label, score, snippet))
    return tuple(hits)


def count_matches(conn: sqlite3.Connection, query: SearchQuery) -> int:
    if not query.has_filters:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    sql, params = ids_sql(query)
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def _selection(query: SearchQuery | None, column: str) -> tuple[str, list[object]]:
    """`` AND column IN (matching ids)`` for a filtered query, else nothing."""
    if query is None or not query.has_filters:
        return "", []
    sql, params = ids_sql(query)
    return f" AND {column} IN ({sql})", list(params)


# --- statistics and facets ---------------------------------------------------------------


def _pairs(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> list[list[Any]]:
    return [list(row) for row in conn.execute(sql, params)]


def stats(conn: sqlite3.Connection, *, top: int = 15) -> dict[str, Any]:
    """Corpus counts for the overview page."""
    one = conn.execute
    assessed = _pairs(conn, "SELECT label, count(*) FROM reliability GROUP BY label")
    total = int(one("SELECT count(*) FROM articles").fetchone()[0])
    return {
        "articles": total,
        "outlets": int(one("SELECT count(*) FROM outlets").fetchone()[0]),
        "events": int(one("SELECT count(*) FROM events").fetchone()[0]),
        "places": int(one("SELECT count(*) FROM places").fetchone()[0]),
        "by_outlet": _pairs(
            conn, "SELECT name, articles FROM outlets ORDER BY articles DESC, name LIMIT ?", [top]
        ),
        "by_reliability": _order_labels(assessed, total),
        "by_event_type": _pairs(
            conn,
            "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type LIMIT ?",
            [top],
        ),
        "by_country": _pairs(
            conn,
            "SELECT country_code, count(DISTINCT article_id) AS n FROM places"
            " WHERE country_code IS NOT NULL GROUP BY country_code ORDER BY n DESC LIMIT ?",
            [top],
        ),
        "by_month": _pairs(
            conn,
            "SELECT substr(published, 1, 7) AS month, count(*) FROM articles"
            " WHERE published IS NOT NULL GROUP BY month ORDER BY month",
        ),
        "undated": int(one("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()[0]),
    }


def _order_labels(counts: list[list[Any]], total: int) -> list[list[Any]]:
    by_label = dict((label, n) for label, n in counts)
    ordered = [[label, by_label.get(label, 0)] for label in ("high", "mixed", "low")]
    ordered.append(["not assessed", total - sum(by_label.values())])
    return ordered


def facets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The values the filter forms offer."""

    def column(sql: str) -> list[str]:
        return [row[0] for row in conn.execute(sql) if row[0]]

    return {
        "outlets": column("SELECT name FROM outlets ORDER BY articles DESC, name LIMIT 500"),
        "event_types": column("SELECT DISTINCT type FROM events ORDER BY type"),
        "techniques": column("SELECT DISTINCT technique FROM techniques ORDER BY technique"),
        "countries": column(
            "SELECT country_code FROM places WHERE country_code IS NOT NULL"
            " UNION SELECT country_code FROM events WHERE country_code IS NOT NULL"
        ),
    }


# --- events on the map and over time -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the map narrows events themselves to (the search filters choose articles)."""

    types: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None


_EVENT_DAY = "coalesce(e.date, a.published)"
_EVENT_PROPERTIES = (
    "article_id", "title", "outlet", "type", "mode", "actor", "target", "count", "place",
    "date", "hedged", "negated", "hypothetical", "text",
)  # fmt: skip


def _event_conditions(which: EventFilter) -> tuple[str, list[object]]:
    sql, params = "", list[object]()
    if which.types:
        sql += f" AND e.type IN ({', '.join('?' * len(which.types))})"
        params.extend(which.types)
    if which.since:
        sql += f" AND {_EVENT_DAY} >= ?"
        params.append(which.since.isoformat())
    if which.until:
        sql += f" AND {_EVENT_DAY} < ?"
        params.append(which.until.isoformat() + "~")
    return sql, params


def event_points(
    conn: sqlite3.Connection, query: SearchQuery | None, which: EventFilter, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    """Located events as GeoJSON point features; True when ``limit`` cut the list."""
    selected, params = _selection(query, "e.article_id")
    narrowed, more = _event_conditions(which)
    sql = (
        "SELECT e.article_id, a.title, a.outlet, e.type, e.mode, e.actor, e.target, e.count,"
        f" e.place_name, e.lat, e.lon, {_EVENT_DAY}, e.hedged, e.negated, e.hypothetical,"
        " substr(e.text, 1, 300)"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL"
        f"{selected}{narrowed} ORDER BY {_EVENT_DAY} DESC LIMIT ?"
    )
    rows = conn.execute(sql, [*params, *more, limit + 1]).fetchall()
    features = []
    for row in rows[:limit]:
        props = dict(zip(_EVENT_PROPERTIES, row[:9] + row[11:], strict=True))
        for flag in ("hedged", "negated", "hypothetical"):
            props[flag] = bool(props[flag])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row[10], row[9]]},
                "properties": props,
            }
        )
    return features, len(rows) > limit


def timeline(
    conn: sqlite3.Connection, query: SearchQuery | None, which: EventFilter
) -> dict[str, Any]:
    """Articles per month of publication and events per month and type."""
    selected, params = _selection(query, "a.id")
    articles = _pairs(
        conn,
        "SELECT substr(a.published, 1, 7) AS month, count(*) FROM articles a"
        f" WHERE a.published IS NOT NULL{selected} GROUP BY month ORDER BY month",
        params,
    )
    selected, params = _selection(query, "e.article_id")
    narrowed, more = _event_conditions(which)
    events = _pairs(
        conn,
        f"SELECT substr({_EVENT_DAY}, 1, 7) AS month, e.type, count(*)"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE {_EVENT_DAY} IS NOT NULL{selected}{narrowed}"
        " GROUP BY month, e.type ORDER BY month, e.type",
        [*params, *more],
    )
    return {
        "articles": [{"month": m, "count": n} for m, n in articles],
        "events": [{"month": m, "type": t, "count": n} for m, t, n in events],
    }


# --- corpus subsets for duplicates, stories and the outlet graph -------------------------

_ARTICLE = "a.id, a.text, a.title, a.url, a.outlet, a.author, a.published, a.language, a.source"


def _article(row: Sequence[Any]) -> Article:
    published = dt.date.fromisoformat(row[6]) if row[6] else None
    return Article(
        row[0], row[1], row[2], row[3], row[4], row[5], published, row[7] or "en", row[8]
    )


def recent_articles(
    conn: sqlite3.Connection, query: SearchQuery | None, cap: int
) -> tuple[list[Article], int]:
    """The ``cap`` most recently published matching articles, and how many match."""
    selected, params = _selection(query, "a.id")
    rows = conn.execute(
        f"SELECT {_ARTICLE} FROM articles a WHERE 1{selected}"
        " ORDER BY a.published DESC, a.seq DESC LIMIT ?",
        [*params, cap],
    ).fetchall()
    total = len(rows) if len(rows) < cap else count_matches(conn, query or SearchQuery())
    return [_article(row) for row in rows], total


def articles_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Article]:
    found: list[Article] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        found.extend(
            _article(row)
            for row in conn.execute(
                f"SELECT {_ARTICLE} FROM articles a WHERE a.id IN ({marks})", chunk
            )
        )
    return found


def probe_expression(text: str) -> str | None:
    """An FTS5 query matching texts that share any of a few word 5-grams with ``text``.

    The phrases are spread evenly over the text, so a copy with a changed opening or a cut
    ending still matches; each one is quoted, so nothing in the text acts as an operator.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    if len(words) <= SHINGLE_WORDS:
        return '"' + " ".join(words) + '"'
    last = len(words) - SHINGLE_WORDS
    starts = sorted({round(i * last / (PROBE_PHRASES - 1)) for i in range(PROBE_PHRASES)})
    return " OR ".join('"' + " ".join(words[s : s + SHINGLE_WORDS]) + '"' for s in starts)


def duplicate_candidates(conn: sqlite3.Connection, article: Article, limit: int) -> list[Article]:
    """Stored articles sharing a probe phrase with ``article`` (best matches first)."""
    probe = probe_expression(article.text)
    if probe is None:
        return []
    rows = conn.execute(
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
        " WHERE articles_fts MATCH ? AND a.id != ? ORDER BY f.rank LIMIT ?",
        [probe, article.id, limit],
    ).fetchall()
    return articles_by_id(conn, [row[0] for row in rows])


__all__ = [
    "EventFilter",
    "Hit",
    "Page",
    "articles_by_id",
    "corroboration_candidates",
    "count_matches",
    "duplicate_candidates",
    "event_points",
    "facets",
    "probe_expression",
    "recent_articles",
    "browse_page",
    "newest_first",
    "search_page",
    "split_snippet",
    "stats",
    "timeline",
    "version",
]
