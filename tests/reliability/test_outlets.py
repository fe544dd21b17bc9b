"""Outlet identification, the built-in ratings table and user CSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsint.model import Article, Byline, Span
from newsint.reliability import (
    FACTUALITY_LEVELS,
    OutletRatings,
    RatingsFileError,
    identify_outlet,
    load_baly_tsv,
    load_ratings,
    normalise_host,
    normalise_name,
    read_ratings_csv,
    registrable_domain,
)
from newsint.reliability.outlets import BUILTIN_PATH, domain_candidates

from ..conftest import SHARED, shared_file

BALY = SHARED / "data" / "outlets" / "baly-emnlp18-corpus.tsv"
HEADER = "domain,name,factuality,bias,notes,source\n"


def _article(text: str = "Some text.", **fields: str) -> Article:
    return Article(id="x", text=text, **fields)


def _write(tmp_path: Path, body: str, name: str = "mine.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# --- domains ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("https://www.reuters.com/world/middle-east/x-2017-09-28/", "reuters.com"),
        ("http://m.bbc.co.uk/news/world", "bbc.co.uk"),
        ("amp.theguardian.com", "theguardian.com"),
        ("HTTPS://EDITION.CNN.COM:443/2017/09/28/x.html?y=1#z", "edition.cnn.com"),
        ("//www.rt.com/news/1/", "rt.com"),
        ("https://user:pw@www.aljazeera.com/news", "aljazeera.com"),
        ("https://www-bbc-com.cdn.ampproject.org/c/s/www.bbc.com/news", "bbc.com"),
        ("www.news.com.au.", "news.com.au"),
    ],
)
def test_host_is_normalised(raw: str, host: str) -> None:
    assert normalise_host(raw) == host


@pytest.mark.parametrize(
    "raw", ["", "   ", "Reuters", "http://", "localhost", "192.168.0.1", "a..b"]
)
def test_non_domains_give_none(raw: str) -> None:
    assert normalise_host(raw) is None


@pytest.mark.parametrize(
    ("raw", "registrable"),
    [
        ("edition.cnn.com", "cnn.com"),
        ("https://news.bbc.co.uk/2/hi/", "bbc.co.uk"),
        ("www.theaustralian.com.au", "theaustralian.com.au"),
        ("english.news.cn", "news.cn"),
        ("en.insidesyriamc.com", "insidesyriamc.com"),
        ("a.b.nzherald.co.nz", "nzherald.co.nz"),
        ("co.uk", None),
    ],
)
def test_registrable_domain(raw: str, registrable: str | None) -> None:
    assert registrable_domain(raw) == registrable


def test_candidates_go_from_host_to_registrable_domain() -> None:
    assert domain_candidates("https://live.news.sky.com/x") == [
        "live.news.sky.com",
        "news.sky.com",
        "sky.com",
    ]


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Guardian", "guardian"),
        ("Inside Syria Media Centre", "inside syria media center"),
        ("Al-Masdar News", "Al Masdar News"),
        ("Agence France‑Presse", "agence france presse"),
        ("insidesyriamediacenter", "Inside Syria Media Center"),
        ("Le Monde", "Lé Mondé"),
    ],
)
def test_names_that_match(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Sky", "Sky News"), ("Inside Syria", "Inside Syria Media Center")]
)
def test_news_and_media_center_words_are_kept(a: str, b: str) -> None:
    assert normalise_name(a) != normalise_name(b)


def test_builtin_lookup_by_alias_and_domain() -> None:
    ratings = load_ratings()
    ismc = ratings.by_name("ISMC")
    assert ismc is not None and ismc.name == "Inside Syria Media Center"
    assert ratings.by_name("the inside syria media centre") is ismc
    assert ratings.by_domain("https://en.insidesyriamc.com/2017/09/28/x/") is ismc
    assert ratings.by_name("insidesyriamc.com") is ismc
    assert ratings.by_name("Inside Syria") is None
    sputnik = ratings.by_domain("https://sputniknews.com/world/201709281057760/")
    assert sputnik is not None and ratings.by_name("Sputnik News") is sputnik
    assert ratings.by_domain("france24-tv.com") is not ratings.by_domain("www.france24.com")


# --- identification -----------------------------------------------------------------------


def test_url_wins_over_an_unrated_outlet_name() -> None:
    match = identify_outlet(_article(url="https://uk.reuters.com/article/x", outlet="Yahoo News"))
    assert match is not None and match.via == "url" and match.name == "Reuters"
    assert match.domain == "reuters.com" and match.rating is not None


def test_byline_names_the_rated_outlet_of_a_republished_article() -> None:
    text = "Body text here.\nJane Roe is a correspondent at Inside Syria Media Center."
    start = text.index("Inside")
    byline = Byline(
        text.split("\n")[1],
        text.index("Jane"),
        len(text),
        author=Span("Jane Roe", text.index("Jane"), text.index("Jane") + 8),
        outlet=Span("Inside Syria Media Center", start, start + 25),
    )
    article = _article(text=text, url="https://unrated-blog.example.org/post/1")
    match = identify_outlet(article, byline)
    assert match is not None and match.via == "byline"
    assert match.rating is not None and match.rating.factuality == "very_low"
    assert [text[e.start : e.end] for e in match.evidence] == ["Inside Syria Media Center"]


def test_unrated_outlet_is_reported_without_rating() -> None:
    match = identify_outlet(_article(url="https://www.some-local-paper.example/news/1"))
    assert match is not None and match.rating is None and match.name == "some-local-paper.example"
    assert identify_outlet(_article()) is None


# --- the built-in table -------------------------------------------------------------------


def test_builtin_table_is_complete_and_cited() -> None:
    rows = read_ratings_csv(BUILTIN_PATH)
    assert 40 <= len(rows) <= 80
    for row in rows:
        assert row.factuality in FACTUALITY_LEVELS, row.origin
        assert row.domains, f"{row.origin}: no domain"
        assert "http" in row.source or "report" in row.source.lower(), f"{row.origin}: no citation"
    names = [r.name for r in rows]
    for wanted in ("Reuters", "Associated Press", "Agence France-Presse", "BBC", "RT", "Sputnik"):
        assert wanted in names
    levels = {r.factuality for r in rows}
    assert {"high", "mixed", "low", "very_low"} <= levels


def test_builtin_names_do_not_collide() -> None:
    seen: dict[str, str] = {}
    for row in read_ratings_csv(BUILTIN_PATH):
        for name in (row.name, *row.aliases):
            key = normalise_name(name)
            owner = seen.setdefault(key, row.origin)
            assert owner == row.origin, f"{row.origin}: {name!r} also names the row at {owner}"


def test_persona_bylines_come_from_the_notes() -> None:
    ratings = load_ratings()
    owner = ratings.persona("Sophie Mangal")
    assert owner is not None and owner.name == "Inside Syria Media Center"
    assert ratings.persona("sophia  mangal") is owner
    assert ratings.persona("Jane Roe") is None


# --- user files ---------------------------------------------------------------------------


def test_user_csv_overrides_and_extends_builtin(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "# my ratings\n" + HEADER + "reuters.com,Reuters,mixed,center,disagree,my review 2024\n"
        "local-news.example,Local News,high,,,my review 2024\n",
    )
    builtin = load_ratings()
    ratings = load_ratings([path])
    assert len(ratings) == len(builtin) + 1
    reuters = ratings.by_domain("reuters.com")
    assert reuters is not None and reuters.factuality == "mixed" and reuters.origin.endswith(":3")
    assert ratings.by_name("Local News") is not None
    assert builtin.by_domain("reuters.com").factuality == "high"
    assert load_ratings([path], builtin=False).by_domain("bbc.com") is None


def test_later_files_win(tmp_path: Path) -> None:
    first = _write(tmp_path, HEADER + "x.example,X,low,,,a\n", "a.csv")
    second = _write(tmp_path, HEADER + "x.example,X,high,,,b\n", "b.csv")
    rating = load_ratings([first, second], builtin=False).by_name("X")
    assert rating is not None and rating.factuality == "high"


def test_columns_may_come_in_any_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "name,domain,source,notes,bias,factuality\nX,x.example,me,,,Mostly Factual\n"
    )
    (rating,) = read_ratings_csv(path)
    assert rating.factuality == "mostly_factual" and rating.domains == ("x.example",)


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (HEADER + "x.example,X,great,,,me\n", 2, "factuality must be one of"),
        (HEADER + "x.example,X,high\n", 2, "expected 6 fields"),
        (HEADER + "ok.example,OK,high,,,me\nnot a domain,Y,low,,,me\n", 3, "not a domain"),
        (HEADER + ",,low,,,me\n", 2, "needs a domain or a name"),
        (HEADER + "x.example,X,low,,,me\nx.example,X2,low,,,me\n", 3, "already listed on line 2"),
        (
            "domain,name,factuality\nx.example,X,low\n",
            1,
            "header lacks column(s) bias, notes, source",
        ),
        ("", 1, "empty ratings file"),
        (HEADER + 'x.example,"X,low,,,me\n', 2, "unexpected end of data"),
        (HEADER + 'x.example,"X"Y,low,,,me\n', 2, "',' expected after '\"'"),
    ],
)
def test_malformed_csv_names_file_and_line(
    tmp_path: Path, body: str, line: int, words: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(RatingsFileError) as info:
        load_ratings([path])
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message


def test_undecodable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "x.example,Caf\xe9,low,,,me\n").encode("latin-1"))
    with pytest.raises(RatingsFileError, match="codec can't decode") as info:
        load_ratings([path])
    assert str(info.value).startswith(f"{path}:")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RatingsFileError, match="cannot read"):
        load_ratings([tmp_path / "absent.csv"])


def test_ratings_error_is_a_config_error() -> None:
    from newsint.errors import ConfigError

    assert issubclass(RatingsFileError, ConfigError)


def test_add_replaces_entries_sharing_a_domain() -> None:
    ratings = load_ratings(builtin=False)
    path_rows = [
        {"domain": "a.example|b.example", "name": "AB", "factuality": "high"},
        {"domain": "b.example", "name": "B only", "factuality": "low"},
    ]
    from newsint.reliability.outlets import rating_from_row

    for i, row in enumerate(path_rows):
        ratings.add(rating_from_row(row, f"t:{i}"))
    assert len(ratings) == 1
    assert ratings.by_domain("a.example") is None and ratings.by_name("AB") is None
    assert isinstance(ratings, OutletRatings)


# --- the Baly et al. corpus (real data, not shipped) --------------------------------------


def test_baly_corpus_loads_and_every_outlet_is_found_by_url() -> None:
    path = shared_file(BALY)
    ratings = load_baly_tsv(path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(ratings) >= 0.98 * len(rows)
    missing = [
        r["source_url"]
        for r in rows
        if ratings.by_domain(r["source_url"].rstrip("/") + "/some/article.html?utm=x") is None
    ]
    assert not missing, missing[:5]
    cnn = ratings.by_domain("https://edition.cnn.com/2017/09/28/politics/x")
    assert cnn is not None and cnn.factuality == "mixed"


def test_baly_corpus_can_override_the_builtin_table() -> None:
    baly = load_baly_tsv(shared_file(BALY))
    merged = load_ratings()
    for rating in baly:
        merged.add(rating)
    rt = merged.by_domain("rt.com")
    assert rt is not None and rt.factuality == "mixed" and "Baly" in rt.source
    assert merged.by_name("Inside Syria Media Center") is not None  # not in the corpus: kept


def test_not_a_baly_file(tmp_path: Path) -> None:
    with pytest.raises(RatingsFileError, match=":1: not a Baly"):
        load_baly_tsv(_write(tmp_path, HEADER))
