from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.geo import geoparse
from newsint.geo.gazetteer import ArrayGazetteer
from newsint.geo.recognise import recognise
from newsint.model import Place

from .conftest import MakeDoc


def texts(places: list[Place]) -> list[str]:
    return [p.text for p in places]


def test_spans_cover_exact_text(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("He flew from Paris to Dallas.", [("Paris", "GPE"), ("Dallas", "GPE")])
    places, _ = geoparse(doc, gazetteer=fake)
    assert texts(places) == ["Paris", "Dallas"]
    assert all(doc.text[p.start : p.end] == p.text for p in places)


def test_organisation_split_on_and(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "Rarely they flee towards Amuda and Qamishli (it is harder).",
        [("Amuda and Qamishli", "ORG")],
    )
    places, _ = geoparse(doc, gazetteer=fake)
    assert texts(places) == ["Amuda", "Qamishli"]
    assert {p.country_code for p in places} == {"SY"}


def test_person_tag_overruled_in_a_place_context(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("They reach the border-towns of Sari Kani.", [("Sari Kani", "PERSON")])
    (place,), _ = geoparse(doc, gazetteer=fake)
    assert (
        place.name == "Ra’s al ‘Ayn"
        and place.geonameid is None
        and place.lat == pytest.approx(36.85)
    )


def test_person_stays_a_person(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "Mr Dallas said the talks failed. Dallas told reporters so.",
        [("Dallas", "PERSON"), ("Dallas", "PERSON")],
    )
    places, _ = geoparse(doc, gazetteer=fake)
    assert places == []


def test_demonyms_are_context_not_places(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Turkish and Syrian officials met.", [("Turkish", "NORP"), ("Syrian", "NORP")])
    places, _ = geoparse(doc, gazetteer=fake)
    assert places == []
    recognition = recognise(doc, fake)
    assert [d.place.country_code for d in recognition.demonyms] == ["TR", "SY"]
    with_demonyms, _ = geoparse(doc, gazetteer=fake, demonyms=True)
    assert [p.country_code for p in with_demonyms] == ["TR", "SY"]


def test_unknown_names_are_kept_unresolved(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "Fighting moved from Xyzzyville to Paris.", [("Xyzzyville", "GPE"), ("Paris", "GPE")]
    )
    unknown, paris = geoparse(doc, gazetteer=fake)[0]
    assert unknown.text == "Xyzzyville" and unknown.name == "Xyzzyville"
    assert unknown.geonameid is None and unknown.lat is None and unknown.confidence == 0.0
    assert paris.country_code == "FR"


def test_ranges_limit_what_is_read(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Paris. Dallas.", [("Paris", "GPE"), ("Dallas", "GPE")])
    places, _ = geoparse(doc, gazetteer=fake, ranges=[(7, 14)])
    assert texts(places) == ["Dallas"]


def test_province_suffix_asks_for_a_division(nlp: Language, gazetteer: ArrayGazetteer) -> None:
    doc = nlp("The administration of Samsun province in Turkey published it.")
    samsun = next(p for p in geoparse(doc, gazetteer=gazetteer)[0] if p.text == "Samsun")
    assert samsun.kind == "admin1" and samsun.geonameid == 740263


def test_untagged_capitalised_names_in_a_place_context(
    make_doc: MakeDoc, fake: ArrayGazetteer
) -> None:
    doc = make_doc("Convoys left Qamishli for the coast.")  # no entities at all
    (place,), _ = geoparse(doc, gazetteer=fake)
    assert place.text == "Qamishli"


@pytest.mark.parametrize("text", ["March on.", "Best wishes.", "Mobile phones."])
def test_common_words_that_are_towns(nlp: Language, gazetteer: ArrayGazetteer, text: str) -> None:
    assert geoparse(nlp(text), gazetteer=gazetteer)[0] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ankara said on Monday that the border would stay closed.", "Ankara"),
        ("Washington warned that sanctions would follow.", "Washington"),
        ("Moscow denied the report.", "Moscow"),
    ],
)
def test_metonymy(nlp: Language, gazetteer: ArrayGazetteer, text: str, name: str) -> None:
    place = next(p for p in geoparse(nlp(text), gazetteer=gazetteer)[0] if p.text == name)
    assert place.metonymic


def test_literal_use_is_not_metonymic(nlp: Language, gazetteer: ArrayGazetteer) -> None:
    places, _ = geoparse(nlp("Five people were detained in Ankara on Monday."), gazetteer=gazetteer)
    assert [p.metonymic for p in places if p.text == "Ankara"] == [False]


def test_metonymy_without_a_parser(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Ankara said no.", [("Ankara", "GPE")])
    (place,), _ = geoparse(doc, gazetteer=fake)
    assert place.metonymic


@pytest.mark.parametrize("label", ["PRODUCT", "EVENT", "NORP", "ORG", "PERSON"])
def test_any_label_after_a_preposition(make_doc: MakeDoc, fake: ArrayGazetteer, label: str) -> None:
    doc = make_doc("Two men were arrested in Amuda on Monday.", [("Amuda", label)])
    assert texts(geoparse(doc, gazetteer=fake)[0]) == ["Amuda"]


def test_other_labels_need_a_place_context(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Amuda released a new album.", [("Amuda", "PRODUCT")])
    assert geoparse(doc, gazetteer=fake)[0] == []


def test_a_place_named_again_without_its_tag(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Shelling hit Amuda overnight. Amuda is quiet now.", [("Amuda", "GPE")])
    assert texts(geoparse(doc, gazetteer=fake)[0]) == ["Amuda", "Amuda"]


def test_a_surname_is_the_person_again(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "The canal was built by Claude Amuda. Later, Amuda sold it.",
        [("Claude Amuda", "PERSON"), ("Amuda", "GPE")],
    )
    assert geoparse(doc, gazetteer=fake)[0] == []


def test_of_after_a_person(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Jane Roe of Amuda won the prize.", [("Jane Roe", "PERSON")])
    assert texts(geoparse(doc, gazetteer=fake)[0]) == ["Amuda"]


def test_town_before_a_facility_after_a_possessive(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("A fire broke out on Dallas's Elm Street.", [("Dallas's Elm Street", "ORG")])
    dallas, street = geoparse(doc, gazetteer=fake)[0]
    assert (dallas.text, dallas.kind) == ("Dallas", "city")
    assert (street.text, street.kind, street.lat) == ("Elm Street", "street", dallas.lat)


def test_two_places_in_one_entity(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Delegates came from Paris Dallas and elsewhere.", [("Paris Dallas", "GPE")])
    assert texts(geoparse(doc, gazetteer=fake)[0]) == ["Paris", "Dallas"]


def test_places_inside_an_organisation_name(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("He flew with Air Texas yesterday.", [("Air Texas", "ORG")])
    assert geoparse(doc, gazetteer=fake)[0] == []


def test_currency_is_not_a_country(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    assert geoparse(make_doc("It cost US$5 million to build."), gazetteer=fake)[0] == []


def test_entity_cut_short_by_the_ner(make_doc: MakeDoc, gazetteer: ArrayGazetteer) -> None:
    doc = make_doc(
        "Migrants crossed into Baja California on foot.", [("Baja", "GPE"), ("California", "GPE")]
    )
    (place,), _ = geoparse(doc, gazetteer=gazetteer)
    assert (place.text, place.kind, place.country_code) == ("Baja California", "admin1", "MX")
