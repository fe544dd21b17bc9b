"""Datelines: the place a report was filed from, in capitals before the first sentence."""

from __future__ import annotations

import pytest

from newsint.geo import geoparse
from newsint.geo.datelines import find_datelines
from newsint.geo.gazetteer import ArrayGazetteer

from .conftest import MakeDoc


def names(text: str, gazetteer: ArrayGazetteer) -> list[str]:
    return [text[a:b] for a, b, _ in find_datelines(text, gazetteer.candidates)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DALLAS (AP) — Storms hit the city on Monday.", ["DALLAS"]),
        ("By Jane Roe, Associated Press ANKARA (AP) — Talks resumed.", ["ANKARA"]),
        ("Headline here\nPARIS — The museum reopened.", ["PARIS"]),
        ("CHICAGO, Ill. - A man was arrested.", ["CHICAGO"]),
        ("DALLAS & PARIS,, MARCH 29, 2018 -- Both cities voted.", ["DALLAS", "PARIS"]),
        ("PARIS: The museum reopened.", ["PARIS"]),
        ("Ankara: officials met on Monday.", ["Ankara"]),
    ],
)
def test_dateline_shapes(fake: ArrayGazetteer, text: str, expected: list[str]) -> None:
    assert names(text, fake) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The virus spread like HIV (AIDS) did.",  # an acronym, a bracket that is no agency
        "AMUDA: a caption naming a small town",  # after a colon, only major places count
        "SURGE IN MURALS. Artists met in the square.",  # capitals that name no place
        "They met in Paris on Monday.",  # an ordinary mention is not a dateline
    ],
)
def test_what_is_not_a_dateline(fake: ArrayGazetteer, text: str) -> None:
    assert names(text, fake) == []


def test_dateline_is_a_place_without_any_entity(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("DALLAS (AP) — Storms hit the city on Monday.")
    (place,), _ = geoparse(doc, gazetteer=fake)
    assert place.text == "DALLAS" and place.country_code == "US"
    assert doc.text[place.start : place.end] == place.text


def test_dateline_prefers_the_well_known_place(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    # Texas is named, which favours the small Paris in Texas for an ordinary mention;
    # a dateline names a place readers know.
    doc = make_doc("PARIS (AP) — Officials in Texas said so.", [("Texas", "GPE")])
    paris = next(p for p in geoparse(doc, gazetteer=fake)[0] if p.text == "PARIS")
    assert paris.country_code == "FR"
