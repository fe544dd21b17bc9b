"""An offline map as inline SVG: country outlines, the article's places and its routes.

No tiles and no JavaScript: the outlines come from the vendored Natural Earth 1:50m
TopoJSON (``data/world-atlas``), projected with Web Mercator onto the bounding box of the
resolved places, so the brief stays one self-contained file that works without a network.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from markupsafe import Markup, escape

from ..model import Place, Route

Ring = list[tuple[float, float]]
MIN_SPAN_DEG = 3.0  # a lone town is shown with its surroundings
PAD = 0.18  # share of the span added around the places


@cache
def country_outlines() -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """(name, polygon rings in lon/lat) for every country, decoded once per process."""
    path = resources.files("newsint.export").joinpath("data/world-atlas/countries-50m.json")
    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo["arcs"], topo["transform"])
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(join_arcs(arcs, ring) for polygon in polygons for ring in polygon)
        countries.append((geometry.get("properties", {}).get("name", ""), rings))
    return tuple(countries)


def decode_arcs(raw: list[list[list[int]]], transform: dict[str, list[float]]) -> list[Ring]:
    """TopoJSON's quantised, delta-encoded arcs as (lon, lat) points."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in raw:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def join_arcs(arcs: list[Ring], indexes: list[int]) -> Ring:
    """One ring from arc indexes (a negative index ``~i`` is arc ``i`` reversed)."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


@dataclass(frozen=True, slots=True)
class _View:
    """Web Mercator projection of a lon/lat box onto ``width`` x ``height`` pixels."""

    west: float
    east: float
    north_y: float
    south_y: float
    width: int
    height: int

    @staticmethod
    def merc(lat: float) -> float:
        lat = max(-85.0, min(85.0, lat))
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north_y - self.merc(lat)) / (self.north_y - self.south_y) * self.height
        return round(x, 1), round(y, 1)

    def sees(self, ring: Ring) -> bool:
        lons = [p[0] for p in ring]
        lats = [self.merc(p[1]) for p in ring]
        return not (
            max(lons) < self.west
            or min(lons) > self.east
            or max(lats) < self.south_y
            or min(lats) > self.north_y
        )


def _view(points: Sequence[tuple[float, float]], width: int, height: int, min_span: float) -> _View:
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lon_span = max(max(lons) - min(lons), min_span)
    lat_span = max(max(lats) - min(lats), min_span * height / width)
    lon_mid, lat_mid = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    lon_span, lat_span = lon_span * (1 + 2 * PAD), lat_span * (1 + 2 * PAD)
    # widen one side so the box keeps the picture's aspect ratio under Mercator
    north, south = _View.merc(lat_mid + lat_span / 2), _View.merc(lat_mid - lat_span / 2)
    y_span = north - south
    x_span = math.radians(lon_span)
    if x_span / y_span < width / height:
        lon_span = math.degrees(y_span * width / height)
    else:
        mid = (north + south) / 2
        north, south = mid + x_span * height / width / 2, mid - x_span * height / width / 2
    return _View(lon_mid - lon_span / 2, lon_mid + lon_span / 2, north, south, width, height)


def _path(view: _View, ring: Ring) -> str:
    return "M" + "L".join(f"{x},{y}" for x, y in (view.xy(lon, lat) for lon, lat in ring)) + "Z"


def _countries_svg(
    view: _View, labels: list[tuple[str, tuple[float, float] | None]]
) -> Iterable[str]:
    """Country outlines; their label points are appended to ``labels`` for later."""
    for name, rings in country_outlines():
        visible = [ring for ring in rings if len(ring) > 2 and view.sees(ring)]
        if visible:
            paths = "".join(_path(view, ring) for ring in visible)
            yield f'<path class="land" d="{paths}"><title>{escape(name)}</title></path>'
            labels.append((name, _label_point(view, visible)))


def _country_labels(
    labels: list[tuple[str, tuple[float, float] | None]], taken: list[Box]
) -> Iterable[str]:
    """Country names where they hide no place label or dot."""
    for name, point in labels:
        if point is None:
            continue
        width = 8.5 * len(name)
        box = (point[0] - width / 2, point[1] - 12, point[0] + width / 2, point[1] + 2)
        if not any(_overlap(box, other) for other in taken):
            taken.append(box)
            yield f'<text class="country" x="{point[0]}" y="{point[1]}">{escape(name)}</text>'


def _label_point(view: _View, rings: list[Ring]) -> tuple[float, float] | None:
    """Centre of the grid points that fall inside the country, if enough of it shows."""
    projected = [[view.xy(lon, lat) for lon, lat in ring] for ring in rings]
    step_x, step_y = view.width / 16, view.height / 10
    grid = [((i + 0.5) * step_x, (j + 0.5) * step_y) for i in range(16) for j in range(10)]
    inside = [p for p in grid if sum(_contains(ring, p) for ring in projected) % 2 == 1]
    if len(inside) < 3:
        return None
    return (
        round(sum(p[0] for p in inside) / len(inside), 1),
        round(sum(p[1] for p in inside) / len(inside), 1),
    )


def _contains(ring: list[tuple[float, float]], point: tuple[float, float]) -> bool:
    """Even-odd ray casting."""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def _routes_svg(view: _View, routes: Sequence[Route]) -> Iterable[str]:
    for route in routes:
        coords = route.geometry.get("coordinates") or []
        if len(coords) < 2:
            continue
        points = " ".join(f"{x},{y}" for x, y in (view.xy(c[0], c[1]) for c in coords))
        label = " → ".join(p.name for p in route.places)
        yield (
            f'<polyline class="route" points="{points}"><title>{escape(label)}</title></polyline>'
        )
        yield _arrow_head(view.xy(*coords[-2][:2]), view.xy(*coords[-1][:2]))


def _arrow_head(tail: tuple[float, float], tip: tuple[float, float]) -> str:
    """A filled triangle at ``tip`` pointing away from ``tail`` (no markers, no url())."""
    angle = math.atan2(tip[1] - tail[1], tip[0] - tail[0])
    corners = [tip] + [
        (tip[0] - 11 * math.cos(angle + turn), tip[1] - 11 * math.sin(angle + turn))
        for turn in (0.45, -0.45)
    ]
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
    return f'<polygon class="arrow" points="{points}"/>'


Box = tuple[float, float, float, float]
LABEL_OFFSETS = ((6, -6, "start"), (-6, -6, "end"), (6, 14, "start"), (-6, 14, "end"))


def _places_svg(view: _View, places: Sequence[Place], taken: list[Box]) -> Iterable[str]:
    """Dots for distinct places, then labels where they overlap no dot or earlier label."""
    dots: list[tuple[float, float, Place]] = []
    seen: set[str] = set()
    for place in places:
        assert place.lon is not None and place.lat is not None
        x, y = view.xy(place.lon, place.lat)
        key = f"{place.geonameid or place.name}"
        if 0 <= x <= view.width and 0 <= y <= view.height and key not in seen:
            seen.add(key)
            dots.append((x, y, place))
    taken.extend((x - 5, y - 5, x + 5, y + 5) for x, y, _ in dots)
    for x, y, place in dots:
        kind = escape(place.kind or "place")
        title = escape(f"{place.name} ({place.kind or 'place'}), written “{place.text}”")
        yield f'<g class="place k-{kind}"><circle cx="{x}" cy="{y}" r="4"><title>{title}</title>'
        yield "</circle>"
        yield from _label(x, y, place.text, taken)
        yield "</g>"


def _label(x: float, y: float, text: str, taken: list[Box]) -> Iterable[str]:
    width = 6.8 * len(text)
    for dx, dy, anchor in LABEL_OFFSETS:
        left = x + dx if anchor == "start" else x + dx - width
        box = (left, y + dy - 11, left + width, y + dy + 2)
        if not any(_overlap(box, other) for other in taken):
            taken.append(box)
            yield f'<text x="{x + dx}" y="{y + dy}" text-anchor="{anchor}">{escape(text)}</text>'
            return


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def render_svg_map(
    places: Sequence[Place],
    routes: Sequence[Route] = (),
    *,
    width: int = 640,
    height: int = 420,
    min_span: float = MIN_SPAN_DEG,
) -> Markup | None:
    """An SVG map of the resolved places and routes, or None when nothing has coordinates."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    local = [p for p in located if p.kind not in ("country", "continent", "region", "water")]
    focus = local or located
    if not focus:
        return None
    points = [(p.lon, p.lat) for p in focus if p.lon is not None and p.lat is not None]
    view = _view(points, width, height, min_span)
    country_labels: list[tuple[str, tuple[float, float] | None]] = []
    taken: list[Box] = []
    parts = [
        f'<svg class="newsint-map" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="Map of the places in the article">',
        f'<rect class="sea" width="{width}" height="{height}"/>',
        *_countries_svg(view, country_labels),
        *_routes_svg(view, routes),
        *_places_svg(view, focus, taken),
        *_country_labels(country_labels, taken),
        "</svg>",
    ]
    return Markup("".join(parts))
