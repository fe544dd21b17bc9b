"""Corroboration of one analysis against a corpus database.

:func:`newsint.corpus.corroborate.corroborate` compares every event of a collection with
every other. Briefs, exports and the workbench ask about one article at a time, against a
store that may hold a million events, so:

1. candidates: the stored articles with an event of the same type inside the bounding box
   of each of the article's located, dated events and within the date window (indexed SQL,
   :func:`corroboration_candidates`); most articles stop here, with none;
2. ``corroborate`` over the article and its candidates;
3. only when something matched: near-duplicate groups over the same articles, and matches
   with a copy of the article dropped (a republished text is not an independent source).

The analysis need not be stored (``newsint analyze`` of a new article against a corpus);
when it is, its own row is never a candidate. Nothing here writes to the database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Analysis, Event
from ..store.base import Near
from ..store.search import bounding_box
from ..store.sqlite import SQLiteStore
from .corroborate import (
    DEFAULT_MAX_DAYS,
    DEFAULT_MAX_KM,
    CorroboratingEvent,
    EventKey,
    corroborate,
)
from .dedup import find_duplicates

#: near-duplicate threshold (Jaccard of word 5-grams), the workbench's
DUPLICATE_THRESHOLD = 0.8
#: at most this many candidate articles are read for one article
DEFAULT_LIMIT = 200
#: ACLED's separator between the sources of one event
SOURCE_SEPARATOR = "; "

Matches = Mapping[int, Sequence["Corroboration"]]


@dataclass(frozen=True, slots=True)
class Corroboration:
    """A stored event of another outlet matching one event of the article.

    ``event_index`` indexes ``event`` in the other article's ``Analysis.events``.
    """

    article_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    event_index: int
    event: Event
    distance_km: float
    days_apart: int

    @property
    def event_type(self) -> str:
        return self.event.type

    @property
    def event_text(self) -> str:
        return self.event.text


@dataclass(frozen=True, slots=True)
class StoreCorroboration:
    """The matches by event index of the article, and how many stored articles were read."""

    matches: dict[int, tuple[Corroboration, ...]]
    candidates_checked: int


def event_day(event: Event) -> dt.date | None:
    """The event's own day (the first of a period), None when it has none or a bad one."""
    if event.date is None:
        return None
    try:
        return dt.date.fromisoformat(event.date.value[:10])
    except (TypeError, ValueError):
        return None


def checkable(event: Event) -> bool:
    """Whether corroboration can say anything about ``event``: it needs a place with usable
    coordinates and a date of its own (a publication date is only a guess)."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return False
    if not (-90.0 <= place.lat <= 90.0 and -180.0 <= place.lon <= 180.0):
        return False
    return event_day(event) is not None


def corroboration_candidates(
    conn: sqlite3.Connection, analysis: Analysis, *, max_km: float, max_days: int, limit: int
) -> list[str]:
    """Ids of other articles with an event of the same type near one of this article's
    located, dated events (a superset of what ``corroborate`` will accept)."""
    ids: dict[str, None] = {}
    for event in analysis.events:
        place, day = event.place, event_day(event)
        if place is None or place.lat is None or place.lon is None or day is None:
            continue
        try:
            near = Near(place.lat, place.lon, max_km)
        except ValueError:
            continue
        lat_lo, lat_hi, lon_ranges = bounding_box(near)
        lon_sql = " OR ".join("lon BETWEEN ? AND ?" for _ in lon_ranges)
        window = (day - dt.timedelta(days=max_days), day + dt.timedelta(days=max_days))
        rows = conn.execute(
            "SELECT DISTINCT article_id FROM events WHERE type = ? AND article_id != ?"
            f" AND lat BETWEEN ? AND ? AND ({lon_sql}) AND substr(date, 1, 10) BETWEEN ? AND ?"
            " LIMIT ?",
            [event.type, analysis.article.id, lat_lo, lat_hi]
            + [bound for pair in lon_ranges for bound in pair]
            + [window[0].isoformat(), window[1].isoformat(), limit],
        )
        ids.update((row[0], None) for row in rows)
        if len(ids) >= limit:
            break
    return list(ids)[:limit]


def store_corroboration(
    store: SQLiteStore,
    analysis: Analysis,
    *,
    max_km: float = DEFAULT_MAX_KM,
    max_days: int = DEFAULT_MAX_DAYS,
    limit: int = DEFAULT_LIMIT,
    count_unknown_outlet: bool = False,
) -> StoreCorroboration:
    """:func:`corroborate_in_store` with the number of candidate articles read."""
    if not any(checkable(e) for e in analysis.events):
        return StoreCorroboration({}, 0)
    ids = corroboration_candidates(
        store.connection, analysis, max_km=max_km, max_days=max_days, limit=limit
    )
    others = {other.article.id: other for other in map(store.get, ids)}
    if not others:
        return StoreCorroboration({}, 0)
    unknown = count_unknown_outlet and analysis.article.outlet is None
    everything = [analysis, *others.values()]
    found = _own_matches(
        corroborate(everything, max_km=max_km, max_days=max_days, count_unknown_outlets=unknown),
        analysis.article.id,
        drop_unknown=unknown,
    )
    if found:  # only now pay for the near-duplicate check
        copies = _copies_of(analysis.article.id, everything)
        found = {
            index: kept
            for index, matches in found.items()
            if (kept := [m for m in matches if m.article_id not in copies])
        }
    result = {
        index: tuple(_corroboration(m, others[m.article_id]) for m in matches)
        for index, matches in sorted(found.items())
    }
    return StoreCorroboration(result, len(others))


def corroborate_in_store(
    store: SQLiteStore,
    analysis: Analysis,
    *,
    max_km: float = DEFAULT_MAX_KM,
    max_days: int = DEFAULT_MAX_DAYS,
    limit: int = DEFAULT_LIMIT,
    count_unknown_outlet: bool = False,
) -> dict[int, tuple[Corroboration, ...]]:
    """For each event of ``analysis`` (by index) that another outlet's stored event matches,
    those matches, closest first; events without a match are absent.

    Matching is :func:`~newsint.corpus.corroborate.corroborate`'s: same type, places within
    ``max_km``, event dates within ``max_days``, a different outlet, not a near-duplicate of
    the article. At most ``limit`` candidate articles are read. An article without an outlet
    corroborates nothing, unless ``count_unknown_outlet``: then the *analysed* article's
    missing outlet counts as one of its own (stored articles still need a known outlet),
    which is what a brief of a new, unattributed text wants.
    """
    return store_corroboration(
        store,
        analysis,
        max_km=max_km,
        max_days=max_days,
        limit=limit,
        count_unknown_outlet=count_unknown_outlet,
    ).matches


def _own_matches(
    matches: Mapping[EventKey, list[CorroboratingEvent]], article_id: str, *, drop_unknown: bool
) -> dict[int, list[CorroboratingEvent]]:
    """The matches of the article's own events (with ``drop_unknown``, none of an article
    without an outlet: only the analysed article's missing outlet was to count)."""
    found: dict[int, list[CorroboratingEvent]] = {}
    for (aid, index), events in matches.items():
        if aid != article_id:
            continue
        kept = [m for m in events if m.outlet is not None] if drop_unknown else list(events)
        if kept:
            found[index] = kept
    return found


