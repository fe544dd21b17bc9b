"""Streets, buildings and unknown local names, placed at the town that contains them."""

from __future__ import annotations

import pytest

from newsint.geo import geoparse
from newsint.geo.facilities import facility_kind, is_local_name, is_organisation
from newsint.geo.gazetteer import ArrayGazetteer

from .conftest import MakeDoc


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        (["Royal", "Street"], "street"),
        (["Eglinton", "Avenue"], "street"),
        (["Manila", "Cathedral"], "facility"),
        (["Barclays", "Center"], "facility"),
        (["Royal", "Family"], None),
        ([], None),
    ],
)
def test_facility_kind_from_the_last_word(words: list[str], kind: str | None) -> None:
    assert facility_kind(words) == kind


def test_organisations_that_end_like_buildings() -> None:
    assert is_organisation(["Inside", "Syria", "Media", "Center"])
    assert not is_organisation(["Barclays", "Center"])


def test_local_names(fake: ArrayGazetteer) -> None:
    assert is_local_name("Xyzzyville", fake.candidates)
    assert is_local_name("Collier County", fake.candidates)
    assert not is_local_name("Northern Xyzzy", fake.candidates)  # a wide area
    assert not is_local_name("Xyzzy Texas", fake.candidates)  # built on a division


def test_street_at_the_town_written_after_it(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("A man was stabbed on Elm Street in Dallas.", [("Dallas", "GPE")])
    street, dallas = geoparse(doc, gazetteer=fake)[0]
    assert street.text == "Elm Street" and street.kind == "street"
    assert (street.lat, street.lon) == (dallas.lat, dallas.lon)
    assert street.geonameid is None and 0 < street.confidence < dallas.confidence


def test_building_needs_a_locative_context(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "Fans met at Barclays Center in Dallas. Barclays Center said no.",
        [("Barclays Center", "ORG"), ("Dallas", "GPE"), ("Barclays Center", "ORG")],
    )
    places, _ = geoparse(doc, gazetteer=fake)
    assert [(p.text, p.start) for p in places] == [("Barclays Center", 12), ("Dallas", 31)]
    assert places[0].kind == "facility" and places[0].country_code == "US"


def test_town_inside_the_name(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Crowds gathered at the Chicago Auto Show.", [("the Chicago Auto Show", "FAC")])
    (show,), _ = geoparse(doc, gazetteer=fake)
    assert show.text == "Chicago Auto Show" and show.lat == pytest.approx(41.85, abs=0.1)


def test_facility_without_any_town_stays_unresolved(
    make_doc: MakeDoc, fake: ArrayGazetteer
) -> None:
    (hall,), _ = geoparse(make_doc("They met at the Xyzzy Hall."), gazetteer=fake)
    assert hall.text == "Xyzzy Hall" and hall.lat is None and hall.confidence == 0.0


def test_organisation_named_like_a_building(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "She works at Inside Syria Media Center in Dallas.",
        [("Inside Syria Media Center", "ORG"), ("Dallas", "GPE")],
    )
    assert [p.text for p in geoparse(doc, gazetteer=fake)[0]] == ["Dallas"]


def test_unknown_name_before_its_division(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("He lives in Xyzzyville, Texas.", [("Xyzzyville", "GPE"), ("Texas", "GPE")])
    town, texas = geoparse(doc, gazetteer=fake)[0]
    assert town.kind == "locality" and town.country_code == "US"
    assert (town.lat, town.lon) == (texas.lat, texas.lon)


def test_unknown_local_name_in_a_town_article(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    text = "Dallas police said a fire in Dallas spread to Xyzzyville and to Northern Xyzzy."
    ents = [("Dallas", "GPE"), ("Dallas", "GPE"), ("Xyzzyville", "GPE"), ("Northern Xyzzy", "LOC")]
    places = {p.text: p for p in geoparse(make_doc(text, ents), gazetteer=fake)[0]}
    assert places["Xyzzyville"].kind == "locality"
    assert places["Xyzzyville"].lat == places["Dallas"].lat
    assert places["Northern Xyzzy"].lat is None  # a wide area is not placed at a town
