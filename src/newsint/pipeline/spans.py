"""Helpers over character ranges shared by components."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from ..model import Section

#: section kinds whose text is analysed for dates, counts, events and claims
ANALYSED_KINDS = frozenset({"title", "body"})


def analysed_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the headline and body (captions and sign-off left out)."""
    sections: Sequence[Section] = doc._.newsint_sections
    if not sections:
        return [(0, len(doc.text))]
    return [(s.start, s.end) for s in sections if s.kind in ANALYSED_KINDS]


def inside(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """True when ``start..end`` lies wholly within one of ``ranges``."""
    return any(a <= start and end <= b for a, b in ranges)
