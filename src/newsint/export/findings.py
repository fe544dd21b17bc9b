""" "Key findings": the few lines of a brief an analyst reads first.

What happened (events that are neither denied nor hypothetical and carry a count, a place
or a date), the routes, figures credited to a named source, the hedges, the propaganda
techniques found and the reliability verdict's size: each line points at items that the
tables below list in full, so nothing here is new information, only a selection.
"""

from __future__ import annotations

from collections import Counter

from ..model import Analysis, Claim, Event
from .markdown import (
    actor_label,
    date_value,
    event_type,
    md_text,
    quantity_label,
    truncate,
)

MAX_EVENTS = 6
MAX_CLAIMS = 3


def _event_line(event: Event) -> str:
    parts = [event_type(event)]
    if event.count is not None:
        parts.append(quantity_label(event.count))
    if event.place is not None:
        parts.append(event.place.name or event.place.text)
    if event.date is not None:
        parts.append(date_value(event.date))
    if event.actor is not None:
        parts.append("by " + actor_label(event.actor))
    if event.hedged:
        parts.append("hedged")
    return " · ".join(parts)


def reported_events(analysis: Analysis) -> list[Event]:
    """Events reported as facts with a count, a place or a date; counted ones first."""
    found = [
        e
        for e in analysis.events
        if not (e.negated or e.hypothetical) and (e.count or e.place or e.date)
    ]
    counted = [e for e in found if e.count is not None]
    return (counted + [e for e in found if e.count is None])[:MAX_EVENTS]


def sourced_figures(analysis: Analysis) -> list[Claim]:
    """Claims credited to a named source that state a number."""
    numbers = [(q.start, q.end) for q in analysis.quantities]
    return [
        c
        for c in analysis.claims
        if c.attribution is not None
        and any(c.start <= a and b <= c.end for a, b in numbers)
        and "unnamed" not in c.attribution.source.lower()
    ][:MAX_CLAIMS]


def findings(analysis: Analysis) -> list[tuple[str, str]]:
    """(label, plain text) pairs, in reading order; empty when there is nothing to say."""
    found = [("What happened", _event_line(e)) for e in reported_events(analysis)]
    for route in analysis.routes[:3]:
        found.append(("Route", " → ".join(p.name or p.text for p in route.places)))
    for claim in sourced_figures(analysis):
        assert claim.attribution is not None
        label = f"Figure credited to {claim.attribution.source}"
        found.append((label, f"“{' '.join(truncate(claim.text, 220).split())}”"))
    cues = [cue.text for claim in analysis.claims for cue in claim.hedge_cues]
    if cues:
        found.append((f"Hedges ({len(cues)})", " · ".join(f"“{c}”" for c in dict.fromkeys(cues))))
    names = Counter(t.technique for t in analysis.techniques)
    if names:
        label = f"Propaganda techniques ({sum(names.values())} spans)"
        found.append((label, ", ".join(f"{n} ×{k}" for n, k in names.most_common())))
    return found


def findings_markdown(analysis: Analysis) -> str | None:
    """The "Key findings" section of the Markdown brief, or None when empty."""
    lines = [f"- **{md_text(label)}:** {md_text(text)}" for label, text in findings(analysis)]
    return "\n".join(["## Key findings", "", *lines]) if lines else None


__all__ = ["findings", "findings_markdown", "reported_events", "sourced_figures"]
