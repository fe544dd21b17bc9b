"""Check-worthiness evaluation on CLEF 2019 CheckThat! task 1 (English debates).

The CSV files in ``../shared/data/claims`` have one sentence a row: ``line_number``,
``speaker``, ``text``, ``label`` (1 = check-worthy) and ``file_name`` (the debate or speech).
As in the shared task, sentences are ranked by score within each debate; the primary metric
is the mean over debates of average precision (MAP); we also give R-precision and P@k
averaged over debates, and precision/recall/F1 of the positive class at the model's
threshold.

For orientation (from memory of the task overview, Atanasova et al., CLEF 2019; check the
paper before quoting): the best primary run, Copenhagen, reached MAP ≈ 0.166 on this test
set.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import PRF, CorpusError, JsonlWriter, MetricTable, _open_for_writing, require_file

DEFAULT_TRAIN = Path("../shared/data/claims/clef2019-checkworthy-train.csv")
DEFAULT_TEST = Path("../shared/data/claims/clef2019-checkworthy-test.csv")
REQUIRED_COLUMNS = ("line_number", "text", "label", "file_name")
#: published reference for the table's caption
CLEF2019_BEST_MAP = 0.166


@dataclass(frozen=True, slots=True)
class ClefSentence:
    """One labelled debate sentence."""

    debate: str
    line: int
    speaker: str
    text: str
    label: int


def read_clef_csv(path: Path, *, limit: int | None = None) -> list[ClefSentence]:
    """The sentences of a CLEF 2019 check-worthiness CSV, in file order."""
    require_file(path, "CLEF 2019 check-worthiness CSV")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}")
            rows: list[ClefSentence] = []
            for number, row in enumerate(reader, start=2):
                if limit is not None and len(rows) >= limit:
                    break
                rows.append(_sentence(path, number, row))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CorpusError(f"{path}: cannot read: {exc}") from exc
    if not rows:
        raise CorpusError(f"{path}: no sentences")
    return rows


def _sentence(path: Path, number: int, row: dict[str, str]) -> ClefSentence:
    try:
        label = int(row["label"])
        line = int(row["line_number"])
    except (TypeError, ValueError):
        raise CorpusError(f"{path}:{number}: label and line_number must be integers") from None
    if label not in (0, 1):
        raise CorpusError(f"{path}:{number}: label must be 0 or 1, not {label}")
    return ClefSentence(
        debate=row["file_name"] or "",
        line=line,
        speaker=row.get("speaker") or "",
        text=row["text"] or "",
        label=label,
    )


# --- ranking metrics ------------------------------------------------------------------------


def ranked_labels(scores: Sequence[float], labels: Sequence[int]) -> list[int]:
    """Labels in order of descending score; ties keep file order (a stable sort)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [labels[i] for i in order]


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision of one ranked list (0 when it has no positive)."""
    ranked = ranked_labels(scores, labels)
    positives = sum(ranked)
    if not positives:
        return 0.0
    hits, total = 0, 0.0
    for rank, label in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / positives


def r_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Precision at R, R being the number of positives."""
    ranked = ranked_labels(scores, labels)
    positives = sum(ranked)
    return sum(ranked[:positives]) / positives if positives else 0.0


def precision_at(k: int, scores: Sequence[float], labels: Sequence[int]) -> float:
    """Precision of the top ``k`` sentences."""
    ranked = ranked_labels(scores, labels)
    return sum(ranked[:k]) / k


def by_debate(sentences: Sequence[ClefSentence], scores: Sequence[float]) -> dict[str, Any]:
    """Per-debate (scores, labels) lists."""
    groups: dict[str, tuple[list[float], list[int]]] = defaultdict(lambda: ([], []))
    for sentence, score in zip(sentences, scores, strict=True):
        groups[sentence.debate][0].append(score)
        groups[sentence.debate][1].append(sentence.label)
    return dict(groups)


def mean_over_debates(
    metric: Callable[[Sequence[float], Sequence[int]], float],
    sentences: Sequence[ClefSentence],
    scores: Sequence[float],
) -> float:
    """``metric`` per debate, averaged over debates (as the CLEF scorer does)."""
    groups = by_debate(sentences, scores)
    values = [metric(s, y) for s, y in groups.values()]
    return sum(values) / len(values) if values else 0.0


