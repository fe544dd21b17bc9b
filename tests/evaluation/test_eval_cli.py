"""``newsint eval geo`` through Typer's CliRunner: the real pipeline, a stub, errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsint.cli.eval import eval_app
from newsint.evaluation import geo
from newsint.model import Analysis, Article, PipelineInfo, Place
from newsint.pipeline import AnalysisFailedError

from ..conftest import SHARED, shared_file
from .corpora import write_geovirus, write_geowebnews

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(eval_app, ["geo", *args])


def test_help_lists_the_geo_task() -> None:
    result = runner.invoke(eval_app, ["--help"])
    assert result.exit_code == 0
    assert "geo" in result.stdout


def test_geo_on_a_tiny_corpus_with_the_real_pipeline(tmp_path: Path) -> None:
    corpus = write_geowebnews(tmp_path / "gwn.xml")
    preds, metrics = tmp_path / "out" / "preds.jsonl", tmp_path / "metrics.json"
    result = invoke("--corpus", str(corpus), "-p", str(preds), "--json-out", str(metrics), "-q")
    assert result.exit_code == 0, result.output
    assert "Geoparsing" in result.stdout and "accuracy@161 km" in result.stdout
    records = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in records] == ["0", "1"]
    for record in records:
        assert record["status"] == "ok"
        for place in record["predicted"]:  # whatever the geoparser finds today
            assert {"start", "end", "text", "name", "lat", "lon", "kind"} <= set(place)
        for gold in record["gold"]:
            assert gold["match"] in (None, "exact", "overlap")
    summary = json.loads(metrics.read_text())
    assert summary["articles"] == 2 and summary["format"] == "geowebnews"
    # Aleppo Syria Damascus Russian | Paris Seine; not "jets" nor the unusable "US"
    assert summary["subsets"]["all"]["gold"] == 6
    assert summary["subsets"]["literal"]["gold"] == 4
    assert summary["subsets"]["literal"]["gold_with_coordinates"] == 3
    assert summary["subsets"]["all"]["end_to_end"]["n"] == 5


def test_demonyms_option_scores_the_demonym_pipeline(tmp_path: Path) -> None:
    corpus = write_geowebnews(tmp_path / "gwn.xml")
    found = {}
    for flag in ((), ("--demonyms",)):
        preds = tmp_path / f"preds{len(flag)}.jsonl"
        result = invoke("--corpus", str(corpus), "-p", str(preds), "-q", *flag)
        assert result.exit_code == 0, result.output
        first = json.loads(preds.read_text(encoding="utf-8").splitlines()[0])
        found[bool(flag)] = {p["text"] for p in first["predicted"]}
    assert "Russian" not in found[False] and "Russian" in found[True]


def test_geo_limit_and_geovirus(tmp_path: Path) -> None:
    corpus = write_geovirus(tmp_path / "gv.xml")
    preds = tmp_path / "preds.jsonl"
    result = invoke("-c", str(corpus), "--limit", "1", "-p", str(preds), "-q")
    assert result.exit_code == 0, result.output
    assert len(preds.read_text(encoding="utf-8").splitlines()) == 1
    assert "geovirus" in result.stdout


def test_missing_corpus_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = invoke("--corpus", str(tmp_path / "nowhere.xml"))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error:") and "nowhere.xml" in lines[0]
    assert "../shared/data/geo/" in lines[0]
    assert "Traceback" not in result.output


def test_malformed_corpus_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<articles><article>", encoding="utf-8")
    result = invoke("--corpus", str(path))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


# --- the scoring plumbing with a stub geoparser ------------------------------------------


def perfect_pipeline(corpus: geo.GeoCorpus) -> Callable[..., Iterator[object]]:
    """A stub pipeline predicting every gold toponym with its gold coordinates.

    The article about the Seine fails, as a pipeline bug would.
    """
    by_text = {a.text: a for a in corpus.articles}
    info = PipelineInfo("test", "stub", ())

    def run(articles: Iterable[Article], **_options: object) -> Iterator[object]:
        for article in articles:
            if "Seine" in article.text:
                yield AnalysisFailedError(article.source or "?", "boom")
                continue
            places = tuple(
                Place(text=t.text, start=t.start, end=t.end, name=t.text, lat=t.lat, lon=t.lon)
                for t in by_text[article.text].toponyms
                if t.is_toponym
            )
            yield Analysis(article=article, pipeline=info, places=places)

    return run


def test_perfect_predictions_score_perfectly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_geowebnews(tmp_path / "gwn.xml")
    monkeypatch.setattr(geo, "run_pipeline", perfect_pipeline(geo.read_geo_corpus(corpus)))
    monkeypatch.setattr(geo, "warm_pipeline", lambda *a, **k: None)
    preds, metrics = tmp_path / "preds.jsonl", tmp_path / "metrics.json"
    result = invoke("-c", str(corpus), "-p", str(preds), "--json-out", str(metrics))
    assert result.exit_code == 0, result.output
    summary = json.loads(metrics.read_text())
    assert summary["status"] == {"ok": 1, "failed": 1}
    every, literal = summary["subsets"]["all"], summary["subsets"]["literal"]
    # article 1 failed: Paris and Seine count as misses; all of article 0 is found
    assert every["recognition"]["exact"] == {
        "tp": 4,
        "fp": 0,
        "fn": 2,
        "precision": 1.0,
        "recall": 0.6667,
        "f1": 0.8,
    }
    assert literal["predicted"] == 2  # Damascus and Russian are ignored for literal scores
    assert literal["recognition"]["overlap"]["precision"] == 1.0
    assert every["resolution"] == {
        "n": 4,
        "accuracy_161": 1.0,
        "mean_km": 0.0,
        "median_km": 0.0,
        "auc": 0.0,
    }
    assert every["end_to_end"]["accuracy_161"] == 0.8
    first, second = (json.loads(line) for line in preds.read_text().splitlines())
    assert second["status"].startswith("failed:") and second["predicted"] == []
    matched = {g["text"]: (g["match"], g["error_km"]) for g in first["gold"]}
    assert matched["Aleppo"] == ("exact", 0.0)
    assert matched["jets"] == (None, None)
    assert all(p["gold"] is not None for p in first["predicted"])
    assert "articles not analysed" in result.stdout


# --- the real corpus ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.shared
def test_geowebnews_first_five_articles(tmp_path: Path) -> None:
    corpus = shared_file(SHARED / "data" / "geo" / "GeoWebNews.xml")
    preds, metrics = tmp_path / "preds.jsonl", tmp_path / "metrics.json"
    result = invoke(
        "-c", str(corpus), "--limit", "5", "-p", str(preds), "--json-out", str(metrics), "-q"
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(metrics.read_text())
    assert summary["articles"] == 5 and summary["status"] == {"ok": 5}
    assert summary["alignment"]["mismatch"] == 0 and summary["alignment"]["realigned"] == 0
    assert summary["subsets"]["all"]["gold"] > summary["subsets"]["literal"]["gold"] > 0
    assert len(preds.read_text(encoding="utf-8").splitlines()) == 5
