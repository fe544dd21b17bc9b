"""Fixtures: the shipped technique model and docs parsed by the project pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsint.techniques.model import TechniqueModel, load_technique_model
from newsint.techniques.parsing import parse_texts


@pytest.fixture(scope="session")
def technique_model() -> TechniqueModel:
    return load_technique_model()


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Doc]:
    def run(text: str) -> Doc:
        (doc,) = parse_texts([text])
        return doc

    return run
