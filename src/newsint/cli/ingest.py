"""``newsint ingest``: analyse inputs into a corpus database, skipping what is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..config import DEFAULT_MAX_BYTES, Config
from ..corpus.ingest import Ingestor, IngestReport, count_inputs, write_rejects
from ..model import Analysis
from ..store.base import StoreError
from .analyze import BatchOpt, JobsOpt, MaxBytesOpt, PathsArg, PublishedOpt, QuietOpt
from .output import ArticleProgress, stderr

DbOpt = Annotated[
    Path,
    typer.Option(
        "--db", help="The corpus database (SQLite); created when missing.", envvar="NEWSINT_DB"
    ),
]
RejectsOpt = Annotated[
    Path | None,
    typer.Option(help="Also write the rejected inputs here as CSV (source, error, reason)."),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        help="local: worker processes on this machine (-j). dask: a Dask cluster writes "
        "partitioned Parquet (--parquet), then it is loaded into --db.",
        case_sensitive=False,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="With --engine dask: address of a running scheduler (tcp://HOST:8786); without "
        "it a LocalCluster of -j worker processes runs on this machine.",
    ),
]
ParquetOpt = Annotated[
    Path | None,
    typer.Option(
        "--parquet",
        help="With --engine dask: the folder for the Parquet partitions (analyses/, events/, "
        "places/); every worker must see it at this path. Default: DB.parquet next to --db.",
    ),
]
SHOWN_REJECTS = 20  # rejects listed on stderr; --rejects has them all
LOAD_BATCH = 500  # analyses per store transaction when loading Parquet


def ingest_command(
    paths: PathsArg,
    db: DbOpt,
    jobs: JobsOpt = 1,
    published: PublishedOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    batch_size: BatchOpt = 32,
    quiet: QuietOpt = False,
    rejects: RejectsOpt = None,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    parquet: ParquetOpt = None,
) -> None:
    """Analyse articles into a corpus database; articles already stored are skipped.

    Re-running on the same inputs only reads and hashes them, so an interrupted ingest
    resumes where it stopped. Bad inputs are listed at the end (and in --rejects). Exit
    code 1 only when nothing could be read or stored.
    """
    from ..api import parse_published, run_articles
    from ..ingest import read_sources
    from ..store import open_store

    config = Config(max_bytes=max_bytes, n_process=jobs, batch_size=batch_size)
    date = parse_published(published)
    if engine.lower() == "dask":
        if date is not None:
            raise typer.BadParameter(
                "--published is not passed to Dask workers: give dates in JSONL/CSV records "
                "or HTML metadata",
                param_hint="--published",
            )
        _ingest_dask(paths, db, config, scheduler, parquet, jobs=jobs, quiet=quiet)
        return
    if engine.lower() != "local":
        raise typer.BadParameter(f"{engine!r}: choose local or dask", param_hint="--engine")
    if scheduler is not None or parquet is not None:
        raise typer.BadParameter("--scheduler and --parquet need --engine dask")
    with open_store(db) as store:
        total = count_inputs(paths)
        with ArticleProgress("ingesting", total, enabled=not quiet) as bar:
            ingestor = Ingestor(store, lambda a: run_articles(a, config), progress=bar.advance)
            sources = read_sources(paths, config=config, published=date)
            try:
                ingestor.run(sources)
            except StoreError:
                bar.stop()
                _summarise(ingestor.report, db, quiet=False)
                raise
    report = ingestor.report
    _summarise(report, db, quiet=quiet)
    if rejects is not None:
        write_rejects(report.rejected, rejects)
    if not report.ok:
        stderr.print("[bold red]error:[/] no input could be read or analysed")
        raise typer.Exit(1)


def _ingest_dask(
    paths: list[str],
    db: Path,
    config: Config,
    scheduler: str | None,
    parquet: Path | None,
    *,
    jobs: int,
    quiet: bool,
) -> None:
    """Analyse on Dask into Parquet, then add every analysis to the store (idempotent:
    articles already stored are skipped by their content id)."""
    from ..corpus.dask_engine import iter_parquet_analyses
    from ..store import open_store
    from .dask_ingest import run_dask_ingest

    out = parquet or db.with_name(db.name + ".parquet")
    summary = run_dask_ingest(
        paths, out_dir=out, scheduler=scheduler, n_workers=jobs, config=config, quiet=quiet
    )
    stored = seen = 0
    with open_store(db) as store:
        batch: list[tuple[Analysis, list[str]]] = []
        for analysis in iter_parquet_analyses(summary.out_dir):
            batch.append((analysis, []))
            if len(batch) == LOAD_BATCH:
                stored, seen = stored + store.add_many(batch), seen + len(batch)
                batch.clear()
        stored, seen = stored + store.add_many(batch), seen + len(batch)
    present = seen - stored
    stderr.print(
        f"{db}: stored {stored} new article(s); {present} already present; "
        f"{len(summary.problems)} rejected; Parquet in {out}",
        markup=False,
        highlight=False,
    )


def _summarise(report: IngestReport, db: Path, *, quiet: bool) -> None:
    """The rejected inputs, one line each, then what was stored; on stderr."""
    rejected = report.rejected
    if rejected:
        stderr.print(f"[yellow]rejected {len(rejected)} input(s):[/]")
        for item in rejected[:SHOWN_REJECTS]:
            reason = " ".join(item.reason.split())
            stderr.print(f"  {item.source}: {reason}", markup=False, highlight=False)
        if len(rejected) > SHOWN_REJECTS:
            stderr.print(f"  … and {len(rejected) - SHOWN_REJECTS} more (see --rejects FILE)")
    if quiet and not rejected:
        return
    stderr.print(
        f"{db}: stored {report.stored} new article(s); {report.present} already present; "
        f"{report.duplicates} duplicate(s) in the inputs; {len(rejected)} rejected",
        markup=False,
        highlight=False,
    )


__all__ = ["ingest_command"]
