"""Choose one gazetteer entry per place mention, using what the whole article says.

Each candidate gets a score from

* a population prior (log10 of the population) and a feature-kind prior (countries,
  continents and curated regions above towns of the same name; a first-level division
  loses to a large same-named city inside it or to the country's capital: "New York",
  "Washington", "Al Hasakah");
* the countries and divisions the article names or implies with demonyms;
* a qualifier written next to the name ("Paris, Texas");
* the distance to the places already resolved with confidence (the nearest one), in a
  second pass, so that homonyms fall near the rest of the article;
* a small penalty for matches on stray alternate names of small places.

The confidence is the softmax weight of the winner against the other candidates and a
"none of these" option, times how much the recognition is trusted.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .gazetteer import Candidate, Gazetteer
from .normalise import normalise
from .recognise import Mention, Recognition

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
CAPITAL_BONUS = 1.0
COUNTRY_BONUS = 2.5
ADMIN1_BONUS = 2.5
QUALIFIER_BONUS = 5.0
SHADOWED_ADMIN1 = 3.0
NONE_SCORE = 0.5
DISTANCE_WEIGHT = 1.5
DISTANCE_CAP = 2.0
ANCHOR_CONFIDENCE = 0.6
RECOGNITION_TRUST = {"ner": 0.95, "relabel": 0.85, "ngram": 0.8, "demonym": 0.7}
FUZZY_CUTOFF = 88.0
MAX_FUZZY = 5
_POINT_KINDS = frozenset({"city", "admin2"})
_DISTANCE_KINDS = frozenset({"city", "admin2", "admin1"})


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


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def resolve(recognition: Recognition, gazetteer: Gazetteer, text: str) -> list[Resolution]:
    """One resolution per mention, in mention order (candidate None when unknown)."""
    mentions = recognition.mentions
    _fuzzy_fill(mentions, recognition, gazetteer)
    empty = _Context(Counter(), Counter(), [], {}, {})
    first = [_choose(i, m, empty) for i, m in enumerate(mentions)]
    context = _context(recognition, first, text)
    second = [_choose(i, m, context) for i, m in enumerate(mentions)]
    context.anchors = _anchors(second)
    return [_choose(i, m, context) for i, m in enumerate(mentions)]


def _choose(index: int, mention: Mention, context: _Context) -> Resolution:
    if not mention.candidates:
        return Resolution(mention, None, 0.0)
    scores = [_score(index, c, mention.candidates, context) for c in mention.candidates]
    best = max(range(len(scores)), key=scores.__getitem__)
    top = scores[best]
    total = sum(math.exp(s - top) for s in scores) + math.exp(NONE_SCORE - top)
    trust = RECOGNITION_TRUST.get(mention.source, 0.8) * (1.0 if mention.cue else 0.95)
    return Resolution(mention, mention.candidates[best], round(trust / total, 3))


def _score(index: int, cand: Candidate, others: Sequence[Candidate], context: _Context) -> float:
    score = KIND_PRIOR.get(cand.kind, 0.0) + POPULATION_WEIGHT * math.log10(cand.population + 1)
    if cand.capital:
        score += CAPITAL_BONUS
    if not cand.primary:
        score -= 1.0 if cand.population < 50_000 else 0.3
    if cand.kind == "admin1" and _shadowed(cand, others):
        score -= SHADOWED_ADMIN1
    if cand.country_code and context.countries:
        score += COUNTRY_BONUS * min(1.0, context.countries[cand.country_code])
    if cand.admin1 and cand.kind != "admin1":
        score += ADMIN1_BONUS * min(1.0, context.admin1[cand.admin1])
    qualifier = context.qualifiers.get(index)
    if qualifier is not None and _within(cand, qualifier):
        score += QUALIFIER_BONUS
    inner = context.qualified.get(index)
    if inner and cand.kind in ("admin1", "country") and any(_within(c, cand) for c in inner):
        score += QUALIFIER_BONUS
    return score - _distance_penalty(index, cand, others, context)


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


def _distance_penalty(
    index: int, cand: Candidate, others: Sequence[Candidate], context: _Context
) -> float:
    """How much farther than the mention's nearest candidate this one is from the article.

    Distances are to the nearest confidently resolved other place; the penalty is relative
    to the mention's closest candidate, so it ranks homonyms without lowering them all.
    """
    if not context.anchors or cand.kind not in _DISTANCE_KINDS:
        return 0.0
    own = _nearest_log(index, cand, context)
    if own is None:
        return 0.0
    closest = min(
        (d for c in others if c.kind in _DISTANCE_KINDS if (d := _nearest_log(index, c, context)) is not None),
        default=own,
    )
    return min(DISTANCE_CAP, DISTANCE_WEIGHT * (own - closest))


def _nearest_log(index: int, cand: Candidate, context: _Context) -> float | None:
    nearest = min(
        (haversine_km(cand.lat, cand.lon, lat, lon) for i, lat, lon in context.anchors if i != index),
        default=None,
    )
    return None if nearest is None else math.log10(1 + nearest / 100)


def _context(recognition: Recognition, first: list[Resolution], text: str) -> _Context:
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    for dem in recognition.demonyms:
        _count(dem.place, 1.0, countries, admin1)
    for res in first:
        if res.candidate is not None and res.confidence >= 0.5:
            _count(res.candidate, 1.0 if res.candidate.kind != "city" else 0.5, countries, admin1)
    qualifiers, qualified = _qualifiers(recognition.mentions, first, text)
    return _Context(countries, admin1, [], qualifiers, qualified)


def _count(place: Candidate, weight: float, countries: Counter[str], admin1: Counter[str]) -> None:
    if place.country_code:
        share = weight if place.kind in ("country", "admin1") else weight / 2
        countries[place.country_code] += share
    if place.admin1 and place.kind == "admin1":
        admin1[place.admin1] += weight


def _qualifiers(
    mentions: list[Mention], first: list[Resolution], text: str
) -> tuple[dict[int, Candidate], dict[int, list[Candidate]]]:
    """"Paris, Texas": Paris gets Texas as qualifier, Texas gets Paris's candidates."""
    qualifiers: dict[int, Candidate] = {}
    qualified: dict[int, list[Candidate]] = {}
    for i in range(len(mentions) - 1):
        left, right = mentions[i], mentions[i + 1]
        if text[left.end : right.start].strip() != ",":
            continue
        qualifier = first[i + 1].candidate
        if qualifier is not None and qualifier.kind in ("admin1", "country"):
            qualifiers[i] = qualifier
        qualified[i + 1] = [c for c in left.candidates if c.kind in _POINT_KINDS]
    return qualifiers, qualified


def _anchors(resolutions: list[Resolution]) -> list[tuple[int, float, float]]:
    return [
        (i, r.candidate.lat, r.candidate.lon)
        for i, r in enumerate(resolutions)
        if r.candidate is not None and r.candidate.kind in _POINT_KINDS and r.confidence >= ANCHOR_CONFIDENCE
    ]


def _fuzzy_fill(mentions: list[Mention], recognition: Recognition, gazetteer: Gazetteer) -> None:
    """Unknown names: the closest spelling among places of the article's countries."""
    unknown = [m for m in mentions if not m.candidates and len(m.lookup) >= 5]
    if not unknown:
        return
    countries: Counter[str] = Counter(d.place.country_code for d in recognition.demonyms if d.place.country_code)
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
