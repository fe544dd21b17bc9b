"""Cross-outlet corroboration: the same kind of event, near the same place and day.

Two events corroborate each other when they have the same PLOVER ``type``, their
places lie within ``max_km`` (great-circle distance) and their dates within
``max_days``, and they come from different outlets. Republished copies are not
independent sources: given the near-duplicate groups, events from articles in the
same group never corroborate each other.

To stay near-linear on large corpora, events are bucketed by (type, cell, day): the
cell is a cube of side ``max_km`` on the unit-sphere coordinates (x, y, z), so any
two places within ``max_km`` are in the same or adjacent cells (a chord is never
longer than its arc) and no special case is needed at the poles or the 180th
meridian. Each event looks at 27 cells x (2 * ``max_days`` + 1) days.

An event needs a place with coordinates and a date; ``date_fallback=True`` uses the
article's publication date for events without one (news often reports the day's
events, but that is a guess, so it is off by default).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import product

from ..errors import ConfigError
from ..model import Analysis, Event
from .dedup import DuplicateGroup

EARTH_RADIUS_KM = 6371.0088
DEFAULT_MAX_KM = 50.0
DEFAULT_MAX_DAYS = 2

EventKey = tuple[str, int]  # (article id, index of the event in Analysis.events)


@dataclass(frozen=True, slots=True)
class CorroboratingEvent:
    """An event of another outlet that matches; ``distance_km`` and ``days_apart`` say how well."""

    article_id: str
    outlet: str | None
    event_index: int
    distance_km: float
    days_apart: int


@dataclass(frozen=True, slots=True)
class _Located:
    key: EventKey
    outlet: str | None
    family: int  # articles in one duplicate group share a family; others have their own
    type: str
    lat: float
    lon: float
    day: int  # proleptic ordinal of the date
    xyz: tuple[float, float, float]


def _event_day(event: Event, analysis: Analysis, date_fallback: bool) -> dt.date | None:
    if event.date is not None:
        try:
            return dt.date.fromisoformat(event.date.value[:10])
        except ValueError:
            return None
    return analysis.article.published if date_fallback else None


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _located_events(
    analyses: Iterable[Analysis], families: dict[str, int], date_fallback: bool
) -> Iterator[_Located]:
    next_family = max(families.values(), default=-1) + 1
    for analysis in analyses:
        article = analysis.article
        family = families.get(article.id)
        if family is None:
            family = families[article.id] = next_family
            next_family += 1
        for index, event in enumerate(analysis.events):
            place = event.place
            if place is None or place.lat is None or place.lon is None:
                continue
            if not (-90.0 <= place.lat <= 90.0 and math.isfinite(place.lon)):
                continue
            day = _event_day(event, analysis, date_fallback)
            if day is None:
                continue
            xyz = _unit_vector(place.lat, place.lon)
            yield _Located(
                (article.id, index), article.outlet, family, event.type, place.lat, place.lon,
                day.toordinal(), xyz,
            )  # fmt: skip


def _families(groups: Iterable[DuplicateGroup] | None) -> dict[str, int]:
    families: dict[str, int] = {}
    for number, group in enumerate(groups or ()):
        for article_id in group.article_ids:
            families.setdefault(article_id, number)
    return families


def _same_source(a: _Located, b: _Located, count_unknown: bool) -> bool:
    if a.family == b.family:
        return True
    if a.outlet is None or b.outlet is None:
        return not count_unknown
    return a.outlet.casefold() == b.outlet.casefold()


def corroborate(
    analyses: Iterable[Analysis],
    *,
    max_km: float = DEFAULT_MAX_KM,
    max_days: int = DEFAULT_MAX_DAYS,
    duplicate_groups: Iterable[DuplicateGroup] | None = None,
    count_unknown_outlets: bool = False,
    date_fallback: bool = False,
) -> dict[EventKey, list[CorroboratingEvent]]:
    """``{(article_id, event_index): [matching events of other outlets...]}``.

    Only events with at least one match appear, their matches sorted by distance,
    then days apart. An article with no outlet is not known to be independent, so
    it corroborates nothing unless ``count_unknown_outlets`` is true (then it counts
    as an outlet of its own).
    """
    if max_km <= 0 or not math.isfinite(max_km):
        raise ConfigError(f"max_km must be a positive distance, not {max_km}")
    if max_days < 0:
        raise ConfigError(f"max_days must not be negative, not {max_days}")
    cell = max_km / EARTH_RADIUS_KM  # cube side on the unit sphere
    events = list(_located_events(analyses, _families(duplicate_groups), date_fallback))
    buckets: dict[tuple[str, int, int, int, int], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        buckets[(event.type, *_cell(event.xyz, cell), event.day)].append(i)
    result: dict[EventKey, list[CorroboratingEvent]] = {}
    for event in events:
        matches = _matches(event, events, buckets, cell, max_km, max_days, count_unknown_outlets)
        if matches:
            result[event.key] = matches
    return result


def _cell(xyz: tuple[float, float, float], side: float) -> tuple[int, int, int]:
    return (math.floor(xyz[0] / side), math.floor(xyz[1] / side), math.floor(xyz[2] / side))


def _matches(
    event: _Located,
    events: Sequence[_Located],
    buckets: dict[tuple[str, int, int, int, int], list[int]],
    cell: float,
    max_km: float,
    max_days: int,
    count_unknown: bool,
) -> list[CorroboratingEvent]:
    cx, cy, cz = _cell(event.xyz, cell)
    found = []
    for dx, dy, dz in product((-1, 0, 1), repeat=3):
        for day in range(event.day - max_days, event.day + max_days + 1):
            for j in buckets.get((event.type, cx + dx, cy + dy, cz + dz, day), ()):
                other = events[j]
                if _same_source(event, other, count_unknown):
                    continue
                distance = haversine_km(event.lat, event.lon, other.lat, other.lon)
                if distance <= max_km:
                    found.append(
                        CorroboratingEvent(
                            other.key[0], other.outlet, other.key[1], distance, abs(day - event.day)
                        )
                    )
    found.sort(key=lambda m: (m.distance_km, m.days_apart, m.article_id, m.event_index))
    return found


__all__ = [
    "DEFAULT_MAX_DAYS",
    "DEFAULT_MAX_KM",
    "CorroboratingEvent",
    "EventKey",
    "corroborate",
    "haversine_km",
]
