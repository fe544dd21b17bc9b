"""Described movements -> ordered place sequences (``Route``) with a GeoJSON LineString.

What is emitted, in text order:

* **chains**: places joined only by dashes ("Ash Shaddadi – Al Hasakah – Tall Tamr");
* **from/to**: "from X (via|through Y)* to|into|towards Z" within one sentence;
* **continuations**: in a sentence with a movement verb ("reach", "flee", "cross"...) and
  within three sentences of a chain or from/to route in the same paragraph, each
  destination ("reach the border-towns of A and B", "towards C", "cross the border at D")
  continues that route: one two-place route *last place of the route -> destination* per
  destination, since destinations joined by "and"/"or" are alternatives, not stops.
  Its text is the clause from the movement cue to the destination.

A route needs at least two places with coordinates; unresolved places stay in ``places``
but are left out of the geometry.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Place, Route
from .accept import dashed
from .mentions import Mention

_ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?-i:[a-z][\w\-]*)\s+){0,2}?(?:of\s+)?$", re.IGNORECASE
)
_VIA = re.compile(
    r"\b(?:via|through|by way of|passing)\s+(?:the\s+)?(?:(?-i:[a-z][\w\-]*)\s+){0,2}?(?:of\s+)?$",
    re.IGNORECASE,
)
_DESTINATION = re.compile(
    r"\b(?:to|into|towards?|reach(?:ed|es|ing)?|at|enter(?:ed|ing|s)?)\s+(?:the\s+)?"
    r"(?:(?-i:[a-z][\w\-]*)\s+){0,2}?(?:of\s+)?$",
    re.IGNORECASE,
)
_MOVEMENT = re.compile(
    r"\b(?:reach\w*|fle[ed]\w*|fled|cross\w*|head\w*|mov(?:e|es|ed|ing)|travel\w*|go|goes|"
    r"went|going|escap\w*|enter\w*|smuggl\w*|transferr?\w*|relocat\w*|return\w*|march\w*|"
    r"advanc\w*|driv\w*|drove|walk\w*|sail\w*|withdr\w*|retreat\w*|evacuat\w*|transit\w*|"
    r"pass(?:es|ed|ing)?|route\w*|way)\b",
    re.IGNORECASE,
)
_AND = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*$", re.IGNORECASE)
CONTINUATION_SENTENCES = 3


@dataclass(slots=True)
class _Item:
    mention: Mention
    place: Place
    paragraph: int


def find_routes(text: str, items: Sequence[tuple[Mention, Place]]) -> list[Route]:
    """Routes described in ``text`` over its resolved place mentions (in text order)."""
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    entries = [_Item(m, p, bisect.bisect_left(breaks, m.start)) for m, p in items]
    entries.sort(key=lambda e: e.mention.start)
    main = _chains(text, entries) + _from_to(text, entries)
    main.sort(key=lambda r: r[0].mention.start)
    routes = [_route(text, stops) for stops in main]
    routes.extend(_continuations(text, entries, main))
    found = [r for r in routes if r is not None]
    return sorted(found, key=lambda r: (r.start, r.end))


def _chains(text: str, items: list[_Item]) -> list[list[_Item]]:
    chains: list[list[_Item]] = []
    current: list[_Item] = []
    for item in items:
        if current and dashed(text, current[-1].mention, item.mention):
            current.append(item)
            continue
        if len(current) > 1:
            chains.append(current)
        current = [item]
    if len(current) > 1:
        chains.append(current)
    return chains


def _before(text: str, item: _Item, width: int = 50) -> str:
    return text[max(0, item.mention.start - width) : item.mention.start]


def _from_to(text: str, items: list[_Item]) -> list[list[_Item]]:
    routes: list[list[_Item]] = []
    for i, origin in enumerate(items):
        if not _ORIGIN.search(_before(text, origin)):
            continue
        stops = [origin]
        for later in items[i + 1 :]:
            if later.mention.sentence != origin.mention.sentence:
                break
            before = _before(text, later)
            if _DESTINATION.search(before):
                stops.append(later)
                routes.append(stops)
                break
            if _VIA.search(before):
                stops.append(later)
    return routes


def _continuations(text: str, items: list[_Item], main: list[list[_Item]]) -> list[Route]:
    found: list[Route] = []
    ends = {id(stops[-1]) for stops in main}
    for i, item in enumerate(items):
        base = _base_route(item, main)
        if base is None or id(item) in ends or any(item is s for r in main for s in r):
            continue
        cue = _clause_start(text, items, i)
        if cue is None:
            continue
        route = _route(text, [base[-1], item], start=cue)
        if route is not None:
            found.append(route)
    return found


def _base_route(item: _Item, main: list[list[_Item]]) -> list[_Item] | None:
    """The latest chain or from/to route that this destination may continue."""
    best = None
    for stops in main:
        last = stops[-1]
        gap = item.mention.sentence - last.mention.sentence
        same_paragraph = last.paragraph == item.paragraph
        if last.mention.end <= item.mention.start and same_paragraph:
            best = stops if 0 <= gap <= CONTINUATION_SENTENCES else best
    return best


def _clause_start(text: str, items: list[_Item], index: int) -> int | None:
    """Where the movement clause of a destination starts (None when it is no destination)."""
    j = index
    while j > 0 and _AND.match(text[items[j - 1].mention.end : items[j].mention.start]):
        j -= 1
    head = items[j]
    before = _before(text, head, 60)
    if not _DESTINATION.search(before):
        return None
    sentence_start = max(
        text.rfind(". ", 0, head.mention.start) + 2, text.rfind("\n", 0, head.mention.start) + 1
    )
    window = text[sentence_start : head.mention.start]
    verbs = list(_MOVEMENT.finditer(window))
    if not verbs:
        return None
    return sentence_start + verbs[-1].start()


def _route(text: str, stops: Sequence[_Item], start: int | None = None) -> Route | None:
    coords = [
        [s.place.lon, s.place.lat]
        for s in stops
        if s.place.lat is not None and s.place.lon is not None
    ]
    if len(coords) < 2:
        return None
    begin = stops[0].mention.start if start is None else start
    end = stops[-1].mention.end
    return Route(
        places=tuple(s.place for s in stops),
        geometry={"type": "LineString", "coordinates": coords},
        text=text[begin:end],
        start=begin,
        end=end,
    )
