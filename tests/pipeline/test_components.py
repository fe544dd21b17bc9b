"""The registered components: names, order, and what each declares."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint import Config
from newsint.api import get_pipeline
from newsint.pipeline import COMPONENTS

EXPECTED = [
    "newsint_lines",
    "newsint_sections",
    "newsint_entities",
    "newsint_dates",
    "newsint_quantities",
    "newsint_places",
    "newsint_events",
    "newsint_claims",
    "newsint_techniques",
    "newsint_reliability",
]


def test_registered_names_are_pinned() -> None:
    assert [name for name, _ in COMPONENTS] == EXPECTED
    for name in EXPECTED:
        assert Language.has_factory(name), name


def test_pipeline_order_and_declarations() -> None:
    nlp = get_pipeline(Config()).nlp
    names = nlp.pipe_names
    assert names.index("newsint_lines") < names.index("parser")
    assert names[-(len(EXPECTED) - 1) :] == EXPECTED[1:]
    for name in EXPECTED:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, f"{name} declares nothing it assigns"
    assert "doc._.newsint_dates" in nlp.get_pipe_meta("newsint_dates").assigns
    assert "doc._.newsint_sections" in nlp.get_pipe_meta("newsint_quantities").requires


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "x", "ا" * 50, "A" * 3000])
def test_components_survive_odd_docs(text: str) -> None:
    nlp = get_pipeline(Config()).nlp
    doc = nlp(text)
    assert isinstance(doc._.newsint_sections, tuple)
    assert isinstance(doc._.newsint_dates, tuple)
