"""Propaganda technique evaluation on the PTC corpus (SemEval-2020 Task 11, SI and TC).

The articles go through the real spaCy pipeline (the pretrained model with newsint's line
and section components), then ``TechniqueModel.predict`` gives the SI spans and
``TechniqueModel.classify_spans`` labels every gold span for TC. Scores come from
``newsint.techniques.scorer`` (SI with partial-overlap credit; TC micro/macro-F1).

Gold: ``--labels`` is a TC/FLC labels file (4 columns: SI gold is derived from its spans,
which after merging equals the official SI file) or an SI labels file (3 columns: SI only).
``--si-labels`` overrides the SI gold with an SI file. Every ``article<ID>.txt`` of the
articles folder is scored; an article without gold spans counts against precision only.
Speed is measured separately for parsing (spaCy) and for the technique model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..techniques.data import (
    GoldSpan,
    PtcArticle,
    has_techniques,
    read_articles,
    read_labels,
    si_from_tc,
    spans_by_article,
    write_si,
    write_tc,
)
from ..techniques.model import TechniqueModel, load_technique_model
from ..techniques.parsing import parse_texts
from ..techniques.scorer import SpanScore, TechniqueScore, intervals_by_article, score_si, score_tc
from .common import CorpusError, MetricTable, Timer


@dataclass(frozen=True, slots=True)
class TechniqueGold:
    """SI gold spans and, when the labels name techniques, the TC gold labels."""

    si: list[GoldSpan]
    tc: list[GoldSpan] | None


@dataclass
class TechniqueEval:
    """What one evaluation run measured and predicted."""

    articles: int
    words: int
    si: SpanScore
    tc: TechniqueScore | None
    parse_seconds: float
    model_seconds: float
    si_predictions: list[GoldSpan] = field(default_factory=list)
    tc_predictions: list[GoldSpan] = field(default_factory=list)
    model_info: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The metrics as a JSON-ready dict."""
        return {
            "articles": self.articles,
            "words": self.words,
            "si": self.si.as_dict(),
            "tc": self.tc.as_dict() if self.tc is not None else None,
            "speed": {
                "parse_articles_per_s": _rate(self.articles, self.parse_seconds),
                "model_articles_per_s": _rate(self.articles, self.model_seconds),
                "model_words_per_s": _rate(self.words, self.model_seconds),
                "end_to_end_articles_per_s": _rate(
                    self.articles, self.parse_seconds + self.model_seconds
                ),
            },
            "model": self.model_info,
        }


def _rate(count: int, seconds: float) -> float | None:
    return round(count / seconds, 2) if seconds > 0 else None


def read_gold(labels: Path, si_labels: Path | None = None) -> TechniqueGold:
    """Gold spans from a TC or SI labels file (and an optional SI file overriding SI)."""
    spans = _labels(labels)
    tc = spans if has_techniques(spans) else None
    si = si_from_tc(spans) if tc is not None else spans
    if si_labels is not None:
        si = _labels(si_labels)
        if has_techniques(si):
            si = si_from_tc(si)
    return TechniqueGold(si, tc)


def _labels(path: Path) -> list[GoldSpan]:
    if not path.exists():
        raise CorpusError(f"{path}: labels file not found (PTC labels ship in ../shared/data/ptc/)")
    return read_labels(path)


def read_corpus(folder: Path, limit: int | None = None) -> list[PtcArticle]:
    """The articles of ``folder`` sorted by id (the first ``limit`` only)."""
    if not folder.exists():
        raise CorpusError(f"{folder}: articles folder not found (PTC ships in ../shared/data/ptc/)")
    articles = read_articles(folder)
    return articles[:limit] if limit is not None else articles


