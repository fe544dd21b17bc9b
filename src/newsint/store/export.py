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
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..corpus.store_corroboration import corroborate_in_store
from ..errors import MissingExtraError
from ..export.acled_csv import COLUMNS as ACLED_CSV_COLUMNS
from ..export.acled_csv import acled_rows as export_acled_rows
from ..export.geojson import GeoJSONWriter
from .base import SearchHit, SearchQuery, StoreError
from .schema import TABLES
from .sqlite import SQLiteStore

ACLED_COLUMNS = ACLED_CSV_COLUMNS  # the column layout of ``newsint analyze --format csv``
_PARQUET_BATCH = 10_000


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
        found = corroborate_in_store(store, analysis) if corroboration else None
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
) -> Iterator[dict[str, str | int]]:
    """Stored events as ACLED rows, built from the stored analyses by the same code as
    ``newsint analyze --format csv`` (:mod:`newsint.export.acled_csv`: the PLOVER->ACLED
    rules, the shipped sub-event classifier; negated and hypothetical events left out).
    With ``corroboration``, ``source`` is the outlet then the corroborating outlets."""
    # corroborate_in_store returns at once for an article without a located, dated event
    lookup = functools.partial(corroborate_in_store, store) if corroboration else None
    return export_acled_rows(store.iter_analyses(query), corroboration=lookup)


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
    "acled_rows",
    "write_csv",
    "write_geojson",
    "write_hits_parquet",
    "write_jsonl",
    "write_parquet",
]
