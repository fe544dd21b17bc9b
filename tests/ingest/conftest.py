"""Fixtures for the ingest tests: sample HTML and a small real PNG."""

from __future__ import annotations

import pytest

from .samples import NEWS_HTML, png_bytes


@pytest.fixture
def news_html() -> str:
    return NEWS_HTML


@pytest.fixture
def png() -> bytes:
    return png_bytes()
