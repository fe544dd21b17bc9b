"""``newsint export``: a corpus database, or the part matching filters, as files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from ..store.schema import TABLES
from .output import open_output, stderr
from .search import (
    CountryOpt,
    DbOpt,
    EventTypeOpt,
    KmOpt,
    NearOpt,
    OutletOpt,
    ReliabilityOpt,
    SinceOpt,
    TechniqueOpt,
    UntilOpt,
    build_query,
)


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


FormatOpt = Annotated[
    ExportFormat,
    typer.Option(
        "--format",
        "-f",
        help="jsonl (analyses), csv (events in ACLED columns, or --table), geojson, "
        "parquet (every table into the --out folder, or --table into the --out file).",
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="File (a folder for Parquet of every table); stdout if none."),
]
TableOpt = Annotated[
    str | None,
    typer.Option(help=f"For csv and parquet: one table of {', '.join(TABLES)}."),
]
QueryOpt = Annotated[
    str, typer.Option("--query", "-q", help="Only articles containing these words.")
]
CorroborationOpt = Annotated[
    bool,
    typer.Option(
        "--corroboration/--no-corroboration",
        help="csv and geojson: name the other outlets in the corpus that report a matching "
        "event (same type, within 50 km and 2 days) in ACLED's source column and GeoJSON's "
        "corroborated_by; --no-corroboration skips the lookups.",
    ),
]


def export_command(
    db: DbOpt,
    format: FormatOpt = ExportFormat.jsonl,
    out: OutOpt = None,
    table: TableOpt = None,
    query: QueryOpt = "",
    outlet: OutletOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    near: NearOpt = None,
    km: KmOpt = 50.0,
    event_type: EventTypeOpt = None,
    technique: TechniqueOpt = None,
    reliability: ReliabilityOpt = None,
    corroboration: CorroborationOpt = True,
) -> None:
    """Export stored analyses: JSON Lines, ACLED-style CSV of events, GeoJSON or Parquet.

    The filters are those of newsint search and select articles; every row of the chosen
    tables that belongs to a selected article is written.
    """
    from ..store import export as exports
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
    )
    _check(format, out, table)
    with open_store(db, create=False) as store:
        if format is ExportFormat.parquet:
            assert out is not None
            counts = exports.write_parquet(store, request, out, [table] if table else TABLES)
            written = ", ".join(f"{name} {n}" for name, n in counts.items())
            stderr.print(f"{out}: rows written: {written}", markup=False, highlight=False)
            return
        with open_output(out) as stream:
            if format is ExportFormat.jsonl:
                count = exports.write_jsonl(store, request, stream)
            elif format is ExportFormat.geojson:
                count = exports.write_geojson(store, request, stream, corroboration=corroboration)
            else:
                count = exports.write_csv(
                    store, request, stream, table or "events", corroboration=corroboration
                )
    if out is not None:
        unit = "rows" if format is ExportFormat.csv else "articles"
        stderr.print(f"{out}: {count} {unit} written", markup=False, highlight=False)


def _check(format: ExportFormat, out: Path | None, table: str | None) -> None:
    if table is not None and table not in TABLES:
        raise ConfigError(f"--table must be one of {', '.join(TABLES)}, not {table!r}")
    if table is not None and format not in (ExportFormat.csv, ExportFormat.parquet):
        raise ConfigError("--table goes with --format csv or parquet")
    if format is ExportFormat.parquet and out is None:
        raise ConfigError("--format parquet needs --out (a folder, or a file with --table)")


__all__ = ["export_command"]