def _corroboration(match: CorroboratingEvent, other: Analysis) -> Corroboration:
    article = other.article
    return Corroboration(
        article_id=match.article_id,
        title=article.title,
        outlet=match.outlet,
        published=article.published,
        event_index=match.event_index,
        event=other.events[match.event_index],
        distance_km=match.distance_km,
        days_apart=match.days_apart,
    )


def _copies_of(article_id: str, analyses: Sequence[Analysis]) -> set[str]:
    """Ids of the articles in the near-duplicate group of ``article_id`` (itself excluded)."""
    groups = find_duplicates(analyses, threshold=DUPLICATE_THRESHOLD).groups
    for group in groups:
        if article_id in group.article_ids:
            return set(group.article_ids) - {article_id}
    return set()


# --- for briefs and exports ------------------------------------------------------------------


def by_article(matches: Iterable[Corroboration]) -> list[Corroboration]:
    """The best match of each other article (an article can report an event twice: in its
    headline and its body), in the order given (closest first)."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        if match.article_id not in seen:
            seen.add(match.article_id)
            kept.append(match)
    return kept


def corroborating_outlets(matches: Iterable[Corroboration], own: str | None = None) -> list[str]:
    """The distinct outlets of ``matches`` (ignoring case), closest first, ``own`` left out."""
    seen = {own.casefold()} if own else set()
    outlets = []
    for match in matches:
        name = " ".join((match.outlet or "").split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            outlets.append(name)
    return outlets


def acled_source(own: str, matches: Iterable[Corroboration]) -> str:
    """ACLED's ``source`` cell: the article's outlet, then each corroborating outlet,
    separated by "; " (ACLED's convention for an event with several sources)."""
    return SOURCE_SEPARATOR.join(([own] if own else []) + corroborating_outlets(matches, own))


def corroboration_properties(matches: Iterable[Corroboration]) -> list[dict[str, object]]:
    """The GeoJSON ``corroborated_by`` list: one entry per corroborating article."""
    return [
        {
            "article_id": m.article_id,
            "outlet": m.outlet,
            "distance_km": round(m.distance_km, 1),
            "days_apart": m.days_apart,
        }
        for m in by_article(matches)
    ]


def days_apart_label(days: int) -> str:
    """``same day``, ``1 day apart``, ``2 days apart``."""
    if days == 0:
        return "same day"
    return f"{days} day apart" if days == 1 else f"{days} days apart"


def rule_text(max_km: float = DEFAULT_MAX_KM, max_days: int = DEFAULT_MAX_DAYS) -> str:
    """The matching rule in words, for briefs."""
    km = f"{max_km:g}"
    return (
        f"same event type, a place within {km} km and a date within ±{max_days} days, "
        "reported by another outlet; republished copies of the article do not count"
    )


__all__ = [
    "DEFAULT_LIMIT",
    "Corroboration",
    "Matches",
    "StoreCorroboration",
    "acled_source",
    "by_article",
    "checkable",
    "corroborate_in_store",
    "corroborating_outlets",
    "corroboration_candidates",
    "corroboration_properties",
    "days_apart_label",
    "event_day",
    "rule_text",
    "store_corroboration",
]
