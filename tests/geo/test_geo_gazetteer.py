from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from newsint.geo import build
from newsint.geo.gazetteer import ArrayGazetteer, Candidate, memory_gazetteer
from newsint.geo.resolve import haversine_km

from .geo_fakes import FAKE_DEMONYMS, FAKE_RECORDS


def _near(place: Candidate, lat: float, lon: float, km: float) -> bool:
    return haversine_km(place.lat, place.lon, lat, lon) <= km


# --- the in-memory gazetteer ------------------------------------------------------------------


def test_fake_lookup_orders_by_population(fake: ArrayGazetteer) -> None:
    paris = fake.candidates("paris")
    assert [c.country_code for c in paris] == ["FR", "US"]
    assert fake.has("PARIS") and not fake.has("Lyon")
    assert fake.candidates("Lyon") == []


def test_fake_alternate_and_alias_names(fake: ArrayGazetteer) -> None:
    (alternate,) = fake.candidates("Ras al-Ain")
    (alias,) = fake.candidates("Sari Kani")
    assert alternate.id == alias.id
    assert alias.primary and not alternate.primary


def test_fake_tables(fake: ArrayGazetteer) -> None:
    turkey = fake.country("TR")
    assert turkey is not None and turkey.kind == "country"
    assert fake.admin1("US.TX") is not None and fake.admin1("US.TX").name == "Texas"  # type: ignore[union-attr]
    assert fake.demonym("turkish") == turkey
    assert fake.demonym("Martian") is None
    assert ("paris", 0) in fake.names_in("FR")


def test_cache_round_trip(tmp_path: Path) -> None:
    columns = memory_gazetteer(FAKE_RECORDS, FAKE_DEMONYMS).columns
    path = tmp_path / "g.npz"
    build.save_columns(columns, path)
    again = ArrayGazetteer(build.load_columns(path))
    assert again.candidates("Sari Kani")[0].name == "Ra’s al ‘Ayn"
    assert again.demonym("Syrian") == again.country("SY")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_cache_location_honours_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSINT_CACHE_DIR", str(tmp_path))
    path = build.cache_path()
    assert path.parent == tmp_path
    assert path.name.startswith(f"gazetteer-v{build.BUILD_VERSION}-")


def test_unreadable_cache_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip file")
    columns = memory_gazetteer(FAKE_RECORDS).columns
    monkeypatch.setattr(build, "build_columns", lambda: columns)
    gaz = build.load_or_build(path)
    assert gaz.has("Dallas")
    assert ArrayGazetteer(build.load_columns(path)).has("Dallas")


# --- the real gazetteer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "geonameid", "lat", "lon"),
    [
        ("Sari Kani", 165509, 36.85, 40.07),
        ("Serê Kaniyê", 165509, 36.85, 40.07),
        ("Sere Kaniye", 165509, 36.85, 40.07),
        ("Ras al-Ain", 165509, 36.85, 40.07),
        ("Ash Shaddadi", 172837, 36.05, 40.73),
        ("Qamishlo", 173377, 37.05, 41.22),
        ("Qamishli", 173377, 37.05, 41.22),
        ("Tall Tamr", 163434, 36.65, 40.37),
        ("Tal Tamr", 163434, 36.65, 40.37),
        ("Amuda", 173230, 37.10, 40.93),
        ("Ad Darbasiyah", 170887, 37.07, 40.65),
        ("Darbasiyah", 170887, 37.07, 40.65),
        ("Al Hasakah", 173811, 36.50, 40.75),
        ("Hasaka", 173811, 36.50, 40.75),
    ],
)
def test_syrian_aliases(
    gazetteer: ArrayGazetteer, name: str, geonameid: int, lat: float, lon: float
) -> None:
    found = [c for c in gazetteer.candidates(name) if c.geonameid == geonameid]
    assert found, name
    assert found[0].kind == "city" and found[0].country_code == "SY"
    assert _near(found[0], lat, lon, 5)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("U.S.", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("Britain", "GB"),
        ("UAE", "AE"),
        ("DRC", "CD"),
        ("Türkiye", "TR"),
        ("Burma", "MM"),
    ],
)
def test_country_abbreviations(gazetteer: ArrayGazetteer, name: str, code: str) -> None:
    assert any(c.kind == "country" and c.country_code == code for c in gazetteer.candidates(name))


