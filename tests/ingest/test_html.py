from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from newsint.errors import EmptyInputError
from newsint.ingest.html import article_from_html, looks_like_html, parse_date
from newsint.ingest.ids import article_id


def test_main_text_and_metadata(news_html: str) -> None:
    article = article_from_html(news_html, source="page.html")
    assert "Heavy rain caused the river to burst its banks" in article.text
    assert "Forecasters expect more rain" in article.text
    assert article.title == "Flood hits riverside town"
    assert article.author == "Jane Doe"
    assert article.published == dt.date(2017, 9, 28)
    assert article.outlet == "Daily Bugle"
    assert article.source == "page.html"
    assert article.id == article_id(article.text)


def test_scripts_styles_and_boilerplate_are_left_out(news_html: str) -> None:
    text = article_from_html(news_html, source="page.html").text
    for leaked in ("alert", "<script", "color: red", "display: none", "All rights reserved"):
        assert leaked not in text
    assert "World news" not in text  # navigation


def test_url_given_is_kept(news_html: str) -> None:
    article = article_from_html(news_html, source="p", url="https://example.org/flood")
    assert article.url == "https://example.org/flood"


def test_canonical_url_from_the_page() -> None:
    html = (
        '<html><head><link rel="canonical" href="https://example.org/a/1"></head>'
        "<body><p>The council approved the new budget on Monday after a long debate.</p>"
        "</body></html>"
    )
    assert article_from_html(html, source="p").url == "https://example.org/a/1"


def test_small_fragment_still_gives_its_text() -> None:
    article = article_from_html("<p>Hello world.</p>", source="frag")
    assert article.text == "Hello world."


def test_fragment_fallback_drops_scripts() -> None:
    html = "<p>One.</p><script>alert(1)</script><style>p{}</style><p>Two.</p>"
    text = article_from_html(html, source="frag").text
    assert "One." in text and "Two." in text
    assert "alert" not in text and "p{}" not in text


@pytest.mark.parametrize(
    "html",
    ["<html><body><script>alert(1)</script></body></html>", "<html><body></body></html>"],
)
def test_no_text_is_an_empty_input_error(html: str) -> None:
    with pytest.raises(EmptyInputError) as info:
        article_from_html(html, source="blank.html")
    assert info.value.source == "blank.html"


def test_page_without_metadata_has_none() -> None:
    html = "<html><body><p>The minister resigned on Monday after protests.</p></body></html>"
    article = article_from_html(html, source="p")
    assert article.text == "The minister resigned on Monday after protests."
    assert (article.author, article.outlet, article.published) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body>x</body></html>",
        "  \n<html lang='en'>",
        "<p>Paragraph</p>",
        "<?xml version='1.0'?>\n<!DOCTYPE html>",
        "<!-- saved page -->\n<div class='a'>x</div>",
        "\ufeff<html>",
        "Some preamble\n<html><body>x</body></html>",
    ],
)
def test_looks_like_html(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Flood hits town\n\nHeavy rain fell.",
        "Prices rose 5% <in some places> and fell in others.",
        "a < b and c > d",
        '{"text": "<p>hi</p>"}',
        "<Breaking> Flood hits town",
    ],
)
def test_does_not_look_like_html(text: str) -> None:
    assert not looks_like_html(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-09-28", dt.date(2017, 9, 28)),
        ("2017-09-28T10:00:00Z", dt.date(2017, 9, 28)),
        ("2017-09-28 10:00:00+02:00", dt.date(2017, 9, 28)),
        (dt.datetime(2017, 9, 28, 10), dt.date(2017, 9, 28)),
        ("28 September 2017", None),
        ("2017-13-45", None),
        ("", None),
        (None, None),
        (12345, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_trafilatura_is_imported_lazily() -> None:
    code = "import sys, newsint.ingest; print('trafilatura' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"
