"""Parsing texts the way the article pipeline does, for training and evaluation.

The model must see the same docs in training as in production: the project's spaCy
pipeline, with its line component (every line starts a sentence) and sections. The
components the technique model does not read are switched off to save time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

#: the model reads the parse, the lines and the sections only; the technique component
#: itself must not run (a retrained model's features may not fit the shipped one)
NEEDED_COMPONENTS = ("newsint_lines", "newsint_sections")


def parse_texts(texts: Sequence[str], batch_size: int = 16) -> Iterator[Doc]:
    """Docs of ``texts`` in order, from the process-wide newsint pipeline."""
    from ..api import get_pipeline  # late: the pipeline may import this package
    from ..config import Config

    nlp = get_pipeline(Config.from_env(batch_size=batch_size)).nlp
    disabled = [
        name
        for name in nlp.pipe_names
        if name.startswith("newsint_") and name not in NEEDED_COMPONENTS
    ]
    with nlp.select_pipes(disable=disabled):
        yield from nlp.pipe(texts, batch_size=batch_size)
