"""The corpus database schema, as numbered migration steps.

A new schema version appends a ``Migration``; released steps are never edited, so a
database of any older version can be brought up to date step by step.

Layout (schema version 2):

- ``meta(key, value)``: ``schema_version`` and ``application`` (always ``newsint``).
- ``articles``: one row per distinct article. ``id`` (the content hash) is the key every
  other table refers to; ``seq`` is the explicit integer row id that the full-text index
  maps to (explicit so that ``VACUUM`` can never renumber it).
- ``analyses``: the full analysis JSON of each article (its text lives in ``articles``).
- ``entities``, ``dates``, ``quantities``, ``places``, ``events``, ``claims``,
  ``techniques``, ``reliability``: one queryable row per extracted item, with its span
  (``start_char``/``end_char`` into the article text).
- ``outlets``: every outlet name seen, with its web domain and article count.
- ``sources``: every path/record at which an article was seen (one article, many paths).
- ``article_facets`` (version 2): (kind, value, seq, published) for the country, event
  type, technique and reliability filters; one row per article and value. Also version 2:
  ``articles_lookup``, a covering index of the searched article columns by ``seq``.
- ``articles_fts``: an FTS5 index over title and text with *external content*: it stores
  only the index and reads titles and texts from ``articles`` (no second copy of the text;
  snippets still work). Triggers keep it in step with ``articles``. No stemmer: with the
  Porter stemmer, prefix queries miss (``militan*`` does not find the stem ``milit``), so
  words match whole, ignoring case and diacritics, and ``militant*`` finds "militants".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """Schema step ``version``: SQL statements run in one transaction, in order."""

    version: int
    description: str
    statements: tuple[str, ...]


_ARTICLES = """
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    url TEXT,
    domain TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    language TEXT,
    source TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
)"""

_ANALYSES = """
CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    newsint_version TEXT NOT NULL,
    model TEXT NOT NULL,
    components TEXT NOT NULL,
    json TEXT NOT NULL
)"""

_REF = "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE"
_SPAN = "text TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL"

_ITEM_TABLES = (
    f"CREATE TABLE entities ({_REF}, label TEXT NOT NULL, {_SPAN})",
    f"""CREATE TABLE dates ({_REF}, value TEXT, end_value TEXT, granularity TEXT,
        inferred INTEGER NOT NULL, open_end INTEGER NOT NULL, {_SPAN})""",
    f"""CREATE TABLE quantities ({_REF}, value REAL, kind TEXT, unit TEXT, noun TEXT,
        approximate INTEGER NOT NULL, {_SPAN})""",
    f"""CREATE TABLE places ({_REF}, name TEXT, geonameid INTEGER, lat REAL, lon REAL,
        country_code TEXT, kind TEXT, confidence REAL, metonymic INTEGER NOT NULL, {_SPAN})""",
    f"""CREATE TABLE events ({_REF}, type TEXT NOT NULL, mode TEXT, actor TEXT, target TEXT,
        count REAL, place_name TEXT, place_kind TEXT, lat REAL, lon REAL, country_code TEXT,
        date TEXT, end_date TEXT, hedged INTEGER NOT NULL, hypothetical INTEGER NOT NULL,
        negated INTEGER NOT NULL, confidence REAL, reported_by TEXT, {_SPAN})""",
    f"""CREATE TABLE claims ({_REF}, attribution_source TEXT, hedged INTEGER NOT NULL,
        checkworthiness REAL, {_SPAN})""",
    f"CREATE TABLE techniques ({_REF}, technique TEXT NOT NULL, score REAL, {_SPAN})",
    """CREATE TABLE reliability (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        score REAL NOT NULL, label TEXT NOT NULL)""",
    """CREATE TABLE outlets (
        name TEXT PRIMARY KEY COLLATE NOCASE, domain TEXT, first_seen TEXT NOT NULL,
        articles INTEGER NOT NULL) WITHOUT ROWID""",
    f"""CREATE TABLE sources ({_REF}, source TEXT NOT NULL, seen_at TEXT NOT NULL,
        PRIMARY KEY (article_id, source)) WITHOUT ROWID""",
)

# Indexes serve the search filters (``a.id IN (SELECT article_id FROM t WHERE ...)``), so
# each one leads with the filtered column and ends with article_id (covering the subquery).
_INDEXES = (
    "CREATE INDEX articles_published ON articles(published)",
    "CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE)",
    "CREATE INDEX articles_domain ON articles(domain)",
    "CREATE INDEX entities_text ON entities(text, label)",
    "CREATE INDEX places_country ON places(country_code, article_id)",
    "CREATE INDEX places_latlon ON places(lat, lon, article_id)",
    "CREATE INDEX events_type ON events(type COLLATE NOCASE, article_id)",
    "CREATE INDEX events_country ON events(country_code, article_id)",
    "CREATE INDEX events_latlon ON events(lat, lon, article_id)",
    "CREATE INDEX techniques_technique ON techniques(technique COLLATE NOCASE, article_id)",
    "CREATE INDEX reliability_label ON reliability(label, article_id)",
)

_FTS = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
)

# Version 2: one row per (article, facet value), so that a filter is one primary-key probe
# per candidate (no scan of an article's places, no large IN list) and "newest first with
# this facet" is one ordered index range. Values are normalised: country codes upper case,
# event types, techniques and reliability labels lower case. Filled from version-1 rows.
_FACETS = (
    """CREATE TABLE article_facets (
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
        published TEXT,
        PRIMARY KEY (kind, value, seq)) WITHOUT ROWID""",
    "CREATE INDEX article_facets_newest ON article_facets(kind, value, published, seq)",
    # every column a search filters on or lists, by seq: full-text matches are checked and
    # listed from this small index instead of the article rows, which hold whole texts
    """CREATE INDEX articles_lookup
        ON articles(seq, published, outlet, domain, id, title, url, source)""",
    """INSERT OR IGNORE INTO article_facets (kind, value, seq, published)
        SELECT 'country', upper(trim(t.country_code)), a.seq, a.published
        FROM places t JOIN articles a ON a.id = t.article_id WHERE t.country_code <> ''
        UNION SELECT 'country', upper(trim(t.country_code)), a.seq, a.published
        FROM events t JOIN articles a ON a.id = t.article_id WHERE t.country_code <> ''
        UNION SELECT 'event_type', lower(trim(t.type)), a.seq, a.published
        FROM events t JOIN articles a ON a.id = t.article_id
        UNION SELECT 'technique', lower(trim(t.technique)), a.seq, a.published
        FROM techniques t JOIN articles a ON a.id = t.article_id
        UNION SELECT 'reliability', lower(t.label), a.seq, a.published
        FROM reliability t JOIN articles a ON a.id = t.article_id""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, analyses, item tables, outlets, sources, FTS5 index",
        (_ARTICLES, _ANALYSES, *_ITEM_TABLES, *_INDEXES, *_FTS),
    ),
    Migration(2, "article_facets; articles_lookup covering index for searches", _FACETS),
)

#: every table a user may query or export, in a stable order
TABLES: tuple[str, ...] = (
    "articles",
    "analyses",
    "entities",
    "dates",
    "quantities",
    "places",
    "events",
    "claims",
    "techniques",
    "reliability",
    "outlets",
    "sources",
)

SCHEMA_VERSION = MIGRATIONS[-1].version

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "TABLES", "Migration"]
