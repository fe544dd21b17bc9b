"""Reading GeoWebNews and GeoVirus XML, format detection and offset alignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.evaluation.common import CorpusError
from newsint.evaluation.geo import align_span, read_geo_corpus

from .corpora import GV_TEXT, GWN_TEXTS, write_geovirus, write_geowebnews


def test_reads_geowebnews(tmp_path: Path) -> None:
    corpus = read_geo_corpus(write_geowebnews(tmp_path / "gwn.xml"))
    assert corpus.format == "geowebnews"
    assert [a.key for a in corpus.articles] == ["0", "1"]
    first = corpus.articles[0]
    assert first.text == GWN_TEXTS[0]
    assert first.title == "Title 0" and first.url == "http://example.org/0"
    types = {t.text: t.type for t in first.toponyms}
    assert types == {
        "Aleppo": "Literal",
        "Syria": "Literal",
        "Damascus": "Metonymic",
        "Russian": "Non_Literal_Modifier",
        "jets": "Non_Lit_Expression",
    }
    for toponym in first.toponyms:
        assert first.text[toponym.start : toponym.end] == toponym.text
    aleppo = next(t for t in first.toponyms if t.text == "Aleppo")
    assert (aleppo.lat, aleppo.lon, aleppo.geonameid) == (36.2, 37.16, 1)
    assert aleppo.is_literal and aleppo.is_toponym and aleppo.has_coordinates
    jets = next(t for t in first.toponyms if t.text == "jets")
    assert not jets.is_toponym and not jets.has_coordinates


def test_geowebnews_bad_offsets_are_dropped_and_counted(tmp_path: Path) -> None:
    corpus = read_geo_corpus(write_geowebnews(tmp_path / "gwn.xml"))
    second = corpus.articles[1]
    assert [t.text for t in second.toponyms] == ["Paris", "Seine"]
    assert second.dropped == 1 and corpus.dropped() == 1
    assert corpus.alignment_counts() == {"exact": 7, "realigned": 0, "mismatch": 0}


def test_reads_geovirus_with_shifted_and_nested_locations(tmp_path: Path) -> None:
    corpus = read_geo_corpus(write_geovirus(tmp_path / "gv.xml"))
    assert corpus.format == "geovirus"
    assert len(corpus.articles) == 2
    article = corpus.articles[0]
    assert article.url == "https://en.wikinews.org/wiki/Ebola" and article.title is None
    names = [t.text for t in article.toponyms]
    assert names == ["Kinshasa", "Goma", "Congo"]  # the nested Goma is kept; sorted by offset
    for toponym in article.toponyms:
        assert GV_TEXT[toponym.start : toponym.end] == toponym.text
        assert toponym.type == "Literal" and toponym.alignment == "realigned"
        assert toponym.has_coordinates
    assert corpus.alignment_counts() == {"exact": 0, "realigned": 3, "mismatch": 0}
    assert corpus.articles[1].toponyms == ()


def test_limit_reads_only_the_first_articles(tmp_path: Path) -> None:
    corpus = read_geo_corpus(write_geowebnews(tmp_path / "gwn.xml"), limit=1)
    assert len(corpus.articles) == 1


def test_align_span() -> None:
    text = "From Aleppo to Aleppo."
    assert align_span(text, 5, 11, "Aleppo") == (5, 11, "exact")
    assert align_span(text, 6, 12, "Aleppo") == (5, 11, "realigned")
    assert align_span(text, 14, 20, "Aleppo") == (15, 21, "realigned")
    assert align_span(text, 5, 11, "Raqqa") == (5, 11, "mismatch")
    far = "x" * 200 + "Aleppo"
    assert align_span(far, 0, 6, "Aleppo")[2] == "mismatch"


def test_missing_corpus_says_where_the_data_is(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found.*shared/data/geo"):
        read_geo_corpus(tmp_path / "GeoWebNews.xml")


def test_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<articles><article><text>oops</articles>", encoding="utf-8")
    with pytest.raises(CorpusError, match="not well-formed XML"):
        read_geo_corpus(path)


def test_xml_without_articles(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<rss><item>x</item></rss>", encoding="utf-8")
    with pytest.raises(CorpusError, match="no <article> elements"):
        read_geo_corpus(path)


def test_unknown_article_format(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<articles><article><body>x</body></article></articles>", encoding="utf-8")
    with pytest.raises(CorpusError, match="neither <toponyms>"):
        read_geo_corpus(path)
