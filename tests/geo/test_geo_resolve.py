from __future__ import annotations

from spacy.language import Language

from newsint.geo import geoparse
from newsint.geo.gazetteer import ArrayGazetteer
from newsint.geo.resolve import haversine_km

from .conftest import MakeDoc


def test_most_populous_without_context(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    (paris,), _ = geoparse(make_doc("We met in Paris.", [("Paris", "GPE")]), gazetteer=fake)
    assert paris.country_code == "FR"


def test_homonym_follows_the_article(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "Storms hit Texas. In Paris, roofs were torn off.", [("Texas", "GPE"), ("Paris", "GPE")]
    )
    _, paris = geoparse(doc, gazetteer=fake)[0]
    assert paris.country_code == "US" and paris.lat is not None and paris.lat < 40


def test_homonym_follows_nearby_places(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "From Chicago we drove to Springfield.", [("Chicago", "GPE"), ("Springfield", "GPE")]
    )
    _, springfield = geoparse(doc, gazetteer=fake)[0]
    assert springfield.lon is not None and springfield.lon > -90  # Illinois, not Missouri
    alone = make_doc("We drove to Springfield.", [("Springfield", "GPE")])
    (bigger,), _ = geoparse(alone, gazetteer=fake)
    assert bigger.lon is not None and bigger.lon < -93  # the more populous one


def test_qualifier_after_a_comma(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("He was born in Paris, Texas.", [("Paris", "GPE"), ("Texas", "GPE")])
    paris, texas = geoparse(doc, gazetteer=fake)[0]
    assert paris.country_code == "US" and texas.kind == "admin1"


def test_demonyms_steer_resolution(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Texan ranchers met in Paris.", [("Texan", "NORP"), ("Paris", "GPE")])
    (paris,), _ = geoparse(doc, gazetteer=fake)
    assert paris.country_code == "US"
    plain = make_doc("American tourists visited Paris.", [("American", "NORP"), ("Paris", "GPE")])
    (capital,), _ = geoparse(plain, gazetteer=fake)
    assert capital.country_code == "FR"  # a world capital outweighs a country hint


def test_countries_at_their_point(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    (usa,), _ = geoparse(
        make_doc("Aid came from the U.S. today.", [("U.S.", "GPE")]), gazetteer=fake
    )
    assert usa.kind == "country" and (usa.lat, usa.lon) == (39.76, -98.5)


def test_confidence_is_a_probability(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "Paris and Dallas and Ankara.", [("Paris", "GPE"), ("Dallas", "GPE"), ("Ankara", "GPE")]
    )
    places, _ = geoparse(doc, gazetteer=fake)
    assert all(0.0 < p.confidence <= 1.0 for p in places)


def test_real_gazetteer_context(nlp: Language, gazetteer: ArrayGazetteer) -> None:
    doc = nlp("The tornado struck Paris, Texas, about 100 miles northeast of Dallas.")
    paris = next(p for p in geoparse(doc, gazetteer=gazetteer)[0] if p.text == "Paris")
    assert paris.lat is not None and paris.lon is not None
    assert haversine_km(paris.lat, paris.lon, 33.66, -95.56) < 20


def test_real_gazetteer_usa_not_washington(nlp: Language, gazetteer: ArrayGazetteer) -> None:
    places, _ = geoparse(nlp("The United States sent aid to Syria."), gazetteer=gazetteer)
    usa = places[0]
    assert usa.kind == "country" and usa.geonameid == 6252001
    assert usa.lat is not None and usa.lon is not None
    assert haversine_km(usa.lat, usa.lon, 38.895, -77.036) > 1500
    assert places[1].country_code == "SY" and places[1].kind == "country"
