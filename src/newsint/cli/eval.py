"""``newsint eval``: score newsint against annotated corpora and print the metrics.

Each task is one command of ``eval_app``: it reads a corpus, runs the real pipeline,
prints a table on stdout, and optionally writes per-article predictions (``--predictions``,
JSON Lines) and the metrics (``--json-out``, JSON). A new task adds a command here and
its scoring in ``newsint.evaluation.<task>``, reusing the options of ``evaluation.common``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import NewsintError
from ..evaluation.common import (
    BatchOpt,
    JobsOpt,
    JsonOutOpt,
    LimitOpt,
    PredictionsOpt,
    QuietOpt,
    progress_bar,
    write_json,
)
from .analyze import DemonymsOpt
from .output import report_problem, stderr

eval_app = typer.Typer(
    name="eval",
    help="Score newsint against annotated corpora (real data in ../shared/data).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DEFAULT_GEO_CORPUS = Path("../shared/data/geo/GeoWebNews.xml")

GeoCorpusOpt = Annotated[
    Path,
    typer.Option(
        "--corpus",
        "-c",
        help="GeoWebNews or GeoVirus XML file (format detected); relative paths are taken "
        "from the current folder. Both ship in ../shared/data/geo/.",
    ),
]


@eval_app.callback()
def eval_callback() -> None:
    """Score newsint against annotated corpora: a table on stdout, predictions on request."""


@contextmanager
def reported_errors() -> Iterator[None]:
    """A ``NewsintError`` becomes one line on stderr and exit code 1."""
    try:
        yield
    except NewsintError as exc:
        report_problem(exc)
        raise typer.Exit(1) from None


@eval_app.command("geo")
def geo_command(
    corpus: GeoCorpusOpt = DEFAULT_GEO_CORPUS,
    predictions: PredictionsOpt = None,
    json_out: JsonOutOpt = None,
    limit: LimitOpt = None,
    batch_size: BatchOpt = 32,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    demonyms: DemonymsOpt = False,
) -> None:
    """Geoparsing: toponym P/R/F1, accuracy@161 km, mean/median error km, AUC.

    Follows Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation". Scores all
    toponyms (literal + associative) and literal ones only; resolution on the recognised
    toponyms, end-to-end on all of them (a miss counts as 20,039 km). ``--demonyms``
    measures the pipeline that also returns demonyms as places (``newsint analyze
    --demonyms``), as the taxonomy counts them as toponyms.
    """
    from ..evaluation.geo import evaluate_corpus, metric_table, read_geo_corpus

    with reported_errors():
        gold = read_geo_corpus(corpus, limit=limit)
        with progress_bar(len(gold.articles), label=gold.name, enabled=not quiet) as advance:
            summary = evaluate_corpus(
                gold,
                batch_size=batch_size,
                jobs=jobs,
                predictions=predictions,
                advance=advance,
                demonym_places=demonyms,
            )
        metric_table(summary).print()
        _write_outputs(summary, predictions, json_out)


def _write_outputs(
    summary: dict[str, Any], predictions: Path | None, json_out: Path | None
) -> None:
    if json_out is not None:
        write_json(json_out, summary)
        stderr.print(f"metrics written to {json_out}")
    if predictions is not None:
        stderr.print(f"predictions written to {predictions} ({summary['articles']} articles)")
