"""Attach what the other components found to an event: place, date, count, route.

Places: the most specific place in the trigger's own clause (a place inside the actor's
name, "security forces of Turkey", only when nothing else is there), never from a different
clause of the sentence ("... had been preparing acts in Istanbul" does not place an arrest
in Istanbul). A participle modifying a noun ("published information on 5 detained
fighters") belongs to the clause of that noun, so the reporting clause's "Samsun province"
places that arrest. An event with no place of its own takes the place of an event told in
the sentence before it, in the same paragraph (:mod:`.extract`). Dates: the trigger's
clause, then the sentence, then the latest date written earlier in the same paragraph.
Counts: a ``people`` quantity inside the target's noun phrase (for movements, the mover's).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..model import Actor, DateMention, Place, Quantity, Route
from .syntax import clause_head, doc_text

#: lower is more specific
SPECIFICITY: dict[str | None, int] = {
    "city": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "water": 3,
    "country": 4,
    "continent": 5,
}


def specificity(place: Place) -> int:
    return SPECIFICITY.get(place.kind, 6)


@dataclass
class DocContext:
    """The doc's places, dates, quantities and routes, indexed for per-sentence lookups."""

    doc: Doc
    text: str
    places: Sequence[Place]
    dates: Sequence[DateMention]
    quantities: Sequence[Quantity]
    routes: Sequence[Route]
    token_starts: np.ndarray
    newlines: list[int]

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        text = doc_text(doc)
        return cls(
            doc,
            text,
            tuple(doc._.newsint_places or ()),
            tuple(doc._.newsint_dates or ()),
            tuple(doc._.newsint_quantities or ()),
            tuple(doc._.newsint_routes or ()),
            doc.to_array("IDX").astype(np.int64) if len(doc) else np.zeros(1, np.int64),
            [m.start() for m in re.finditer("\n", text)],
        )

    def token_at(self, char: int) -> Token:
        index = int(np.searchsorted(self.token_starts, char, side="right")) - 1
        return self.doc[min(max(0, index), len(self.doc) - 1)]

    def place_tokens(self) -> frozenset[int]:
        result: set[int] = set()
        for place in self.places:
            if place.lat is None:
                continue
            first = self.token_at(place.start).i
            last = self.token_at(max(place.start, place.end - 1)).i
            result.update(range(first, last + 1))
        return frozenset(result)

    def paragraph_start(self, char: int) -> int:
        index = bisect.bisect_left(self.newlines, char)
        return self.newlines[index - 1] + 1 if index > 0 else 0

    def in_span(self, items: Sequence[_Spanned], start: int, end: int) -> list[_Spanned]:
        return [item for item in items if start <= item.start and item.end <= end]


_Spanned = Place | DateMention | Quantity | Route


def _inside(item: Place | Quantity, actor: Actor | None) -> bool:
    return actor is not None and actor.start <= item.start and item.end <= actor.end


def place_for(
    ctx: DocContext,
    sent: Span,
    anchor: Token,
    trigger: Token,
    actor: Actor | None,
) -> Place | None:
    """The most specific place the trigger's clauses support (see the module docstring)."""
    candidates = [
        p
        for p in ctx.in_span(ctx.places, sent.start_char, sent.end_char)
        if isinstance(p, Place) and p.lat is not None and not p.metonymic
    ]
    if not candidates:
        return None
    clause = clause_head(anchor)
    here = [p for p in candidates if clause_head(ctx.token_at(p.start)) == clause]
    pool = [p for p in here if not _inside(p, actor)] or here
    if not pool:
        return None
    return min(pool, key=lambda p: (specificity(p), abs(p.start - trigger.idx)))


def date_for(ctx: DocContext, sent: Span, anchor: Token) -> tuple[DateMention | None, bool]:
    """The event's date and whether it was inherited from earlier in the paragraph."""
    dates = [
        d
        for d in ctx.in_span(ctx.dates, sent.start_char, sent.end_char)
        if isinstance(d, DateMention) and not d.open_end
    ]
    if dates:
        clause = clause_head(anchor)
        own = [d for d in dates if clause_head(ctx.token_at(d.start)) == clause]
        pool = own or dates
        return min(pool, key=lambda d: abs(d.start - anchor.idx)), False
    para = ctx.paragraph_start(sent.start_char)
    earlier = [
        d for d in ctx.dates if para <= d.start and d.end <= sent.start_char and not d.open_end
    ]
    return (earlier[-1], True) if earlier else (None, False)


def count_for(ctx: DocContext, phrase: tuple[int, int] | None) -> Quantity | None:
    """A people quantity inside the character range of the target's whole noun phrase."""
    if phrase is None:
        return None
    start, end = phrase
    for q in ctx.quantities:
        if q.kind != "people":
            continue
        noun_inside = q.noun_start is not None and start <= q.noun_start < end
        if start <= q.start and q.end <= end or noun_inside and start <= q.start < end + 40:
            return q
    return None


def phrase_chars(head: Token | None) -> tuple[int, int] | None:
    """Characters of ``head``'s noun phrase with numbers, without its clauses."""
    if head is None:
        return None
    tokens = [head]
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("relcl", "acl", "appos", "advcl") or tok.pos_ == "VERB":
            continue
        tokens.append(tok)
        stack.extend(tok.children)
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    doc = head.doc
    return doc[first].idx, doc[last].idx + len(doc[last])


def route_for(ctx: DocContext, sent: Span) -> Route | None:
    """A route whose text overlaps the sentence."""
    for route in ctx.routes:
        if route.start < sent.end_char and sent.start_char < route.end:
            return route
    return None