def evaluate_techniques(
    articles: Sequence[PtcArticle],
    gold: TechniqueGold,
    *,
    model: TechniqueModel | None = None,
    batch_size: int = 16,
    advance: Callable[[], None] = lambda: None,
) -> TechniqueEval:
    """Parse, predict SI spans, classify the gold TC spans, and score both tasks."""
    model = model or load_technique_model()
    tc_gold = spans_by_article(gold.tc or [])
    parse_timer, model_timer = Timer(), Timer()
    parse_seconds = model_seconds = 0.0
    si_pred: list[GoldSpan] = []
    tc_pred: list[GoldSpan] = []
    words = 0
    docs = parse_texts([a.text for a in articles], batch_size=batch_size)
    for article in articles:
        parse_timer.start()
        doc = next(docs)
        parse_seconds += parse_timer.stop()
        words += sum(1 for token in doc if not (token.is_space or token.is_punct))
        model_timer.start()
        si_pred += _predict_si(model, doc, article.id)
        tc_pred += _predict_tc(model, doc, tc_gold.get(article.id, []))
        model_seconds += model_timer.stop()
        advance()
    ids = {a.id for a in articles}
    si_gold = [s for s in gold.si if s.article_id in ids]
    tc_score = None
    if gold.tc is not None:
        tc_score = score_tc(tc_pred, [s for s in gold.tc if s.article_id in ids])
    si_score = score_si(intervals_by_article(si_pred), intervals_by_article(si_gold))
    return TechniqueEval(
        len(articles), words, si_score, tc_score, parse_seconds, model_seconds,
        si_pred, tc_pred, model.info,
    )  # fmt: skip


def _predict_si(model: TechniqueModel, doc: Doc, article_id: str) -> list[GoldSpan]:
    spans = {(t.start, t.end) for t in model.predict(doc)}
    return [GoldSpan(article_id, start, end) for start, end in sorted(spans)]


def _predict_tc(model: TechniqueModel, doc: Doc, gold: Sequence[GoldSpan]) -> list[GoldSpan]:
    if not gold:
        return []
    labels = model.classify_spans(doc, [(s.start, s.end) for s in gold])
    return [
        GoldSpan(s.article_id, s.start, s.end, technique)
        for s, (technique, _score) in zip(gold, labels, strict=True)
    ]


def write_predictions(folder: Path, result: TechniqueEval, *, with_tc: bool) -> list[Path]:
    """``si.txt`` (and ``tc.txt`` when TC gold was given) in the official formats."""
    written = [folder / "si.txt"]
    write_si(written[0], result.si_predictions)
    if with_tc:
        written.append(folder / "tc.txt")
        write_tc(written[1], result.tc_predictions)
    return written


def metric_tables(result: TechniqueEval) -> list[MetricTable]:
    """The SI/TC summary table and, with TC gold, the per-technique F1 table."""
    summary = MetricTable(
        "Propaganda techniques (PTC, SemEval-2020 Task 11)",
        ["precision", "recall", "F1"],
        caption=f"{result.articles} articles, {result.words:,} words",
    )
    si = result.si
    summary.add(f"SI spans (partial overlap; {si.predicted} pred / {si.gold} gold)",
                si.precision, si.recall, si.f1)  # fmt: skip
    if result.tc is not None:
        tc = result.tc
        summary.add("TC micro", tc.micro_precision, tc.micro_recall, tc.micro_f1)
        summary.add("TC macro-F1", None, None, tc.macro_f1)
    speed = result.summary()["speed"]
    summary.section()
    summary.add("articles/s: parse (spaCy)", speed["parse_articles_per_s"], digits=1)
    summary.add("articles/s: technique model", speed["model_articles_per_s"], digits=1)
    summary.add("articles/s: end to end", speed["end_to_end_articles_per_s"], digits=1)
    tables = [summary]
    if result.tc is not None:
        tables.append(_per_technique(result.tc))
    return tables


def _per_technique(score: TechniqueScore) -> MetricTable:
    table = MetricTable("TC per technique", ["gold", "predicted", "precision", "recall", "F1"])
    for name, counts in score.per_technique.items():
        table.add(name, counts.tp + counts.fn, counts.tp + counts.fp,
                  counts.precision, counts.recall, counts.f1)  # fmt: skip
    return table
