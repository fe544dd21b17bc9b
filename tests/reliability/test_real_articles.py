"""The score on real articles: the reference propaganda piece, PTC articles with their gold
technique spans standing in for the techniques component, and a synthetic wire story."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from newsint.ingest import article_from_text
from newsint.model import Analysis, Attribution, Claim, Reliability, Technique
from newsint.pipeline.sections import find_byline, find_sections
from newsint.reliability import score_analysis, score_reliability

from ..conftest import PTC, shared_file

# Synthetic: written for this test in the style of a wire report; not a real story.
NEUTRAL_WIRE = """Turkish police detain 36 suspects in Istanbul raids
ISTANBUL, Sept 28 (Newswire) - Turkish police detained 36 people in Istanbul on Monday on \
suspicion of links to Islamic State, the city's police department said in a statement.
Five of the detainees had taken part in fighting in Syria and Iraq, the statement said. \
Most of those detained were foreign nationals, according to the Istanbul governor's office.
A spokesman for the Interior Ministry said the suspects would appear before a court later \
this week. He declined to give their nationalities.
Turkey has detained hundreds of suspected Islamic State members since a 2017 New Year's \
attack on an Istanbul nightclub, the ministry said in an annual report.
(Reporting by Jane Roe; Editing by John Doe)
"""


def _signal(result: Reliability, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in result.signals if s.name == name)


# --- the reference article ----------------------------------------------------------------


def test_reference_article_is_low_with_the_sign_off_as_evidence(
    reference_analysis: Analysis,
) -> None:
    result = score_analysis(reference_analysis)
    assert result.label == "low", result
    outlet = _signal(result, "outlet_reputation")
    assert outlet.weight > 0 and outlet.value <= 0.2
    signoff = next(s for s in reference_analysis.sections if s.kind == "signoff")
    text = reference_analysis.article.text
    assert outlet.evidence, "the outlet signal must point at the sign-off"
    for span in outlet.evidence:
        assert signoff.start <= span.start < span.end <= signoff.end
        assert text[span.start : span.end] == span.text == "Inside Syria Media Center"
    byline = _signal(result, "byline")
    assert byline.value == 0.0 and [e.text for e in byline.evidence] == ["Sophie Mangal"]


def test_reference_article_stays_low_when_text_components_find_nothing(
    reference_analysis: Analysis,
) -> None:
    """The worst case for the outlet: claims and techniques analysed and all clean."""
    result = score_reliability(
        reference_analysis.article,
        byline=reference_analysis.byline,
        sections=reference_analysis.sections,
        claims=(),
        techniques=(),
        entities=reference_analysis.entities,
        unsourced_accusations=(),
    )
    assert result.label == "low", result


# --- a neutral wire story -----------------------------------------------------------------


def _neutral_claims(text: str) -> tuple[Claim, ...]:
    claims = []
    for sentence, source in (
        ("Turkish police detained 36 people", "the city's police department"),
        ("Five of the detainees had taken part", "the statement"),
        ("Most of those detained were foreign nationals", "the Istanbul governor's office"),
        ("the suspects would appear before a court", "A spokesman for the Interior Ministry"),
        ("Turkey has detained hundreds", "the ministry"),
    ):
        start = text.index(sentence)
        source_start = text.index(source)
        attribution = Attribution(source, source, source_start, source_start + len(source))
        claims.append(Claim(sentence, start, start + len(sentence), attribution))
    return tuple(claims)


def test_neutral_wire_story_is_not_low() -> None:
    from newsint import analyze

    analysis = analyze(NEUTRAL_WIRE, published="2017-09-28")
    plain = score_analysis(analysis)
    full = score_reliability(
        analysis.article,
        byline=analysis.byline,
        sections=analysis.sections,
        claims=_neutral_claims(analysis.article.text),
        techniques=(),
        entities=analysis.entities,
        unsourced_accusations=(),
    )
    assert plain.label in ("mixed", "high")
    assert full.label == "high", full
    assert _signal(full, "unattributed_claims").value > 0.5


def test_neutral_wire_story_from_a_rated_wire_is_high() -> None:
    from newsint import analyze

    analysis = analyze(NEUTRAL_WIRE, url="https://www.reuters.com/article/turkey-security-idUS")
    result = score_analysis(analysis)
    assert result.label == "high"
    assert "Reuters" in (_signal(result, "outlet_reputation").note or "")


# --- PTC articles with their gold technique spans -----------------------------------------


def _ptc_rows() -> list[tuple[float, Reliability]]:
    """(gold technique coverage, score) for every PTC train and dev article."""
    labels = shared_file(PTC / "train-task-flc-tc.labels")
    spans: dict[str, list[tuple[str, int, int]]] = collections.defaultdict(list)
    for path in (labels, PTC / "dev-task-flc-tc.labels"):
        for line in shared_file(path).read_text(encoding="utf-8").splitlines():
            article_id, technique, start, end = line.split("\t")
            spans[article_id].append((technique, int(start), int(end)))
    rows = []
    for path in sorted(PTC.glob("*-articles/article*.txt")):
        rows.append(_score_ptc(path, spans[path.stem.removeprefix("article")]))
    return rows


def _score_ptc(path: Path, gold: list[tuple[str, int, int]]) -> tuple[float, Reliability]:
    article = article_from_text(path.read_text(encoding="utf-8"), source=str(path))
    text = article.text
    techniques = tuple(Technique(t, text[s:e], s, e, 1.0) for t, s, e in gold)
    byline = find_byline(text)
    sections = find_sections(text, byline=byline)
    result = score_reliability(article, byline=byline, sections=sections, techniques=techniques)
    covered = len({i for _, s, e in gold for i in range(s, e)})
    return covered / len(text), result


@pytest.fixture(scope="module")
def ptc_rows() -> list[tuple[float, Reliability]]:
    return _ptc_rows()


def test_ptc_dense_propaganda_is_low_and_sparse_is_high(
    ptc_rows: list[tuple[float, Reliability]],
) -> None:
    """With no outlet known, the text signals alone separate the PTC articles by gold density."""
    assert len(ptc_rows) > 400
    ordered = sorted(ptc_rows, key=lambda row: row[0])
    quarter = len(ordered) // 4
    sparse = collections.Counter(r.label for _, r in ordered[:quarter])
    dense = collections.Counter(r.label for _, r in ordered[-quarter:])
    assert dense["low"] >= 0.75 * quarter and dense["high"] == 0, dense
    assert sparse["high"] >= 0.75 * quarter and sparse["low"] == 0, sparse


def test_ptc_gold_techniques_only_lower_scores() -> None:
    """Removing an article's gold spans never lowers its score; the spans are the evidence."""
    paths = sorted(shared_file(PTC / "dev-articles").glob("article*.txt"))
    gold: dict[str, list[tuple[str, int, int]]] = collections.defaultdict(list)
    for line in shared_file(PTC / "dev-task-flc-tc.labels").read_text().splitlines():
        article_id, technique, start, end = line.split("\t")
        gold[article_id].append((technique, int(start), int(end)))
    for path in paths:
        spans = gold[path.stem.removeprefix("article")]
        _, with_gold = _score_ptc(path, spans)
        _, without = _score_ptc(path, [])
        assert with_gold.score <= without.score
        text = path.read_text(encoding="utf-8")
        for span in _signal(with_gold, "technique_density").evidence:
            assert text[span.start : span.end] == span.text
