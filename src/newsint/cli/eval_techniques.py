"""``newsint eval techniques``: propaganda span identification (SI) and technique (TC) scores.

Register with ``eval_app.command("techniques")(eval_techniques_command)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import NewsintError
from ..evaluation.common import BatchOpt, JsonOutOpt, LimitOpt, QuietOpt, progress_bar, write_json
from .output import report_problem, stderr

DEFAULT_PTC = Path("../shared/data/ptc")

ArticlesOpt = Annotated[
    Path,
    typer.Option(
        "--articles",
        "-a",
        help="Folder of PTC article<ID>.txt files (default: ../shared/data/ptc/dev-articles).",
    ),
]
LabelsOpt = Annotated[
    Path,
    typer.Option(
        "--labels",
        "-l",
        help="Gold labels: a TC/FLC file (id, technique, start, end) gives SI and TC scores, "
        "SI gold being its spans; an SI file (id, start, end) gives SI scores only "
        "(default: ../shared/data/ptc/dev-task-flc-tc.labels).",
    ),
]
SiLabelsOpt = Annotated[
    Path | None,
    typer.Option("--si-labels", help="An SI labels file to score SI against instead."),
]
PredictionsDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--predictions-dir",
        "-p",
        help="Write si.txt (id, start, end) and, with TC gold, tc.txt (id, technique, start, "
        "end; one line per gold span) here, in the official formats.",
    ),
]


def eval_techniques_command(
    articles: ArticlesOpt = DEFAULT_PTC / "dev-articles",
    labels: LabelsOpt = DEFAULT_PTC / "dev-task-flc-tc.labels",
    si_labels: SiLabelsOpt = None,
    predictions_dir: PredictionsDirOpt = None,
    json_out: JsonOutOpt = None,
    limit: LimitOpt = None,
    batch_size: BatchOpt = 16,
    quiet: QuietOpt = False,
) -> None:
    """Propaganda techniques: SI P/R/F1 with partial-overlap credit, TC micro/macro-F1.

    Scores as in SemEval-2020 Task 11 (Da San Martino et al.): SI merges overlapping spans
    and gives partial credit per span; TC labels every gold span. Also prints the speed of
    parsing and of the technique model in articles/s.
    """
    from ..evaluation.techniques import (
        evaluate_techniques,
        metric_tables,
        read_corpus,
        read_gold,
        write_predictions,
    )

    try:
        gold = read_gold(labels, si_labels)
        corpus = read_corpus(articles, limit=limit)
        with progress_bar(len(corpus), label="techniques", enabled=not quiet) as advance:
            result = evaluate_techniques(corpus, gold, batch_size=batch_size, advance=advance)
        for table in metric_tables(result):
            table.print()
        if predictions_dir is not None:
            paths = write_predictions(predictions_dir, result, with_tc=gold.tc is not None)
            stderr.print("predictions written to " + ", ".join(str(p) for p in paths))
        if json_out is not None:
            write_json(json_out, result.summary())
            stderr.print(f"metrics written to {json_out}")
    except NewsintError as exc:
        report_problem(exc)
        raise typer.Exit(1) from None
