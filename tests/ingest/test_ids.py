from __future__ import annotations

import hashlib
import re

from newsint.ingest import article_id, normalise_text


def test_normalise_collapses_whitespace_and_strips() -> None:
    assert normalise_text("  Hello,\t\tworld\n\n again\u00a0now  ") == "Hello, world again now"


def test_normalise_applies_nfc_and_keeps_case() -> None:
    assert normalise_text("Cafe\u0301 US") == "Caf\u00e9 US"
    assert normalise_text("US") != normalise_text("us")


def test_article_id_is_sha256_prefix_of_normalised_text() -> None:
    assert article_id("hello") == hashlib.sha256(b"hello").hexdigest()[:16]
    assert article_id("hello") == "2cf24dba5fb0a30e"  # fixed: stable across runs/platforms
    assert re.fullmatch(r"[0-9a-f]{16}", article_id("Some article text."))


def test_same_text_with_different_whitespace_has_same_id() -> None:
    one = "Flood hits town\n\nHeavy rain fell on Thursday."
    other = "  Flood hits town \r\n Heavy   rain fell on\tThursday.\n"
    assert article_id(one) == article_id(other)


def test_nfc_and_nfd_have_same_id() -> None:
    assert article_id("S\u00e3o Paulo") == article_id("Sa\u0303o Paulo")


def test_different_text_has_different_id() -> None:
    assert article_id("Heavy rain fell on Thursday.") != article_id("Heavy rain fell on Friday.")
    assert article_id("Flood") != article_id("flood")


def test_lone_surrogate_does_not_crash() -> None:
    assert len(article_id("bad \ud800 text")) == 16
