"""GeoJSON of analyses: places as points, routes as lines, located events as points.

Coordinates are ``[lon, lat]`` (RFC 7946). Every feature carries the article id and the
span of its evidence, so a map click leads back to the text. Given the corroboration of an
article (from a corpus), its event features carry ``corroborated_by``: one
``{article_id, outlet, distance_km, days_apart}`` per other outlet's article reporting a
matching event (an empty list when none does); without it the property is absent, since
nobody looked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ..model import Analysis, Event, Place, Route

if TYPE_CHECKING:
    from ..corpus.store_corroboration import Corroboration

    Corroborations = Mapping[int, Sequence[Corroboration]]


def _place_properties(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "kind": place.kind,
        "country_code": place.country_code,
        "geonameid": place.geonameid,
        "confidence": place.confidence,
        "metonymic": place.metonymic,
    }


def _point(place: Place, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def _route_feature(route: Route, article_id: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": route.geometry,
        "properties": {
            "feature": "route",
            "article_id": article_id,
            "places": [p.name for p in route.places],
            "text": route.text,
            "start": route.start,
            "end": route.end,
        },
    }


def _event_properties(event: Event, article_id: str) -> dict[str, Any]:
    return {
        "feature": "event",
        "article_id": article_id,
        "type": event.type,
        "mode": event.mode,
        "actor": event.actor.name or event.actor.text if event.actor else None,
        "target": event.target.name or event.target.text if event.target else None,
        "count": event.count.value if event.count else None,
        "date": event.date.value if event.date else None,
        "place": event.place.name if event.place else None,
        "text": event.text,
        "start": event.start,
        "end": event.end,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
    }


def features(
    analysis: Analysis, corroboration: Corroborations | None = None
) -> Iterator[dict[str, Any]]:
    """Every mappable item of one analysis as a GeoJSON feature."""
    article_id = analysis.article.id
    for place in analysis.places:
        if place.lat is not None and place.lon is not None:
            props = {"feature": "place", "article_id": article_id, **_place_properties(place)}
            yield _point(place, props)
    for route in analysis.routes:
        if len(route.geometry.get("coordinates") or []) >= 2:
            yield _route_feature(route, article_id)
    for index, event in enumerate(analysis.events):
        located = event.place
        if located is not None and located.lat is not None and located.lon is not None:
            properties = _event_properties(event, article_id)
            if corroboration is not None:
                properties["corroborated_by"] = _corroborated_by(corroboration.get(index, ()))
            yield _point(located, properties)


def _corroborated_by(matches: Sequence[Corroboration]) -> list[dict[str, object]]:
    from ..corpus.store_corroboration import corroboration_properties

    return corroboration_properties(matches)


def to_geojson(analyses: Iterable[Analysis]) -> dict[str, Any]:
    """One FeatureCollection for all the analyses."""
    return {
        "type": "FeatureCollection",
        "features": [f for analysis in analyses for f in features(analysis)],
    }


class GeoJSONWriter:
    """Streams one FeatureCollection to ``stream`` without holding all features."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._count = 0
        stream.write('{"type": "FeatureCollection", "features": [\n')

    def add(self, analysis: Analysis, corroboration: Corroborations | None = None) -> None:
        for feature in features(analysis, corroboration):
            prefix = ",\n" if self._count else ""
            self._stream.write(prefix + json.dumps(feature, ensure_ascii=False))
            self._count += 1

    def close(self) -> None:
        self._stream.write("\n]}\n")