def positive_prf(labels: Sequence[int], predicted: Sequence[bool]) -> PRF:
    """Counts for the positive (check-worthy) class."""
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    return PRF(tp, fp, fn)


def summarise(
    sentences: Sequence[ClefSentence], scores: Sequence[float], threshold: float
) -> dict[str, Any]:
    """All metrics of one run, as a JSON-ready dict."""
    labels = [s.label for s in sentences]
    prf = positive_prf(labels, [score >= threshold for score in scores])
    return {
        "sentences": len(sentences),
        "debates": len({s.debate for s in sentences}),
        "positives": sum(labels),
        "map": round(mean_over_debates(average_precision, sentences, scores), 4),
        "r_precision": round(mean_over_debates(r_precision, sentences, scores), 4),
        "p_at_5": round(
            mean_over_debates(lambda s, y: precision_at(5, s, y), sentences, scores), 4
        ),
        "p_at_10": round(
            mean_over_debates(lambda s, y: precision_at(10, s, y), sentences, scores), 4
        ),
        "threshold": round(threshold, 4),
        "positive_class": prf.as_dict(),
    }


# --- running and reporting ------------------------------------------------------------------


def evaluate_file(
    path: Path,
    *,
    model_path: Path | None = None,
    predictions: Path | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score every sentence of a CLEF CSV with the model and return the metrics."""
    from ..claims.checkworthiness import load_model

    model = load_model(model_path)
    sentences = read_clef_csv(path, limit=limit)
    scores = model.score([s.text for s in sentences])
    summary = summarise(sentences, scores, model.threshold)
    summary["corpus"] = str(path)
    summary["model"] = model.info
    if predictions is not None:
        write_predictions(predictions, sentences, scores, model.threshold)
    return summary


def write_predictions(
    path: Path, sentences: Sequence[ClefSentence], scores: Sequence[float], threshold: float
) -> None:
    """One line per sentence: TSV when ``path`` ends in .tsv, else JSON Lines."""
    if path.suffix.lower() == ".tsv":
        with _open_for_writing(path) as handle:
            handle.write("file_name\tline_number\tscore\tpredicted\tlabel\n")
            for s, score in zip(sentences, scores, strict=True):
                handle.write(f"{s.debate}\t{s.line}\t{score:.6f}\t{int(score >= threshold)}\t")
                handle.write(f"{s.label}\n")
        return
    with JsonlWriter(path) as writer:
        for s, score in zip(sentences, scores, strict=True):
            writer.write(
                {
                    "file_name": s.debate,
                    "line_number": s.line,
                    "text": s.text,
                    "score": round(score, 6),
                    "predicted": int(score >= threshold),
                    "label": s.label,
                }
            )


def metric_table(summary: dict[str, Any]) -> MetricTable:
    """The metrics as a table; the caption gives the shared task's best MAP."""
    table = MetricTable(
        title=f"Check-worthiness — {Path(summary.get('corpus', 'CLEF 2019')).name}",
        columns=("value",),
        digits=4,
        caption=f"CLEF 2019 CheckThat! task 1 best primary MAP ≈ {CLEF2019_BEST_MAP} "
        "(Copenhagen; from memory — see the task overview paper)",
    )
    table.add("debates", summary["debates"])
    table.add("sentences (check-worthy)", f"{summary['sentences']:,} ({summary['positives']:,})")
    table.section()
    table.add("MAP", summary["map"])
    table.add("R-precision", summary["r_precision"])
    table.add("P@5", summary["p_at_5"])
    table.add("P@10", summary["p_at_10"])
    table.section()
    positive = summary["positive_class"]
    table.add(f"precision (score ≥ {summary['threshold']})", positive["precision"])
    table.add("recall", positive["recall"])
    table.add("F1", positive["f1"])
    return table


__all__ = [
    "CLEF2019_BEST_MAP",
    "DEFAULT_TEST",
    "DEFAULT_TRAIN",
    "ClefSentence",
    "average_precision",
    "evaluate_file",
    "mean_over_debates",
    "metric_table",
    "positive_prf",
    "precision_at",
    "r_precision",
    "read_clef_csv",
    "summarise",
    "write_predictions",
]