def test_countries_sit_at_their_point_not_their_capital(gazetteer: ArrayGazetteer) -> None:
    usa = gazetteer.country("US")
    assert usa is not None and usa.geonameid == 6252001
    assert _near(usa, 39.76, -98.5, 10)
    assert haversine_km(usa.lat, usa.lon, 38.895, -77.036) > 1500  # not Washington
    russia = gazetteer.country("RU")
    assert russia is not None and _near(russia, 60.0, 100.0, 10)
    turkey = gazetteer.country("TR")
    assert turkey is not None and _near(turkey, 39.0, 35.0, 10)


@pytest.mark.parametrize(
    ("name", "kind", "lat", "lon"),
    [
        ("B.C.", "admin1", 54.0, -125.0),
        ("N.Y.", "admin1", 43.0, -75.5),
        ("Texas", "admin1", 31.25, -99.25),
        ("Tamil Nadu", "admin1", 11.0, 78.3),
        ("Samsun Province", "admin1", 41.25, 36.0),
        ("the Middle East", "region", 33.1, 35.9),
        ("the Gulf", "water", 27.0, 51.0),
        ("Persian Gulf", "water", 27.0, 51.0),
        ("Mediterranean", "water", 35.0, 20.0),
        ("Black Sea", "water", 43.0, 35.0),
        ("Red Sea", "water", 20.3, 38.5),
        ("Euphrates", "water", 35.0, 40.4),
        ("Tigris", "water", 34.5, 43.8),
        ("Nile", "water", 26.0, 32.0),
        ("Gaza Strip", "admin1", 31.4, 34.4),
        ("West Bank", "admin1", 32.0, 35.2),
        ("Kurdistan", "region", 36.5, 44.0),
        ("Balkans", "region", 43.0, 21.0),
        ("Caucasus", "region", 42.0, 44.0),
        ("Sahel", "region", 15.0, 0.0),
        ("Europe", "continent", 48.7, 9.1),
    ],
)
def test_divisions_and_regions(
    gazetteer: ArrayGazetteer, name: str, kind: str, lat: float, lon: float
) -> None:
    found = [c for c in gazetteer.candidates(name) if c.kind == kind]
    assert found, name
    assert _near(found[0], lat, lon, 120), (name, found[0])


def test_admin1_points_come_from_member_places(gazetteer: ArrayGazetteer) -> None:
    hasakah = gazetteer.admin1("SY.01")
    assert hasakah is not None and hasakah.name == "Al-Hasakah Governorate"
    assert _near(hasakah, 36.5, 40.9, 120)


def test_demonyms(gazetteer: ArrayGazetteer) -> None:
    assert gazetteer.demonym("Turkish") == gazetteer.country("TR")
    assert gazetteer.demonym("Syrians") == gazetteer.country("SY")
    kurds = gazetteer.demonym("Kurds")
    assert kurds is not None and kurds.name == "Kurdistan"


def test_noise_is_not_indexed(gazetteer: ArrayGazetteer) -> None:
    # "KAC" is an airport code among Qamishli's alternate names
    assert all(c.geonameid != 173377 for c in gazetteer.candidates("KAC"))
    assert not gazetteer.has("12345")


def test_index_is_compact_and_loads_fast(gazetteer: ArrayGazetteer) -> None:
    cols = gazetteer.columns
    assert len(gazetteer) > 230_000
    assert cols.hashes.dtype == np.uint64 and np.all(cols.hashes[1:] > cols.hashes[:-1])
    start = time.perf_counter()
    again = ArrayGazetteer(build.load_columns(build.cache_path()))
    assert time.perf_counter() - start < 2.0
    assert again.candidates("Qamishli")[0].geonameid == 173377
