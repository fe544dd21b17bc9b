from __future__ import annotations

from newsint.geo import geoparse
from newsint.geo.gazetteer import ArrayGazetteer

from .conftest import MakeDoc


def names(route) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in route.places]


def test_dash_chain_in_travel_order(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    text = "The route runs Qamishli – Amuda – Sari Kani these days."
    doc = make_doc(text, [("Qamishli", "GPE"), ("Amuda", "GPE"), ("Sari Kani", "PERSON")])
    _, (route,) = geoparse(doc, gazetteer=fake)
    assert names(route) == ["Qamishli", "Amuda", "Sari Kani"]
    assert route.text == "Qamishli – Amuda – Sari Kani" == text[route.start : route.end]
    coords = route.geometry["coordinates"]
    assert route.geometry["type"] == "LineString" and len(coords) == 3
    assert coords[0] == [route.places[0].lon, route.places[0].lat]


def test_from_via_to(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc(
        "They drove from Dallas via Paris to Washington.",
        [("Dallas", "GPE"), ("Paris", "GPE"), ("Washington", "GPE")],
    )
    _, (route,) = geoparse(doc, gazetteer=fake)
    assert names(route) == ["Dallas", "Paris", "Washington"]
    assert route.text == "Dallas via Paris to Washington"


def test_continuation_to_alternative_destinations(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    text = "The route is Dallas – Paris. Then they reach the towns of Ankara and Washington."
    doc = make_doc(
        text, [("Dallas", "GPE"), ("Paris", "GPE"), ("Ankara", "GPE"), ("Washington", "GPE")]
    )
    _, routes = geoparse(doc, gazetteer=fake)
    assert [names(r) for r in routes] == [
        ["Dallas", "Paris"],
        ["Paris", "Ankara"],
        ["Paris", "Washington"],
    ]
    assert all(r.text == text[r.start : r.end] for r in routes)
    assert routes[1].text.startswith("reach")


def test_no_route_without_movement(make_doc: MakeDoc, fake: ArrayGazetteer) -> None:
    doc = make_doc("Paris and Dallas are cities.", [("Paris", "GPE"), ("Dallas", "GPE")])
    assert geoparse(doc, gazetteer=fake)[1] == []


def test_unresolved_places_stay_out_of_the_geometry(
    make_doc: MakeDoc, fake: ArrayGazetteer
) -> None:
    doc = make_doc("From Xyzzyville to Paris.", [("Xyzzyville", "GPE"), ("Paris", "GPE")])
    assert geoparse(doc, gazetteer=fake)[1] == []  # one point is no line
