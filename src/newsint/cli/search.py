"""``newsint search``: full-text search of a corpus database, with filters.

The filter options are shared with ``newsint export`` (:mod:`.export`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import ConfigError
from ..store.base import Near, SearchHit, SearchQuery
from .output import open_output

DbOpt = Annotated[
    Path, typer.Option("--db", help="The corpus database (SQLite).", envvar="NEWSINT_DB")
]
OutletOpt = Annotated[
    str | None, typer.Option(help="Outlet name or web domain (case-insensitive).")
]
SinceOpt = Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")]
CountryOpt = Annotated[
    str | None, typer.Option(help="ISO country code of a place or event in the article (SY).")
]
NearOpt = Annotated[
    str | None,
    typer.Option(help='A place or event within --km of "LAT,LON" (--near=-16.8,179.9 below 0).'),
]
KmOpt = Annotated[float, typer.Option(help="Radius for --near, in kilometres.")]
EventTypeOpt = Annotated[str | None, typer.Option(help="PLOVER event type (ASSAULT, PROTEST).")]
TechniqueOpt = Annotated[
    str | None, typer.Option(help="Propaganda technique (Loaded_Language, Doubt...).")
]
ReliabilityOpt = Annotated[str | None, typer.Option(help="Reliability label: low, mixed, high.")]
QueryArg = Annotated[
    str,
    typer.Argument(
        help='Words that must all occur; "a phrase", prefix*; empty or * for filters only.'
    ),
]


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def build_query(
    text: str,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    near: str | None = None,
    km: float = 50.0,
    event_type: str | None = None,
    technique: str | None = None,
    reliability: str | None = None,
    limit: int | None = None,
) -> SearchQuery:
    """A validated ``SearchQuery`` from command-line strings."""
    return SearchQuery(
        text=text.strip(),
        outlet=outlet,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        country=country,
        near=Near.parse(near, km) if near else None,
        event_type=event_type,
        technique=technique,
        reliability=reliability.lower() if reliability else None,
        limit=limit,
    )


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(f"{option} must be a date (YYYY-MM-DD), not {value!r}") from exc


def search_command(
    db: DbOpt,
    query: QueryArg = "",
    outlet: OutletOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    near: NearOpt = None,
    km: KmOpt = 50.0,
    event_type: EventTypeOpt = None,
    technique: TechniqueOpt = None,
    reliability: ReliabilityOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many results.", min=1)] = 20,
    format: Annotated[
        SearchFormat,
        typer.Option(
            "--format", "-f", help="table, json, jsonl, csv, geojson, parquet (needs --out)."
        ),
    ] = SearchFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here, not stdout.")] = None,
) -> None:
    """Search a corpus database: best matches first, or newest first without words."""
    from ..store import open_store

    request = build_query(
        query,
        outlet=outlet,
        since=since,
        until=until,
        country=country,
        near=near,
        km=km,
        event_type=event_type,
        technique=technique,
        reliability=reliability,
        limit=limit,
    )
    if format is SearchFormat.parquet and out is None:
        raise ConfigError("--format parquet needs --out FILE")
    with open_store(db, create=False) as store:
        hits = store.search(request)
        if format is SearchFormat.parquet:
            from ..store.export import write_hits_parquet

            assert out is not None
            write_hits_parquet(hits, out)
            return
        with open_output(out) as stream:
            if format is SearchFormat.geojson:
                from ..export.geojson import GeoJSONWriter

                writer = GeoJSONWriter(stream)
                for hit in hits:
                    writer.add(store.get(hit.article_id))
                writer.close()
            else:
                write_hits(hits, format, stream)


def write_hits(hits: list[SearchHit], format: SearchFormat, stream: TextIO) -> None:
    """Hits as a table, JSON, JSON Lines or CSV."""
    rows = [hit.to_dict() for hit in hits]
    if format is SearchFormat.json:
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format is SearchFormat.jsonl:
        stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif format is SearchFormat.csv:
        writer = csv.DictWriter(
            stream, fieldnames=list(SearchHit.__dataclass_fields__), lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_table(hits, stream)


def _print_table(hits: list[SearchHit], stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False, width=160)
    if not hits:
        console.print("no matching articles")
        return
    table = Table("id", "published", "outlet", "title", "snippet", show_lines=False)
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        cells = (hit.article_id, hit.published, hit.outlet, hit.title, snippet)
        table.add_row(*(Text(cell or "") for cell in cells))  # Text: no markup in data
    console.print(table)


__all__ = ["build_query", "search_command", "write_hits"]
