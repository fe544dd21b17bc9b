"""The Python API: analyze, analyze_many, and the reference article's facts."""

from __future__ import annotations

import datetime as dt

import pytest

import newsint
from newsint import Article, Config, EmptyInputError, analyze, analyze_many
from newsint.pipeline import Pipeline
from newsint.schema import validate_analysis


def test_public_surface() -> None:
    for name in newsint.__all__:
        assert hasattr(newsint, name), name


def test_reference_metadata(reference_analysis) -> None:  # type: ignore[no-untyped-def]
    article = reference_analysis.article
    assert article.title == "ISIS Militants and Commanders Flee to Turkey"
    assert article.author == "Sophie Mangal"
    assert article.outlet == "Inside Syria Media Center"
    assert article.published == dt.date(2017, 9, 28)
    validate_analysis(reference_analysis.to_dict())


def test_reference_dates(reference_analysis) -> None:  # type: ignore[no-untyped-def]
    dates = {d.text: d for d in reference_analysis.dates}
    assert dates["September 25"].value == "2017-09-25"
    assert dates["September 25"].granularity == "day"
    early = dates["early August"]
    assert (early.value, early.end_value) == ("2017-08-01", "2017-08-10")
    assert (dates["March 2017"].value, dates["March 2017"].end_value) == (
        "2017-03-01",
        "2017-03-31",
    )
    assert any(d.text.endswith("2015") and d.open_end for d in reference_analysis.dates)


def test_reference_counts(reference_analysis) -> None:  # type: ignore[no-untyped-def]
    people = [(q.value, q.noun) for q in reference_analysis.quantities if q.kind == "people"]
    for expected in [
        (36, "people"),
        (5, "detainees"),
        (5, "fighters"),
        (7, "jihadists"),
        (2, "jihadists"),
        (2, "supporters"),
    ]:
        assert expected in people, expected
    money = {q.value: q for q in reference_analysis.quantities if q.kind == "money"}
    assert money[81_000_000].noun == "incomes" and money[81_000_000].unit == "USD"
    assert money[10_000_000].noun == "incomes"
    assert money[50].per == "trip"


def test_captions_and_signoff_kept_out_of_counts(reference_analysis) -> None:  # type: ignore[no-untyped-def]
    outside = [
        (s.start, s.end) for s in reference_analysis.sections if s.kind in ("caption", "signoff")
    ]
    for item in (*reference_analysis.dates, *reference_analysis.quantities):
        assert not any(a <= item.start < b for a, b in outside), item


def test_year_inferred_without_published(reference_text: str) -> None:
    result = analyze(reference_text)
    sept = next(d for d in result.dates if d.text == "September 25")
    assert sept.value == "2017-09-25" and sept.inferred


def test_given_metadata_wins() -> None:
    result = analyze(
        "Some headline\nThe army said on Monday it had taken two villages.",
        title="Given title",
        outlet="Given outlet",
        published=dt.date(2020, 5, 6),
    )
    assert result.article.title == "Given title"
    assert result.article.outlet == "Given outlet"
    validate_analysis(result.to_dict())


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(EmptyInputError):
        analyze("  \n ")


def test_bad_published_date() -> None:
    with pytest.raises(newsint.ConfigError):
        analyze("Text here.", published="28/09/2017")


def test_analyze_many_keeps_order_and_ids() -> None:
    texts = [f"Report number {i}. Police arrested {i + 2} people in Ankara." for i in range(7)]
    results = list(analyze_many(texts, batch_size=3, published="2020-01-02"))
    assert [r.article.text for r in results] == texts
    assert len({r.article.id for r in results}) == 7
    assert [q.value for r in results for q in r.quantities if q.kind == "people"] == [
        i + 2 for i in range(7)
    ]


def test_analyze_many_in_two_processes_matches_one() -> None:
    texts = [f"On May {i + 1}, police detained {i + 3} suspects in Izmir." for i in range(6)]
    one = [r.to_dict() for r in analyze_many(texts, published="2021-06-01")]
    two = [
        r.to_dict() for r in analyze_many(texts, published="2021-06-01", n_process=2, batch_size=2)
    ]
    assert one == two


def test_long_text_is_parsed_in_pieces(reference_text: str) -> None:
    text = "\n".join([reference_text] * 12)
    article = newsint.ingest.article_from_text(text, published=dt.date(2017, 9, 28))
    chunked = Pipeline.load(Config(chunk_chars=5_000))
    (result,) = list(chunked.run([article]))
    assert isinstance(result, newsint.Analysis)
    validate_analysis(result.to_dict())
    whole = analyze(text, published="2017-09-28")
    assert [d.value for d in result.dates] == [d.value for d in whole.dates]
    assert len(result.dates) == 12 * len(analyze(reference_text, published="2017-09-28").dates)


def test_article_objects_pass_through() -> None:
    article = Article(id="given", text="Troops entered Mosul on June 3, 2017.", source="mine")
    (result,) = list(analyze_many([article]))
    assert result.article.source == "mine"
    assert result.dates[0].value == "2017-06-03"
