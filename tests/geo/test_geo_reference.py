"""The reference article: nine towns, three countries, the route north to the border."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsint.geo import geoparse
from newsint.geo.gazetteer import ArrayGazetteer
from newsint.geo.resolve import haversine_km

pytestmark = pytest.mark.shared

TOWNS = {  # mention -> (geonameid, lat, lon) of the GeoNames record
    "Istanbul": (745044, 41.014, 28.950),
    "Ash Shaddadi": (172837, 36.058, 40.735),
    "Al Hasakah": (173811, 36.502, 40.748),
    "Tall Tamr": (163434, 36.656, 40.371),
    "Sari Kani": (165509, 36.850, 40.071),
    "Ad Darbasiyah": (170887, 37.073, 40.652),
    "Amuda": (173230, 37.104, 40.930),
    "Qamishli": (173377, 37.052, 41.231),
}


@pytest.fixture(scope="module")
def doc(nlp: Language, reference_text: str) -> Doc:
    return nlp(reference_text)


def test_towns_within_15_km(doc: Doc, gazetteer: ArrayGazetteer) -> None:
    places, _ = geoparse(doc, gazetteer=gazetteer)
    by_text = {p.text: p for p in places}
    for text, (geonameid, lat, lon) in TOWNS.items():
        place = by_text[text]
        assert place.geonameid == geonameid, text
        assert place.lat is not None and place.lon is not None
        assert haversine_km(place.lat, place.lon, lat, lon) < 15, text
        assert place.country_code == ("TR" if text == "Istanbul" else "SY")


def test_samsun_is_the_province(doc: Doc, gazetteer: ArrayGazetteer) -> None:
    # The article says "Samsun province": the division, whose point is ~45 km from the city.
    places, _ = geoparse(doc, gazetteer=gazetteer)
    (samsun,) = [p for p in places if p.text == "Samsun"]
    assert samsun.kind == "admin1" and samsun.geonameid == 740263
    assert samsun.lat is not None and samsun.lon is not None
    assert haversine_km(samsun.lat, samsun.lon, 41.280, 36.336) < 60


def test_countries_and_no_stray_places(doc: Doc, gazetteer: ArrayGazetteer) -> None:
    places, _ = geoparse(doc, gazetteer=gazetteer)
    countries = {p.text: p for p in places if p.kind == "country"}
    for name, code in (("Turkey", "TR"), ("Syria", "SY"), ("Iraq", "IQ")):
        assert countries[name].country_code == code
    texts = {p.text for p in places}
    assert not texts & {"Turkish", "Syrian", "Kurds", "ISIS", "Sophie Mangal", "Islamists"}
    assert all(doc.text[p.start : p.end] == p.text for p in places)


def test_route_order(doc: Doc, gazetteer: ArrayGazetteer) -> None:
    _, routes = geoparse(doc, gazetteer=gazetteer)
    chains = [[p.text for p in r.places] for r in routes]
    assert chains[0] == ["Ash Shaddadi", "Al Hasakah", "Tall Tamr"]
    assert routes[0].text == "Ash Shaddadi – Al Hasakah – Tall Tamr"
    assert chains[1:] == [
        ["Tall Tamr", "Sari Kani"],
        ["Tall Tamr", "Ad Darbasiyah"],
        ["Tall Tamr", "Amuda"],
        ["Tall Tamr", "Qamishli"],
    ]
    for route in routes:
        assert doc.text[route.start : route.end] == route.text
        lats = [lat for _, lat in route.geometry["coordinates"]]
        assert lats[-1] > lats[0]  # northwards, towards the border
