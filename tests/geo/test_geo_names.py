"""Names the gazetteer lacks in full: divisions with a capitalised suffix, places after
compass words (real gazetteer, entities given)."""

from __future__ import annotations

from newsint.geo import geoparse
from newsint.geo.gazetteer import ArrayGazetteer

from .conftest import MakeDoc


def test_a_division_written_with_its_suffix(make_doc: MakeDoc, gazetteer: ArrayGazetteer) -> None:
    text = "Migrants camped in Oaxaca State, Mexico."
    doc = make_doc(text, [("Oaxaca State", "GPE"), ("Mexico", "GPE")])
    oaxaca, _ = geoparse(doc, gazetteer=gazetteer)[0]
    assert (oaxaca.text, oaxaca.kind, oaxaca.country_code) == ("Oaxaca State", "admin1", "MX")


def test_lowercase_compass_words_are_left_out(make_doc: MakeDoc, gazetteer: ArrayGazetteer) -> None:
    text = "He lives in north west London."
    (london,), _ = geoparse(make_doc(text, [("north west London", "GPE")]), gazetteer=gazetteer)
    assert london.text == "London" and london.country_code == "GB"
    assert text[london.start : london.end] == "London"


def test_capitalised_compass_words_only_before_a_country_or_division(
    make_doc: MakeDoc, gazetteer: ArrayGazetteer
) -> None:
    text = "Storms crossed the Western US. West Nile virus spread."
    places, _ = geoparse(
        make_doc(text, [("Western US", "LOC"), ("West Nile", "LOC")]), gazetteer=gazetteer
    )
    by_text = {p.text: p for p in places}
    assert by_text["US"].country_code == "US"
    assert all(p.kind != "water" for p in places)  # the virus is not on the Nile


def test_the_kind_of_place_named_before_a_mislabelled_name(
    make_doc: MakeDoc, gazetteer: ArrayGazetteer
) -> None:
    text = "Swans died in the northern town of Toruń. The mayor of Dogubayazit spoke."
    doc = make_doc(text, [("Toruń", "NORP"), ("Dogubayazit", "ORG")])
    places, _ = geoparse(doc, gazetteer=gazetteer)
    assert [(p.text, p.country_code) for p in places] == [("Toruń", "PL"), ("Dogubayazit", "TR")]
    # without the cue the NER's labels stand
    plain = make_doc("Toruń fans cheered. Dogubayazit spoke.", [("Toruń", "NORP")])
    assert [p.text for p in geoparse(plain, gazetteer=gazetteer)[0]] == []
