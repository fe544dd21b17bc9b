"""Geoparsing evaluation on GeoWebNews and GeoVirus, after Gritta et al. (2019).

Reference: M. Gritta, M. T. Pilehvar, N. Collier, "A Pragmatic Guide to Geoparsing
Evaluation", Language Resources and Evaluation 54 (2020); arXiv:1810.12368.

Corpora (both XML, format detected from the first ``<article>``):

* GeoWebNews: ``<article file=..>`` with ``<title>``, ``<link>``, ``<text>`` and
  ``<toponyms><toponym>`` holding ``<extractedName>``, ``<type>``, ``<start>``/``<end>``
  (character offsets into ``<text>``) and, for some, ``<geonamesID>``, ``<latitude>``,
  ``<longitude>``.
* GeoVirus: ``<article>`` with ``<source>``, ``<text>`` and ``<locations><location>``
  holding ``<name>``, ``<start>``/``<end>``, ``<lat>``, ``<lon>``, ``<page>``. Every location
  is a literal toponym. The file's offsets are one character too far right throughout, and
  three ``<location>`` elements are (wrongly) nested inside another: see alignment below.

Which annotations are toponyms. The pragmatic taxonomy of the paper splits GeoWebNews
annotations into groups; the paper's own counts (``dataset.py`` of its repository) use:

* literal toponyms (the place itself is meant): ``Literal``, ``Literal_Modifier``,
  ``Mixed``, ``Coercion``;
* associative toponyms (the place stands for something else: a government, a team, a
  people): ``Metonymic``, ``Non_Literal_Modifier``, ``Demonym``, ``Language``;
* not toponyms: ``Homonym`` (a person named "Jamison"), ``Embedded_Literal`` and
  ``Embedded_Non_Lit`` (a place name inside a larger name: "Louisiana Purchase"),
  ``Non_Toponym``, and the common-noun ``Literal_Expression``/``Non_Lit_Expression``
  annotations ("the city", "residents") that exist for NER training.

"all" scores use literal + associative toponyms as gold. "literal" scores use only the
literal ones; a prediction that overlaps an associative toponym there is neither a true nor
a false positive (it is ignored), so a tagger that also finds metonyms is not punished twice.

Metrics (per subset; all counts micro-averaged over the corpus):

* Recognition: precision, recall and F1 of predicted place spans against gold toponym
  spans, with one-to-one matching inside each article: "exact" needs identical character
  spans; "overlap" pairs spans that share at least one character, greedily preferring exact
  pairs, then the largest overlap, so two predictions overlapping one gold toponym give one
  true positive and one false positive.
* Resolution, over gold toponyms with coordinates that were recognised (overlap matching):
  error = great-circle distance (haversine, R = 6371.0088 km) between gold and predicted
  coordinates; a recognised place without coordinates counts as the maximum error
  (20,039 km). Accuracy@161 km = share of errors <= 161 km; mean and median error in km;
  AUC = area under the curve of the sorted errors scaled as ln(1 + e) / ln(20039) over
  x = 0..1 (trapezoid rule; capped at 1 so an unresolved place scores exactly 1) — the
  definition of Gritta et al.; 0 is perfect, lower is better.
* End-to-end: the same numbers over *all* gold toponyms with coordinates, an unrecognised
  toponym counting as a miss at the maximum error.

Alignment: each gold span is checked against ``text[start:end]``; when it does not match,
the nearest occurrence of the annotated phrase within 64 characters is used ("realigned");
when there is none the offsets are kept as given ("mismatch"). The counts are reported.
Annotations without usable offsets are dropped and counted (five in GeoWebNews, articles
123 and 255, have negative offsets that point into the headline of the original BRAT file).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..ingest import article_from_text
from ..model import Analysis, Article, Place
from .common import (
    PRF,
    CorpusError,
    JsonlWriter,
    MetricTable,
    Timer,
    haversine_km,
    mean,
    median,
    require_file,
    run_pipeline,
    warm_pipeline,
)

GeoFormat = Literal["geowebnews", "geovirus"]
Alignment = Literal["exact", "realigned", "mismatch"]
MatchMode = Literal["exact", "overlap"]

LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion"})
ASSOCIATIVE_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Demonym", "Language"})
TOPONYM_TYPES = LITERAL_TYPES | ASSOCIATIVE_TYPES
SUBSETS = ("all", "literal")
MAX_ERROR_KM = 20039.0  # half the Earth's circumference, the largest possible error
ACCURACY_KM = 161.0  # 100 miles
ALIGN_WINDOW = 64
CORPUS_HINT = " (the corpora live in ../shared/data/geo/: GeoWebNews.xml, GeoVirus.xml)"

Span = tuple[int, int]
# (start, end, lat, lon): a gold toponym or a predicted place, coordinates possibly missing
Located = tuple[int, int, float | None, float | None]


# --- corpus -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldToponym:
    text: str
    start: int
    end: int
    type: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    alignment: Alignment = "exact"

    @property
    def is_toponym(self) -> bool:
        return self.type in TOPONYM_TYPES

    @property
    def is_literal(self) -> bool:
        return self.type in LITERAL_TYPES

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None

    def located(self) -> Located:
        return (self.start, self.end, self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class GeoArticle:
    key: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()
    title: str | None = None
    url: str | None = None
    dropped: int = 0  # annotations without usable offsets


@dataclass(frozen=True)
class GeoCorpus:
    path: Path
    format: GeoFormat
    articles: tuple[GeoArticle, ...]

    @property
    def name(self) -> str:
        return self.path.stem

    def alignment_counts(self) -> dict[str, int]:
        counts = Counter(t.alignment for a in self.articles for t in a.toponyms)
        return {name: counts.get(name, 0) for name in ("exact", "realigned", "mismatch")}

    def dropped(self) -> int:
        return sum(a.dropped for a in self.articles)


def read_geo_corpus(path: Path, limit: int | None = None) -> GeoCorpus:
    """The articles of a GeoWebNews or GeoVirus XML file (the first ``limit`` of them)."""
    require_file(path, "geoparsing corpus", CORPUS_HINT)
    articles: list[GeoArticle] = []
    fmt: GeoFormat | None = None
    try:
        for element in _article_elements(path):
            fmt = fmt or detect_format(element)
            parse = _parse_geowebnews if fmt == "geowebnews" else _parse_geovirus
            articles.append(parse(element, len(articles)))
            if limit is not None and len(articles) >= limit:
                break
    except ET.ParseError as exc:
        raise CorpusError(f"{path}: not well-formed XML: {exc}") from exc
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if fmt is None:
        raise CorpusError(f"{path}: no <article> elements: not a GeoWebNews/GeoVirus file")
    return GeoCorpus(path, fmt, tuple(articles))


def _article_elements(path: Path) -> Iterator[ET.Element]:
    with path.open("rb") as handle:
        for _event, element in ET.iterparse(handle, events=("end",)):
            if element.tag == "article":
                yield element
                element.clear()


def detect_format(article: ET.Element) -> GeoFormat:
    """``geowebnews`` or ``geovirus`` from one ``<article>`` element."""
    if article.find("toponyms") is not None:
        return "geowebnews"
    if article.find("locations") is not None:
        return "geovirus"
    if article.get("file") is not None or article.find("link") is not None:
        return "geowebnews"
    if article.find("source") is not None:
        return "geovirus"
    raise CorpusError("<article> has neither <toponyms> (GeoWebNews) nor <locations> (GeoVirus)")


def _parse_geowebnews(element: ET.Element, index: int) -> GeoArticle:
    text = element.findtext("text") or ""
    gold = [
        _gold(text, item, "extractedName", "latitude", "longitude", item.findtext("type"))
        for item in element.iterfind("toponyms/toponym")
    ]
    kept = tuple(g for g in gold if g is not None)
    return GeoArticle(
        key=element.get("file") or str(index),
        text=text,
        toponyms=kept,
        title=_clean(element.findtext("title")),
        url=_clean(element.findtext("link")),
        dropped=len(gold) - len(kept),
    )


def _parse_geovirus(element: ET.Element, index: int) -> GeoArticle:
    text = element.findtext("text") or ""
    # iter(), not iterfind(): a few <location> elements are nested inside another one
    gold = [
        _gold(text, location, "name", "lat", "lon", "Literal")
        for locations in element.iterfind("locations")
        for location in locations.iter("location")
    ]
    kept = tuple(sorted((g for g in gold if g is not None), key=lambda g: (g.start, g.end)))
    return GeoArticle(
        key=str(index),
        text=text,
        toponyms=kept,
        url=_clean(element.findtext("source")),
        dropped=len(gold) - len(kept),
    )


def _gold(
    text: str, item: ET.Element, name_tag: str, lat_tag: str, lon_tag: str, kind: str | None
) -> GoldToponym | None:
    start, end = _int(item.findtext("start")), _int(item.findtext("end"))
    if start is None or end is None or not 0 <= start < end:
        return None
    phrase = item.findtext(name_tag) or text[start:end]
    start, end, alignment = align_span(text, start, end, phrase)
    lat, lon = _float(item.findtext(lat_tag)), _float(item.findtext(lon_tag))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    return GoldToponym(
        text=text[start:end] if alignment != "mismatch" else phrase,
        start=start,
        end=end,
        type=(kind or "").strip() or "Literal",
        lat=lat,
        lon=lon,
        geonameid=_int(item.findtext("geonamesID")),
        alignment=alignment,
    )


def align_span(
    text: str, start: int, end: int, phrase: str, window: int = ALIGN_WINDOW
) -> tuple[int, int, Alignment]:
    """``(start, end)`` moved onto ``phrase`` when the given offsets miss it.

    Returns the offsets unchanged with ``exact`` when ``text[start:end] == phrase``; the
    nearest occurrence of ``phrase`` starting within ``window`` characters with
    ``realigned``; else the given offsets with ``mismatch``.
    """
    if text[start:end] == phrase:
        return start, end, "exact"
    if phrase:
        low = max(0, start - window)
        best: int | None = None
        found = text.find(phrase, low, start + window + len(phrase))
        while found != -1:
            if best is None or abs(found - start) < abs(best - start):
                best = found
            found = text.find(phrase, found + 1, start + window + len(phrase))
        if best is not None:
            return best, best + len(phrase), "realigned"
    return start, end, "mismatch"


def _clean(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        number = float(value) if value and value.strip() else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


# --- pure metrics -------------------------------------------------------------------------


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], mode: MatchMode = "overlap"
) -> list[tuple[int, int]]:
    """One-to-one ``(gold_index, pred_index)`` pairs, sorted by gold index.

    ``exact``: identical spans. ``overlap``: spans sharing a character, chosen greedily by
    exactness, then overlap length, then closeness of the starts.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = _overlap(g, p)
            exact = tuple(g) == tuple(p)
            if exact or (mode == "overlap" and shared > 0):
                candidates.append((not exact, -shared, abs(g[0] - p[0]), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for *_rank, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def recognition(
    gold: Sequence[Span],
    pred: Sequence[Span],
    mode: MatchMode = "overlap",
    ignore: Sequence[Span] = (),
) -> PRF:
    """TP/FP/FN of predicted spans against gold spans (one article).

    An unmatched prediction that overlaps an ``ignore`` span is not counted at all.
    """
    pairs = match_spans(gold, pred, mode)
    matched = {pi for _gi, pi in pairs}
    ignored = sum(
        1
        for pi, p in enumerate(pred)
        if pi not in matched and any(_overlap(p, span) for span in ignore)
    )
    return PRF(tp=len(pairs), fp=len(pred) - len(pairs) - ignored, fn=len(gold) - len(pairs))


def point_error_km(gold: tuple[float, float], pred: tuple[float | None, float | None]) -> float:
    """Distance from the gold point to the predicted one; the maximum when unresolved."""
    if pred[0] is None or pred[1] is None:
        return MAX_ERROR_KM
    return min(MAX_ERROR_KM, haversine_km(gold[0], gold[1], pred[0], pred[1]))


def accuracy_at(errors: Sequence[float], km: float = ACCURACY_KM) -> float | None:
    """Share of errors within ``km`` (None for no errors)."""
    return sum(1 for e in errors if e <= km) / len(errors) if errors else None


def auc(errors: Sequence[float]) -> float | None:
    """Area under the sorted, log-scaled error curve (Gritta et al.): 0 best, 1 worst."""
    if not errors:
        return None
    scale = math.log(MAX_ERROR_KM)
    scaled = sorted(min(1.0, math.log1p(max(0.0, e)) / scale) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False))
    return area / (len(scaled) - 1)


def error_summary(errors: Sequence[float]) -> dict[str, float | int | None]:
    """n, accuracy@161 km, mean and median error (km) and AUC of a list of errors."""
    return {
        "n": len(errors),
        "accuracy_161": _round(accuracy_at(errors), 4),
        "mean_km": _round(mean(errors), 1),
        "median_km": _round(median(errors), 1),
        "auc": _round(auc(errors), 4),
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True)
class SpanEvaluation:
    """Scores of one article's predictions against one set of gold toponyms."""

    exact: PRF
    overlap: PRF
    pairs: tuple[tuple[int, int], ...]  # overlap matches (gold index, pred index)
    exact_pairs: frozenset[tuple[int, int]]
    resolution: tuple[float, ...]  # errors of recognised gold toponyms with coordinates
    end_to_end: tuple[float, ...]  # errors of all gold toponyms with coordinates
    errors: dict[int, float]  # gold index -> error km, for gold with coordinates


def evaluate_spans(
    gold: Sequence[Located], pred: Sequence[Located], ignore: Sequence[Span] = ()
) -> SpanEvaluation:
    """Recognition, resolution and end-to-end scores for one article (pure)."""
    gold_spans = [(g[0], g[1]) for g in gold]
    pred_spans = [(p[0], p[1]) for p in pred]
    pairs = match_spans(gold_spans, pred_spans, "overlap")
    matched = dict(pairs)
    errors: dict[int, float] = {}
    end_to_end: list[float] = []
    for gi, (_s, _e, lat, lon) in enumerate(gold):
        if lat is None or lon is None:
            continue
        pi = matched.get(gi)
        error = MAX_ERROR_KM if pi is None else point_error_km((lat, lon), pred[pi][2:4])
        end_to_end.append(error)
        if pi is not None:
            errors[gi] = error
    return SpanEvaluation(
        exact=recognition(gold_spans, pred_spans, "exact", ignore),
        overlap=recognition(gold_spans, pred_spans, "overlap", ignore),
        pairs=tuple(pairs),
        exact_pairs=frozenset(match_spans(gold_spans, pred_spans, "exact")),
        resolution=tuple(errors.values()),
        end_to_end=tuple(end_to_end),
        errors=errors,
    )


def select_subset(gold: Sequence[GoldToponym], subset: str) -> tuple[list[int], list[Span]]:
    """Indices of the gold annotations scored in ``subset``, and the spans to ignore."""
    if subset == "all":
        return [i for i, g in enumerate(gold) if g.is_toponym], []
    if subset == "literal":
        chosen = [i for i, g in enumerate(gold) if g.is_literal]
        ignore = [(g.start, g.end) for g in gold if g.is_toponym and not g.is_literal]
        return chosen, ignore
    raise ValueError(f"unknown subset {subset!r}: one of {', '.join(SUBSETS)}")


# --- articles and corpus scores -------------------------------------------------------------


@dataclass(frozen=True)
class ArticleEvaluation:
    article: GeoArticle
    places: tuple[Place, ...]
    subsets: dict[str, tuple[list[int], SpanEvaluation]]
    status: str = "ok"

    def record(self, corpus: str, index: int) -> dict[str, Any]:
        """The JSONL record: predictions, and gold toponyms with their match and error."""
        chosen, evaluation = self.subsets["all"]
        by_gold = {chosen[gi]: pi for gi, pi in evaluation.pairs}
        exact = {chosen[gi] for gi, _pi in evaluation.exact_pairs}
        errors = {chosen[gi]: e for gi, e in evaluation.errors.items()}
        by_pred = {pi: g for g, pi in by_gold.items()}
        return {
            "corpus": corpus,
            "index": index,
            "article": self.article.key,
            "title": self.article.title,
            "url": self.article.url,
            "status": self.status,
            "predicted": [_place_record(p, by_pred.get(i)) for i, p in enumerate(self.places)],
            "gold": [
                _gold_record(g, by_gold.get(i), i in exact, errors.get(i))
                for i, g in enumerate(self.article.toponyms)
            ],
        }


def _place_record(place: Place, gold_index: int | None) -> dict[str, Any]:
    fields = ("text", "start", "end", "name", "geonameid", "lat", "lon", "country_code")
    record = {name: getattr(place, name) for name in fields}
    record.update(kind=place.kind, confidence=place.confidence, gold=gold_index)
    return record


def _gold_record(
    gold: GoldToponym, pred_index: int | None, exact: bool, error: float | None
) -> dict[str, Any]:
    match = None if pred_index is None else ("exact" if exact else "overlap")
    return {
        "text": gold.text,
        "start": gold.start,
        "end": gold.end,
        "type": gold.type,
        "toponym": gold.is_toponym,
        "literal": gold.is_literal,
        "lat": gold.lat,
        "lon": gold.lon,
        "geonameid": gold.geonameid,
        "alignment": gold.alignment,
        "match": match,
        "predicted": pred_index,
        "error_km": None if error is None else round(error, 1),
    }


def evaluate_article(
    article: GeoArticle, places: Sequence[Place], status: str = "ok"
) -> ArticleEvaluation:
    """Score one article's predicted places on every subset."""
    pred: list[Located] = [(p.start, p.end, p.lat, p.lon) for p in places]
    subsets = {}
    for subset in SUBSETS:
        chosen, ignore = select_subset(article.toponyms, subset)
        gold = [article.toponyms[i].located() for i in chosen]
        subsets[subset] = (chosen, evaluate_spans(gold, pred, ignore))
    return ArticleEvaluation(article, tuple(places), subsets, status)


@dataclass
class SubsetScores:
    gold: int = 0
    with_coordinates: int = 0
    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    resolution: list[float] = field(default_factory=list)
    end_to_end: list[float] = field(default_factory=list)

    def add(self, evaluation: SpanEvaluation, gold: int) -> None:
        self.gold += gold
        self.with_coordinates += len(evaluation.end_to_end)
        self.exact += evaluation.exact
        self.overlap += evaluation.overlap
        self.resolution.extend(evaluation.resolution)
        self.end_to_end.extend(evaluation.end_to_end)

    def summary(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "gold_with_coordinates": self.with_coordinates,
            "predicted": self.overlap.tp + self.overlap.fp,
            "recognition": {"exact": self.exact.as_dict(), "overlap": self.overlap.as_dict()},
            "resolution": error_summary(self.resolution),
            "end_to_end": error_summary(self.end_to_end),
        }


@dataclass
class GeoScores:
    """Scores accumulated over a corpus, article by article."""

    articles: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    predicted: int = 0
    subsets: dict[str, SubsetScores] = field(
        default_factory=lambda: {name: SubsetScores() for name in SUBSETS}
    )

    def add(self, evaluation: ArticleEvaluation) -> None:
        self.articles += 1
        self.statuses[evaluation.status.split(":")[0]] += 1
        self.predicted += len(evaluation.places)
        for name, (chosen, span_evaluation) in evaluation.subsets.items():
            self.subsets[name].add(span_evaluation, len(chosen))

    def summary(self, corpus: GeoCorpus, seconds: float) -> dict[str, Any]:
        return {
            "task": "geo",
            "corpus": str(corpus.path),
            "format": corpus.format,
            "articles": self.articles,
            "status": dict(self.statuses),
            "annotations": sum(len(a.toponyms) for a in corpus.articles),
            "alignment": corpus.alignment_counts(),
            "dropped_annotations": corpus.dropped(),
            "predicted_places": self.predicted,
            "subsets": {name: scores.summary() for name, scores in self.subsets.items()},
            "seconds": round(seconds, 2),
            "articles_per_second": round(self.articles / seconds, 2) if seconds > 0 else None,
        }


def metric_table(summary: dict[str, Any]) -> MetricTable:
    """The metrics of ``GeoScores.summary`` as a table: one column per subset."""
    subsets = [summary["subsets"][name] for name in SUBSETS]
    align = summary["alignment"]
    table = MetricTable(
        title=f"Geoparsing — {Path(summary['corpus']).name} ({summary['format']})",
        columns=["all toponyms", "literal"],
        caption=(
            f"gold offsets: {align['exact']} exact, {align['realigned']} realigned, "
            f"{align['mismatch']} mismatched, {summary['dropped_annotations']} dropped; "
            "errors in km; AUC: lower is better; time excludes loading the model"
        ),
    )
    _count_rows(table, summary, subsets)
    for mode in ("exact", "overlap"):
        table.section()
        for metric in ("precision", "recall", "f1"):
            table.add(f"{metric} ({mode})", *[s["recognition"][mode][metric] for s in subsets])
    for part, label in (("resolution", "resolution"), ("end_to_end", "end-to-end")):
        table.section()
        _error_rows(table, label, [s[part] for s in subsets])
    table.section()
    table.add("time (s)", summary["seconds"], digits=1)
    table.add("articles/s", summary["articles_per_second"], digits=1)
    return table


def _count_rows(table: MetricTable, summary: dict[str, Any], subsets: list[Any]) -> None:
    status = summary["status"]
    failed = sum(n for name, n in status.items() if name != "ok")
    table.add("articles", summary["articles"])
    if failed:
        table.add("articles not analysed", failed)
    table.add("gold toponyms", *[s["gold"] for s in subsets])
    table.add("  with coordinates", *[s["gold_with_coordinates"] for s in subsets])
    table.add("predicted places", summary["predicted_places"])
    table.add("  counted (not ignored)", *[s["predicted"] for s in subsets])
    table.add("matched (exact)", *[s["recognition"]["exact"]["tp"] for s in subsets])
    table.add("matched (overlap)", *[s["recognition"]["overlap"]["tp"] for s in subsets])


def _error_rows(table: MetricTable, label: str, parts: list[Any]) -> None:
    table.add(f"{label}: toponyms scored", *[p["n"] for p in parts])
    table.add(f"{label}: accuracy@161 km", *[p["accuracy_161"] for p in parts])
    table.add(f"{label}: mean error km", *[p["mean_km"] for p in parts], digits=0)
    table.add(f"{label}: median error km", *[p["median_km"] for p in parts], digits=0)
    table.add(f"{label}: AUC", *[p["auc"] for p in parts])


# --- running an evaluation ------------------------------------------------------------------


def evaluate_corpus(
    corpus: GeoCorpus,
    *,
    batch_size: int = 32,
    jobs: int = 1,
    predictions: Path | None = None,
    advance: Callable[[], None] = lambda: None,
    demonym_places: bool = False,
) -> dict[str, Any]:
    """Run the real pipeline over ``corpus`` and return the metrics (``GeoScores.summary``).

    ``predictions`` receives one JSON line per article; ``advance`` is called after each.
    The model is loaded before the clock starts, so the time is analysis and scoring only.
    ``demonym_places`` runs the pipeline that also returns demonyms as places.
    """
    warm_pipeline(batch_size, jobs, demonym_places=demonym_places)
    scores = GeoScores()
    timer = Timer().start()
    with JsonlWriter(predictions) as writer:
        evaluations = _evaluations(corpus, batch_size, jobs, demonym_places)
        for index, evaluation in enumerate(evaluations):
            scores.add(evaluation)
            writer.write(evaluation.record(corpus.name, index))
            advance()
    return scores.summary(corpus, timer.stop())


def _evaluations(
    corpus: GeoCorpus, batch_size: int, jobs: int, demonym_places: bool
) -> Iterator[ArticleEvaluation]:
    sendable = (_as_article(corpus, a) for a in corpus.articles if a.text.strip())
    results = run_pipeline(
        sendable, batch_size=batch_size, jobs=jobs, demonym_places=demonym_places
    )
    for article in corpus.articles:
        if not article.text.strip():
            yield evaluate_article(article, (), "skipped: empty text")
            continue
        result = next(results)
        if isinstance(result, Analysis):
            yield evaluate_article(article, result.places)
        else:
            yield evaluate_article(article, (), f"failed: {result}")


def _as_article(corpus: GeoCorpus, article: GeoArticle) -> Article:
    return article_from_text(
        article.text,
        title=article.title,
        url=article.url,
        source=f"{corpus.path.name}#{article.key}",
    )


__all__ = [
    "ASSOCIATIVE_TYPES",
    "LITERAL_TYPES",
    "MAX_ERROR_KM",
    "TOPONYM_TYPES",
    "ArticleEvaluation",
    "GeoArticle",
    "GeoCorpus",
    "GeoScores",
    "GoldToponym",
    "SpanEvaluation",
    "accuracy_at",
    "align_span",
    "auc",
    "detect_format",
    "error_summary",
    "evaluate_article",
    "evaluate_corpus",
    "evaluate_spans",
    "match_spans",
    "metric_table",
    "point_error_km",
    "read_geo_corpus",
    "recognition",
    "select_subset",
]
