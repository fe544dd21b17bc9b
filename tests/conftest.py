"""Shared fixtures. Data in ../shared is read, never copied; tests skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSINT_SHARED", ROOT.parent / "shared"))
REFERENCE = SHARED / "samples" / "isis-flee-to-turkey.txt"
PTC = SHARED / "data" / "ptc"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def shared_file(path: Path) -> Path:
    """``path`` under ../shared, or skip the test saying what is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data set is not next to this checkout)")
    return path


@pytest.fixture(scope="session")
def reference_text() -> str:
    return shared_file(REFERENCE).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_analysis(reference_text: str):  # type: ignore[no-untyped-def]
    from newsint import analyze

    return analyze(reference_text, published="2017-09-28")
