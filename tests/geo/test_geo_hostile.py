from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.geo import geoparse
from newsint.geo.gazetteer import ArrayGazetteer

from .conftest import MakeDoc


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["Paris London Berlin Texas Amuda"] * 800),  # thousands of capitalised tokens
        "مدينة القامشلي في محافظة الحسكة " * 300,  # right-to-left Arabic
        "They went to " + "Xy" * 250 + ".",  # one 500-character name
        "A" * 3000,
        "",
        "\n\n\n",
        "– – – Paris – – –",
        "BEIRUT (AP) — " * 500,  # thousands of datelines
        "Elm Street in Paris, " * 500,  # streets, each placed at a town
        "NEW\nYORK (AP) Royal Street Hospital St. Peter's Basilica " * 200,
    ],
)
def test_hostile_inputs_give_consistent_spans(
    blank: Language, gazetteer: ArrayGazetteer, text: str
) -> None:
    doc = blank(text)
    places, routes = geoparse(doc, gazetteer=gazetteer)
    assert all(doc.text[p.start : p.end] == p.text for p in places)
    assert all(doc.text[r.start : r.end] == r.text for r in routes)


def test_long_entity_names(make_doc: MakeDoc, gazetteer: ArrayGazetteer) -> None:
    name = "Qamishli" + "x" * 500
    doc = make_doc(f"They fled to {name}.", [(name, "GPE")])
    (place,), _ = geoparse(doc, gazetteer=gazetteer)
    assert place.lat is None and place.text == name


def test_tagged_arabic(nlp: Language, gazetteer: ArrayGazetteer) -> None:
    doc = nlp("Fighting near القامشلي and in Qamishli continued.")
    places, _ = geoparse(doc, gazetteer=gazetteer)
    assert all(doc.text[p.start : p.end] == p.text for p in places)
