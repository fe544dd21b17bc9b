"""Fixtures of the web tests: one analysed test corpus per session, the app over it, and
real uvicorn servers on free loopback ports (for the browser and raw-HTTP tests)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install 'newsint[web]')")
pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install 'newsint[web]')")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from newsint.web import create_app  # noqa: E402

from .corpus import WebCorpus, build_corpus  # noqa: E402
from .server import LiveServer, serve  # noqa: E402


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> WebCorpus:
    return build_corpus(tmp_path_factory.mktemp("web") / "corpus.db")


@pytest.fixture(scope="session")
def app(corpus: WebCorpus) -> FastAPI:
    return create_app(corpus.path)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(corpus: WebCorpus) -> Iterator[LiveServer]:
    yield from serve(create_app(corpus.path))


@pytest.fixture(scope="session")
def analyze_server(
    corpus: WebCorpus, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A server with --allow-analyze over a copy of the corpus (the test adds to it)."""
    copy = tmp_path_factory.mktemp("web-analyze") / "corpus.db"
    shutil.copyfile(corpus.path, copy)
    yield from serve(create_app(copy, allow_analyze=True))
