"""US counties (points derived from the Census Bureau's boundaries), capitals and places
inside organisation names, on the real gazetteer."""

from __future__ import annotations

from spacy.language import Language

from newsint.geo import geoparse
from newsint.geo.build import read_table
from newsint.geo.gazetteer import ArrayGazetteer, haversine_km

from .conftest import MakeDoc


def test_every_county_row_is_a_point_in_the_united_states() -> None:
    rows = list(read_table("us_counties.tsv"))
    assert len(rows) > 3000
    for fips, lat, lon, population in rows:
        assert len(fips) == 5 and fips.isdigit()
        if int(fips[:2]) <= 56:  # the states and DC (60 and above: the territories)
            assert 18 < float(lat) < 72 and -180 < float(lon) < -64, fips
        assert int(population) >= 0


def test_counties_without_a_same_named_town_are_known(gazetteer: ArrayGazetteer) -> None:
    # no town is called Muhlenberg or Cuyahoga: these counties were missing before
    (muhlenberg,) = gazetteer.candidates("Muhlenberg County")
    assert muhlenberg.kind == "admin2" and muhlenberg.admin1 == "US.KY"
    # Greenville, the county seat, is about 20 km from the county's centre
    assert haversine_km(muhlenberg.lat, muhlenberg.lon, 37.20, -87.18) < 40
    assert {c.admin1 for c in gazetteer.candidates("Ohio County")} >= {"US.KY", "US.WV"}
    # the stem is a name only where no other place has it
    assert gazetteer.candidates("Cuyahoga")[0].name == "Cuyahoga County"
    assert all(c.kind != "admin2" or c.country_code != "US" for c in gazetteer.candidates("Ohio"))


def test_a_county_follows_the_state_the_article_names(
    make_doc: MakeDoc, gazetteer: ArrayGazetteer
) -> None:
    text = "Flooding closed roads in Kentucky. In Ohio County, schools shut."
    doc = make_doc(text, [("Kentucky", "GPE"), ("Ohio County", "GPE")])
    _, county = geoparse(doc, gazetteer=gazetteer)[0]
    assert county.kind == "admin2" and county.lat is not None and county.lon is not None
    assert haversine_km(county.lat, county.lon, 37.48, -86.85) < 50  # Ohio County, Kentucky


def test_one_capital_per_country(gazetteer: ArrayGazetteer) -> None:
    capitals = [c for c in gazetteer.candidates("Washington") if c.capital]
    assert [c.admin1 for c in capitals] == ["US.DC"]


def test_washington_is_the_capital_in_an_article_about_britain(
    make_doc: MakeDoc, gazetteer: ArrayGazetteer
) -> None:
    text = "Britain expelled diplomats. London said Washington agreed."
    doc = make_doc(text, [("Britain", "GPE"), ("London", "GPE"), ("Washington", "GPE")])
    washington = geoparse(doc, gazetteer=gazetteer)[0][-1]
    assert washington.country_code == "US"


def test_a_town_inside_an_organisation_name_places_the_streets(
    nlp: Language, gazetteer: ArrayGazetteer
) -> None:
    text = (
        "The parade starts on Royal Street. The old New Orleans Railways and Light Company "
        "power house stood near Washington Square, two blocks from Desire Street."
    )
    places, _ = geoparse(nlp(text), gazetteer=gazetteer)
    assert "New Orleans" not in [p.text for p in places]  # not returned unless asked for
    streets = [p for p in places if p.text in ("Royal Street", "Washington Square")]
    assert streets
    for street in streets:
        assert street.lat is not None and street.lon is not None
        assert haversine_km(street.lat, street.lon, 29.95, -90.07) < 30, street.text
    with_embedded, _ = geoparse(nlp(text), gazetteer=gazetteer, embedded=True)
    assert "New Orleans" in [p.text for p in with_embedded]
