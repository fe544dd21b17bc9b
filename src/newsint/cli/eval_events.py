"""``newsint eval events``: PLOVER event coding and CASE 2021 ACLED sub-event typing.

Registered by the CLI as a command of ``newsint eval`` (``eval_app.command("events")``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import NewsintError
from ..evaluation.common import (
    BatchOpt,
    JsonlWriter,
    JsonOutOpt,
    LimitOpt,
    PredictionsOpt,
    QuietOpt,
    limited,
    progress_bar,
    write_json,
)
from ..evaluation.events import DEFAULT_CASE, DEFAULT_PLOVER
from .output import report_problem, stderr

PloverOpt = Annotated[
    Path,
    typer.Option(
        "--plover",
        help="PLOVER gold-standard records (JSON); relative paths are taken from the current "
        "folder. Ships in ../shared/data/events/.",
    ),
]
CaseOpt = Annotated[
    Path,
    typer.Option(
        "--case",
        help="CASE 2021 task 2 snippets (TSV); its case2021-task2-event-types.txt beside it "
        "defines the 25-type setting.",
    ),
]
OnlyOpt = Annotated[
    str | None,
    typer.Option("--only", help="Run one corpus: 'plover' or 'case' (default: both)."),
]
FoldsOpt = Annotated[
    int, typer.Option("--folds", min=2, max=20, help="Cross-validation folds for the classifier.")
]


def eval_events_command(
    plover: PloverOpt = DEFAULT_PLOVER,
    case: CaseOpt = DEFAULT_CASE,
    predictions: PredictionsOpt = None,
    json_out: JsonOutOpt = None,
    only: OnlyOpt = None,
    folds: FoldsOpt = 5,
    limit: LimitOpt = None,
    batch_size: BatchOpt = 32,
    quiet: QuietOpt = False,
) -> None:
    """Event coding: PLOVER type accuracy and actor/target P/R/F1; CASE 2021 ACLED sub-event
    accuracy, macro-F1 and weighted F1 — the keyword baseline beside the method.

    The rules are scored without training; the CASE classifier only by k-fold
    cross-validation (every snippet predicted by a model that never saw it). The shipped
    sub-event model was trained on the CASE file, so it is never scored on it.
    """
    if only not in (None, "plover", "case"):
        raise typer.BadParameter("must be 'plover' or 'case'", param_hint="--only")
    try:
        summary = _run(plover, case, predictions, only, folds, limit, batch_size, quiet)
    except NewsintError as exc:
        report_problem(exc)
        raise typer.Exit(1) from None
    from ..evaluation.events import metric_tables

    for table in metric_tables(summary):
        table.print()
    if "case" in summary:
        typer.echo(shipped_model_line(summary["case"].get("shipped_model", {})))
    if json_out is not None:
        write_json(json_out, summary)
        stderr.print(f"metrics written to {json_out}")
    if predictions is not None:
        stderr.print(f"predictions written to {predictions}")


def shipped_model_line(note: dict[str, Any]) -> str:
    """One honest sentence about the shipped model: not scored on CASE, its training CV."""
    line = (
        "Shipped ACLED sub-event model: trained on the CASE file, so not scored on it here; "
        "the classifier columns are cross-validated."
    )
    cv = note.get("info", {}).get("cv", {}).get("types25") or {}
    if cv:
        line += (
            f" Its own {note['info'].get('cv_folds', '?')}-fold CV when trained: 25 types "
            f"weighted F1 {cv['weighted_f1']:.3f}, macro F1 {cv['macro_f1']:.3f}."
        )
    if "error" in note:
        line += f" (model not readable: {note['error']})"
    return line


def _run(
    plover: Path,
    case: Path,
    predictions: Path | None,
    only: str | None,
    folds: int,
    limit: int | None,
    batch_size: int,
    quiet: bool,
) -> dict[str, Any]:
    from ..evaluation.events import (
        evaluate_case,
        evaluate_plover,
        read_case,
        read_case_types,
        read_plover_gsr,
    )

    summary: dict[str, Any] = {}
    with JsonlWriter(predictions) as writer:
        if only in (None, "plover"):
            records = list(limited(read_plover_gsr(plover), limit))
            with progress_bar(len(records), label="PLOVER GSR", enabled=not quiet) as advance:
                summary["plover"] = evaluate_plover(
                    records, batch_size=batch_size, writer=writer, advance=advance
                )
        if only in (None, "case"):
            rows = list(limited(read_case(case), limit))
            with progress_bar(len(rows), label="CASE 2021", enabled=not quiet) as advance:
                summary["case"] = evaluate_case(
                    rows,
                    read_case_types(case),
                    batch_size=batch_size,
                    folds=folds,
                    writer=writer,
                    advance=advance,
                )
    return summary


__all__ = ["eval_events_command", "shipped_model_line"]
