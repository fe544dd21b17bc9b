"""Cut long texts into pieces for the statistical components, at natural boundaries.

spaCy's tagger and parser need memory in proportion to the text length; a 1 MB
paragraph in one Doc costs gigabytes. Long texts are parsed in pieces of at most
``chunk_chars`` characters, cut after a line break, else after a sentence end, else
at a space, and the pieces are joined back into one Doc with identical text.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+")


def chunk_bounds(text: str, chunk_chars: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` ranges covering ``text``, each ≤ ``chunk_chars``."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > chunk_chars:
        end = _cut(text, start, start + chunk_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """The best cut in ``text[start:limit]``, no earlier than half-way."""
    floor = start + (limit - start) // 2
    newline = text.rfind("\n", floor, limit)
    if newline != -1:
        return newline + 1
    last_sentence = None
    for match in _SENTENCE_END.finditer(text, floor, limit):
        last_sentence = match.end()
    if last_sentence is not None:
        return last_sentence
    space = text.rfind(" ", floor, limit)
    return space + 1 if space != -1 else limit
