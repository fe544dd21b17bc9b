"""GeoJSON of analyses: places as points, routes as lines, located events as points.

Coordinates are ``[lon, lat]`` (RFC 7946). Every feature carries the article id and the
span of its evidence, so a map click leads back to the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..model import Analysis, Event, Place, Route


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


def features(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """Every mappable item of one analysis as a GeoJSON feature."""
    article_id = analysis.article.id
    for place in analysis.places:
        if place.lat is not None and place.lon is not None:
            props = {"feature": "place", "article_id": article_id, **_place_properties(place)}
            yield _point(place, props)
    for route in analysis.routes:
        if len(route.geometry.get("coordinates") or []) >= 2:
            yield _route_feature(route, article_id)
    for event in analysis.events:
        located = event.place
        if located is not None and located.lat is not None and located.lon is not None:
            yield _point(located, _event_properties(event, article_id))


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

    def add(self, analysis: Analysis) -> None:
        for feature in features(analysis):
            prefix = ",\n" if self._count else ""
            self._stream.write(prefix + json.dumps(feature, ensure_ascii=False))
            self._count += 1

    def close(self) -> None:
        self._stream.write("\n]}\n")
