"""Parsing texts the way the article pipeline does, for training and evaluation.

The model must see the same docs in training as in production: the project's spaCy
pipeline, with its line component (every line starts a sentence) and sections. The
components the technique model does not read are switched off to save time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

UNUSED_COMPONENTS = ("newsint_entities", "newsint_dates", "newsint_quantities")


def parse_texts(texts: Sequence[str], batch_size: int = 16) -> Iterator[Doc]:
    """Docs of ``texts`` in order, from the process-wide newsint pipeline."""
    from ..api import get_pipeline  # late: the pipeline may import this package
    from ..config import Config

    nlp = get_pipeline(Config.from_env(batch_size=batch_size)).nlp
    disabled = [name for name in UNUSED_COMPONENTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        yield from nlp.pipe(texts, batch_size=batch_size)
