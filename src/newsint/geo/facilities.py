"""Streets, buildings and venues: places no gazetteer lists, located by what contains them.

News names many places below the town level ("Royal Street", "Barclays Center", "Manila
Cathedral", "Colchester General Hospital"). GeoNames has no entry for them, but the
article nearly always says, or implies, which town they are in. A facility mention is
recognised by its last word (:data:`STREET_HEADS`, :data:`BUILDING_HEADS`) or by the NER's
FAC label, and placed at the point of its container, chosen in this order:

1. the place written right after it ("Whole Foods *in Fresno*", "Oulton Park, *Cheshire*");
2. a town inside its own name, when it lies near the article's other places or is a world
   city ("*Manila* Cathedral", "*New York* Auto Show"; never for streets: "Atlantic Avenue");
3. the article's focus: the town with the most confident mentions around it (:func:`focus`);
4. the nearest town-level place in the text (:func:`nearest_town`).

An unknown name that is not a facility ("Khayelitsha", "Collier County") gets the place
written right after it, or the focus of an article with a clear one when the name looks
local (:func:`is_local_name`). Such entries have no geonameid, their ``kind`` says what
they are ("street", "facility" or "locality") and their confidence is at most half the
container's, so that maps can tell them from gazetteer places.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from .gazetteer import Candidate, haversine_km


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: last words of street names: they name places wherever they stand
STREET_HEADS = _words(
    """
    street streets st road rd avenue ave boulevard blvd lane drive square plaza parkway
    highway motorway freeway
    """
)
#: last words of buildings, venues and sites: places when the NER calls them facilities or
#: the text puts them after "in", "at", "from"...
BUILDING_HEADS = _words(
    """
    hospital cathedral basilica church chapel mosque temple synagogue stadium arena
    airport canal lagoon estate palace castle racecourse prison jail mall theatre theater
    courthouse plantation bridge harbour harbor centre center hall library museum hotel
    inn park tower campus zoo market academy racetrack circuit cemetery graveyard
    university college school court festival farm farms cottage
    """
)
FACILITY_HEADS = STREET_HEADS | BUILDING_HEADS
#: words that make a "... Center" an organisation rather than a building
ORGANISATION_WORDS = _words(
    """
    media news press agency group company corporation corp inc ltd llc institute
    foundation association council committee commission party bank fund network studios
    records research policy studies strategic security rights analysis intelligence
    monitoring control prevention development service services ambulance police authority
    department ministry office trust board
    """
)
#: kinds of the place a facility may take its point from
CONTAINER_KINDS = frozenset({"city", "admin2"})
WIDE_KINDS = frozenset({"country", "continent", "region", "water", "admin1"})
#: "X in Y", "X, Y", "X at Y": the place right after a facility contains it
_CONTAINER_GAP = re.compile(r"^\s*(?:,|in|at|near|,\s*in|\(|-)\s*(?:the\s+)?$")
CONFIDENCE_FACTOR = 0.5
FOCUS_KM = 50.0
FOCUS_MIN_CONFIDENCE = 0.3
FOCUS_SUPPORT = 0.6
#: an unknown name needs a clearer focus than a facility does
LOCAL_SUPPORT = 1.2
#: words of names that cover more than one town's surroundings ("Nile Delta", "West Wales")
_WIDE_WORDS = _words(
    """
    north south east west northern southern eastern western central upper lower greater
    pacific atlantic ocean sea gulf bay delta river valley mountains mountain range desert
    coast coastal region highlands lowlands plains peninsula basin islands
    """
)


def is_organisation(words: Sequence[str]) -> bool:
    """True for names of organisations that end like buildings ("Inside Syria Media
    Center", "Carter Center for Human Rights")."""
    return any(w.casefold() in ORGANISATION_WORDS for w in words)


def facility_kind(words: Sequence[str]) -> str | None:
    """ "street", "facility" or None, from the last word of a name."""
    if not words:
        return None
    head = words[-1].casefold().rstrip(".")
    if head in STREET_HEADS:
        return "street"
    if head in BUILDING_HEADS:
        return "facility"
    return None


@dataclasses.dataclass(frozen=True, slots=True)
class Located:
    """A resolved mention, as the container search sees it."""

    start: int
    end: int
    candidate: Candidate | None
    confidence: float
    facility: bool = False


Container = tuple[Candidate, float]  # the place and the confidence in it


def written_after(index: int, located: Sequence[Located], text: str) -> Container | None:
    """The place written right after mention ``index`` ("Whole Foods in Fresno",
    "Khayelitsha, Cape Town"), when it is a town, a county or a division."""
    if index + 1 >= len(located):
        return None
    me, after = located[index], located[index + 1]
    gap = text[me.end : after.start]
    cand = after.candidate
    if cand is None or after.facility or len(gap) > 8 or not _CONTAINER_GAP.match(gap):
        return None
    if cand.kind not in CONTAINER_KINDS and cand.kind != "admin1":
        return None
    return cand, after.confidence


def focus(located: Sequence[Located], minimum: float = FOCUS_SUPPORT) -> Container | None:
    """The town the article is about: the town-level place with the most confident
    mentions within :data:`FOCUS_KM` of it (their confidences summing to ``minimum``)."""
    towns = [
        (loc.candidate, loc.confidence)
        for loc in located
        if loc.candidate is not None
        and not loc.facility
        and loc.candidate.kind in CONTAINER_KINDS
        and loc.confidence >= FOCUS_MIN_CONFIDENCE
    ]
    best: Container | None = None
    best_support = 0.0
    for town, confidence in towns:
        support = sum(
            other_confidence
            for other, other_confidence in towns
            if haversine_km(town.lat, town.lon, other.lat, other.lon) <= FOCUS_KM
        )
        if support > best_support:
            best, best_support = (town, confidence), support
    return best if best_support >= minimum else None


def nearest_town(index: int, located: Sequence[Located]) -> Container | None:
    """The closest town-level place in the text, before mention ``index`` or else after
    it: the last resort for a facility in an article without a clear focus."""
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(located):
            cand = located[j].candidate
            if cand is not None and not located[j].facility and cand.kind in CONTAINER_KINDS:
                return cand, located[j].confidence / 2
            j += step
    return None


def is_local_name(name: str, lookup: Callable[[str], list[Candidate]]) -> bool:
    """True for an unknown name that is likely a place near the article's town (a
    village, a township, a county), false for wide areas ("Northern Europe", "Western
    US", "Nile Delta") and names built on a country or region."""
    words = name.replace("-", " ").split()
    if not words or any(w.casefold().strip(".,") in _WIDE_WORDS for w in words):
        return False
    return not any(c.kind in WIDE_KINDS and c.primary for w in words for c in lookup(w))


def facility_candidate(name: str, kind: str, place: Candidate) -> Candidate:
    """An entry for a facility at the point of the place that contains it."""
    return dataclasses.replace(
        place,
        id=-1,
        name=name,
        kind=kind,
        population=0,
        geonameid=None,
        capital=False,
        primary=False,
    )
