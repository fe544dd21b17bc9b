"""Choose one gazetteer entry per place mention, using what the whole article says.

Each candidate gets a score from

* a population prior (log10 of the population; doubled for datelines, which name places
  readers know) and a feature-kind prior (countries, continents and curated regions above
  towns of the same name; a first-level division loses to a large same-named city inside
  it or to the country's capital: "New York", "Washington", "Al Hasakah", unless the
  article names that division elsewhere or lists it with other divisions);
* the countries and divisions the article names or implies with demonyms;
* a qualifier written next to the name ("Paris, Texas");
* the distance to the places already resolved with confidence (the nearest one, counted
  up to :data:`DISTANCE_HORIZON_KM`), in a second pass, so that homonyms fall near the rest
  of the article;
* a small penalty for matches on stray alternate names of small places.

The confidence is the softmax weight of the winner against the other candidates and a
"none of these" option, times how much the recognition is trusted. Streets, buildings and
unknown local names are then placed at the town that contains them (:mod:`.facilities`).
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .accept import linked
from .facilities import (
    CONFIDENCE_FACTOR,
    LOCAL_SUPPORT,
    Container,
    Located,
    facility_candidate,
    facility_kind,
    focus,
    is_local_name,
    nearest_town,
    written_after,
)
from .gazetteer import Candidate, Gazetteer, haversine_km
from .mentions import Mention, Recognition
from .normalise import normalise

KIND_PRIOR = {
    "country": 4.0,
    "continent": 5.0,
    "region": 5.5,
    "water": 5.5,
    "admin1": 1.5,
    "admin2": 0.5,
    "city": 0.0,
}
POPULATION_WEIGHT = 0.6
DATELINE_WEIGHT = 0.6  # a dateline names a place readers know: population counts double
CAPITAL_BONUS = 2.0
COUNTRY_BONUS = 1.5
ADMIN1_BONUS = 2.5
QUALIFIER_BONUS = 5.0
SIBLING_BONUS = 2.0
SHADOWED_ADMIN1 = 3.0
NONE_SCORE = 0.5
DISTANCE_WEIGHT = 1.5
DISTANCE_CAP = 2.0
DISTANCE_HORIZON_KM = 1000.0
ANCHOR_CONFIDENCE = 0.6
RECOGNITION_TRUST = {"ner": 0.95, "dateline": 0.95, "relabel": 0.85, "ngram": 0.8, "demonym": 0.7}
FUZZY_CUTOFF = 88.0
INNER_KM = 300.0
MAX_FUZZY = 5
STRAY_POPULATION = 20_000
_POINT_KINDS = frozenset({"city", "admin2"})
_DISTANCE_KINDS = frozenset({"city", "admin2", "admin1"})
_BROAD_KINDS = frozenset({"country", "admin1"})


@dataclass(slots=True)
class Resolution:
    mention: Mention
    candidate: Candidate | None
    confidence: float


@dataclass(slots=True)
class _Context:
    countries: Counter[str]
    admin1: Counter[str]
    anchors: list[tuple[int, float, float]]  # (mention index, lat, lon)
    qualifiers: dict[int, Candidate]  # mention index -> the place written after it
    qualified: dict[int, list[Candidate]]  # mention index -> candidates of the place before it
    own: dict[int, Candidate]  # mention index -> its first-pass choice, counted in the context
    siblings: dict[int, set[str]]  # mention index -> kinds of the list it stands in


def resolve(recognition: Recognition, gazetteer: Gazetteer, text: str) -> list[Resolution]:
    """One resolution per mention, in mention order (candidate None when unknown)."""
    mentions = recognition.mentions
    _fuzzy_fill(mentions, recognition, gazetteer)
    empty = _Context(Counter(), Counter(), [], {}, {}, {}, {})
    first = [_choose(i, m, empty) for i, m in enumerate(mentions)]
    context = _context(recognition, first, text)
    second = [_choose(i, m, context) for i, m in enumerate(mentions)]
    context.anchors = _anchors(second)
    final = [_choose(i, m, context) for i, m in enumerate(mentions)]
    return _place_facilities(final, text, context, gazetteer.candidates)


def _place_facilities(
    resolutions: list[Resolution],
    text: str,
    context: _Context,
    lookup: Callable[[str], list[Candidate]],
) -> list[Resolution]:
    """Streets and buildings, and unknown names written before a known place ("Khayelitsha,
    Cape Town"), at the point of the town that contains them."""
    located = [
        Located(r.mention.start, r.mention.end, r.candidate, r.confidence, bool(r.mention.facility))
        for r in resolutions
    ]
    article_focus = focus(located)
    local_focus = focus(located, LOCAL_SUPPORT)
    placed = []
    for i, res in enumerate(resolutions):
        mention = res.mention
        found = None
        if res.candidate is not None and _stray_street(res.candidate, mention, article_focus):
            found = article_focus
        elif res.candidate is None:
            found = written_after(i, located, text)
            if found is None and mention.facility:
                found = _inner(i, mention, context) or article_focus or nearest_town(i, located)
            elif found is None and local_focus and is_local_name(mention.lookup, lookup):
                found = local_focus
        if found is not None:
            kind = mention.facility or facility_kind(mention.lookup.split()) or "locality"
            place = facility_candidate(mention.lookup, kind, found[0])
            res = Resolution(mention, place, round(found[1] * CONFIDENCE_FACTOR, 3))
        placed.append(res)
    return placed


def _stray_street(cand: Candidate, mention: Mention, article_focus: Container | None) -> bool:
    """A small town whose name ends like a street ("Washington Square", a Philadelphia
    neighbourhood in GeoNames) far from the town the article is about: the square or
    street of that town is meant."""
    if article_focus is None or cand.kind != "city" or cand.population >= STRAY_POPULATION:
        return False
    if facility_kind(mention.lookup.split()) != "street":
        return False
    town = article_focus[0]
    return haversine_km(cand.lat, cand.lon, town.lat, town.lon) > INNER_KM


def _inner(index: int, mention: Mention, context: _Context) -> Container | None:
    """The town named inside a facility name, resolved like a mention of its own, when it
    lies near the article's other places (or is a major city in an article without any)."""
    if not mention.inner:
        return None
    inner = Mention(mention.start, mention.end, "", "", "facility", candidates=mention.inner)
    cand = _choose(index, inner, context).candidate
    if cand is None:
        return None
    nearest = min(
        (haversine_km(cand.lat, cand.lon, lat, lon) for _, lat, lon in context.anchors),
        default=None,
    )
    if cand.population >= 1_000_000 or (nearest is not None and nearest <= INNER_KM):
        return cand, 0.8  # a world city ("New York Auto Show"), or one near the others
    return (cand, 0.6) if nearest is None and cand.population >= 100_000 else None


def _choose(index: int, mention: Mention, context: _Context) -> Resolution:
    if not mention.candidates:
        return Resolution(mention, None, 0.0)
    penalties = _distance_penalties(index, mention.candidates, context)
    scores = [
        _score(index, c, mention, context) - penalty
        for c, penalty in zip(mention.candidates, penalties, strict=True)
    ]
    best = max(range(len(scores)), key=scores.__getitem__)
    top = scores[best]
    total = sum(math.exp(s - top) for s in scores) + math.exp(NONE_SCORE - top)
    trust = RECOGNITION_TRUST.get(mention.source, 0.8) * (1.0 if mention.cue else 0.95)
    return Resolution(mention, mention.candidates[best], round(trust / total, 3))


def _score(index: int, cand: Candidate, mention: Mention, context: _Context) -> float:
    """Everything but distance (see :func:`_distance_penalties`)."""
    weight = POPULATION_WEIGHT + (DATELINE_WEIGHT if mention.source == "dateline" else 0.0)
    score = KIND_PRIOR.get(cand.kind, 0.0) + weight * math.log10(cand.population + 1)
    if cand.capital:
        score += CAPITAL_BONUS
    if not cand.primary:
        score -= 1.0 if cand.population < 50_000 else 0.3
    countries, admin1 = _others(index, context)
    listed = context.siblings.get(index, set())
    named = cand.kind == "admin1" and admin1[cand.admin1 or ""] > 0
    shadowable = cand.kind == "admin1" and not named and "admin1" not in listed
    if shadowable and _shadowed(cand, mention.candidates):
        score -= SHADOWED_ADMIN1
    if cand.country_code:
        score += COUNTRY_BONUS * min(1.0, countries[cand.country_code])
    if named or (cand.admin1 and cand.kind != "admin1" and "admin1" not in listed):
        # a town in a division the article names (not when the name stands in a list of
        # divisions: "California, Washington, Utah")
        score += ADMIN1_BONUS * min(1.0, admin1[cand.admin1 or ""])
    qualifier = context.qualifiers.get(index)
    if qualifier is not None and _within(cand, qualifier):
        score += QUALIFIER_BONUS
    if cand.kind in listed:
        score += SIBLING_BONUS
    inner = context.qualified.get(index)
    if inner and cand.kind in ("admin1", "country") and any(_within(c, cand) for c in inner):
        score += QUALIFIER_BONUS
    return score


def _others(index: int, context: _Context) -> tuple[Counter[str], Counter[str]]:
    """The article's countries and divisions, without what this mention itself added."""
    own = context.own.get(index)
    if own is None:
        return context.countries, context.admin1
    countries, admin1 = Counter(context.countries), Counter(context.admin1)
    countries.subtract(_contribution(own)[0])
    admin1.subtract(_contribution(own)[1])
    return countries, admin1


def _shadowed(admin1: Candidate, others: Sequence[Candidate]) -> bool:
    """A large same-named city inside the division, or the capital, is what is meant."""
    for other in others:
        if other.kind != "city" or other.country_code != admin1.country_code:
            continue
        if other.capital or (
            other.admin1 == admin1.admin1 and other.population >= 0.1 * admin1.population
        ):
            return True
    return False


def _within(cand: Candidate, qualifier: Candidate) -> bool:
    if qualifier.kind == "admin1":
        return cand.admin1 == qualifier.admin1 and cand.kind != "admin1"
    if qualifier.kind == "country":
        return cand.country_code == qualifier.country_code and cand.kind != "country"
    return False


def _distance_penalties(
    index: int, candidates: Sequence[Candidate], context: _Context
) -> list[float]:
    """How much farther than the mention's nearest candidate each one is from the article.

    Distances are to the nearest confidently resolved other place; penalties are relative
    to the mention's closest candidate, so they rank homonyms without lowering them all.
    Countries, continents and regions get none.
    """
    if not context.anchors:
        return [0.0] * len(candidates)
    logs = [
        _nearest_log(index, c, context) if c.kind in _DISTANCE_KINDS else None for c in candidates
    ]
    known = [v for v in logs if v is not None]
    if not known:
        return [0.0] * len(candidates)
    closest = min(known)
    return [0.0 if v is None else min(DISTANCE_CAP, DISTANCE_WEIGHT * (v - closest)) for v in logs]


def _nearest_log(index: int, cand: Candidate, context: _Context) -> float | None:
    nearest = min(
        (
            haversine_km(cand.lat, cand.lon, lat, lon)
            for i, lat, lon in context.anchors
            if i != index
        ),
        default=None,
    )
    # beyond DISTANCE_HORIZON_KM, nearness says little about which homonym is meant
    return None if nearest is None else math.log10(1 + min(nearest, DISTANCE_HORIZON_KM) / 100)


def _context(recognition: Recognition, first: list[Resolution], text: str) -> _Context:
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    for dem in recognition.demonyms:
        c, a = _contribution(dem.place, 2.0)
        countries.update(c)
        admin1.update(a)
    own: dict[int, Candidate] = {}
    for i, res in enumerate(first):
        if res.candidate is not None and res.confidence >= 0.5:
            own[i] = res.candidate
            c, a = _contribution(res.candidate)
            countries.update(c)
            admin1.update(a)
    qualifiers, qualified = _qualifiers(recognition.mentions, first, text)
    siblings = _siblings(recognition.mentions, first, text)
    return _Context(countries, admin1, [], qualifiers, qualified, own, siblings)


def _contribution(
    place: Candidate, weight: float = 1.0
) -> tuple[dict[str, float], dict[str, float]]:
    """What a named place says about the article's countries and divisions: a country or
    division counts fully, a city a quarter."""
    countries: dict[str, float] = {}
    admin1: dict[str, float] = {}
    if place.country_code:
        countries[place.country_code] = (
            weight if place.kind in ("country", "admin1") else weight / 4
        )
    if place.admin1 and place.kind == "admin1":
        admin1[place.admin1] = weight
    return countries, admin1


def _qualifiers(
    mentions: list[Mention], first: list[Resolution], text: str
) -> tuple[dict[int, Candidate], dict[int, list[Candidate]]]:
    """ "Paris, Texas": Paris gets Texas as qualifier, Texas gets Paris's candidates.

    Only for a pair that is not part of a longer list ("Mexico, China, Japan") and whose
    first name is not itself a country or division.
    """
    qualifiers: dict[int, Candidate] = {}
    qualified: dict[int, list[Candidate]] = {}
    for i in range(len(mentions) - 1):
        left, right = mentions[i], mentions[i + 1]
        if text[left.end : right.start].strip() != "," or _in_list(mentions, i, i + 1, text):
            continue
        if any(c.kind in _BROAD_KINDS and c.primary for c in left.candidates[:1]):
            continue
        qualifier = first[i + 1].candidate
        if qualifier is not None and qualifier.kind in ("admin1", "country"):
            qualifiers[i] = qualifier
        qualified[i + 1] = [c for c in left.candidates if c.kind in _POINT_KINDS]
    return qualifiers, qualified


def _in_list(mentions: list[Mention], left: int, right: int, text: str) -> bool:
    before = left > 0 and linked(text, mentions[left - 1], mentions[left])
    after = right + 1 < len(mentions) and linked(text, mentions[right], mentions[right + 1])
    return before or after


def _siblings(mentions: list[Mention], first: list[Resolution], text: str) -> dict[int, set[str]]:
    """Kinds of the countries and divisions a mention is listed with ("Ohio, Oregon")."""
    found: dict[int, set[str]] = {}
    for i in range(len(mentions)):
        for j in (i - 1, i + 1):
            if not 0 <= j < len(mentions):
                continue
            pair = (mentions[min(i, j)], mentions[max(i, j)])
            other = first[j].candidate
            if other is not None and other.kind in _BROAD_KINDS and linked(text, *pair):
                found.setdefault(i, set()).add(other.kind)
    return found


def _anchors(resolutions: list[Resolution]) -> list[tuple[int, float, float]]:
    return [
        (i, r.candidate.lat, r.candidate.lon)
        for i, r in enumerate(resolutions)
        if r.candidate is not None
        and r.candidate.kind in _POINT_KINDS
        and r.confidence >= ANCHOR_CONFIDENCE
    ]


def _fuzzy_fill(mentions: list[Mention], recognition: Recognition, gazetteer: Gazetteer) -> None:
    """Unknown names: the closest spelling among places of the article's countries."""
    unknown = [m for m in mentions if not m.candidates and not m.facility and len(m.lookup) >= 5]
    if not unknown:
        return
    countries: Counter[str] = Counter(
        d.place.country_code for d in recognition.demonyms if d.place.country_code
    )
    for m in mentions:
        if m.candidates and m.candidates[0].country_code:
            countries[m.candidates[0].country_code] += 1
    codes = [cc for cc, _ in countries.most_common(2)]
    for mention in unknown[:MAX_FUZZY]:
        mention.candidates = _fuzzy(mention.lookup, codes, gazetteer)


def _fuzzy(name: str, codes: Sequence[str], gazetteer: Gazetteer) -> list[Candidate]:
    key = normalise(name)
    best: tuple[float, int] | None = None
    for cc in codes:
        names = gazetteer.names_in(cc)
        if not names:
            continue
        match = process.extractOne(
            key, [n for n, _ in names], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is not None and match[0][:1] == key[:1] and (best is None or match[1] > best[0]):
            best = (match[1], names[match[2]][1])
    if best is None:
        return []
    return [dataclasses.replace(gazetteer.get(best[1]), primary=False)]
