"""``newsint eval claims``: check-worthiness MAP and positive-class F1 on CLEF 2019."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import NewsintError
from ..evaluation.claims import DEFAULT_TEST
from ..evaluation.common import JsonOutOpt, LimitOpt, write_json
from .output import report_problem, stderr

TestOpt = Annotated[
    Path,
    typer.Option(
        "--test",
        "-t",
        help="CLEF 2019 check-worthiness CSV (line_number, speaker, text, label, file_name); "
        "relative paths are taken from the current folder.",
    ),
]
ClaimsPredictionsOpt = Annotated[
    Path | None,
    typer.Option(
        "--predictions",
        "-p",
        help="Write one score per sentence here: TSV if the name ends in .tsv, else JSON Lines.",
    ),
]
ModelOpt = Annotated[
    Path | None,
    typer.Option("--model", "-m", help="Model file (default: the one shipped with newsint)."),
]


def eval_claims_command(
    test: TestOpt = DEFAULT_TEST,
    predictions: ClaimsPredictionsOpt = None,
    json_out: JsonOutOpt = None,
    model: ModelOpt = None,
    limit: LimitOpt = None,
) -> None:
    """Check-worthiness: MAP over debates (CLEF 2019 task 1 primary metric), P/R/F1.

    Ranks the sentences of each debate by the model's score, as the shared task did, and
    reports MAP, R-precision, P@5, P@10, and precision/recall/F1 of the check-worthy class
    at the model's threshold. --limit takes the first N sentences.
    """
    from ..evaluation.claims import evaluate_file, metric_table

    try:
        summary = evaluate_file(test, model_path=model, predictions=predictions, limit=limit)
        metric_table(summary).print()
        if json_out is not None:
            write_json(json_out, summary)
            stderr.print(f"metrics written to {json_out}")
        if predictions is not None:
            stderr.print(f"predictions written to {predictions} ({summary['sentences']} sentences)")
    except NewsintError as exc:
        report_problem(exc)
        raise typer.Exit(1) from None
