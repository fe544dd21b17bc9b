"""The PLOVER -> ACLED table, its sector refinements, CASE labels and fatalities."""

from __future__ import annotations

import pytest

from newsint.events import ACLED_TABLE, EVENT_TYPES, fatalities, plover_to_acled
from newsint.events.acled import ACLED_TO_CASE, SUB_EVENT_TYPES, case_label
from newsint.model import Actor, Event, Quantity

ACLED_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}


@pytest.mark.parametrize(
    ("type_", "mode", "expected"),
    [
        ("COERCE", "arrest", ("Strategic developments", "Arrests")),
        ("FIGHT", "aerial", ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "aerial", ("Explosions/Remote violence", "Air/drone strike")),
        ("FIGHT", "shelling", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("FIGHT", "firearms", ("Battles", "Armed clash")),
        ("ASSAULT", "kill", ("Violence against civilians", "Attack")),
        ("ASSAULT", "suicide", ("Explosions/Remote violence", "Suicide bomb")),
        ("COERCE", "abduct", ("Violence against civilians", "Abduction/forced disappearance")),
        ("PROTEST", "demo", ("Protests", "Peaceful protest")),
        ("PROTEST", "riot", ("Riots", "Violent demonstration")),
        ("AGREE", None, ("Strategic developments", "Agreement")),
        ("MOBILIZE", "base", ("Strategic developments", "Headquarters or base established")),
        ("COERCE", "destroy", ("Strategic developments", "Looting/property destruction")),
        ("RETREAT", "withdraw", ("Strategic developments", "Non-violent transfer of territory")),
    ],
)
def test_table(type_: str, mode: str | None, expected: tuple[str, str]) -> None:
    assert plover_to_acled(type_, mode) == expected


@pytest.mark.parametrize("type_", ["CONSULT", "DEMAND", "DISAPPROVE", "MOVE", "CRIME", "AID"])
def test_types_acled_does_not_record(type_: str) -> None:
    assert plover_to_acled(type_, None) is None


def test_every_row_is_a_valid_acled_category() -> None:
    for type_, _mode, event_type, sub_event in ACLED_TABLE:
        assert type_ in EVENT_TYPES
        assert event_type in ACLED_EVENT_TYPES
        assert sub_event in SUB_EVENT_TYPES


def test_case_labels_cover_the_25_types() -> None:
    assert len(set(ACLED_TO_CASE.values())) == 25


def test_sector_refinements() -> None:
    assert plover_to_acled("FIGHT", "seize", actor_sector="military")[1] == (  # type: ignore[index]
        "Government regains territory"
    )
    assert plover_to_acled("FIGHT", "seize", actor_sector="militant group")[1] == (  # type: ignore[index]
        "Non-state actor overtakes territory"
    )
    assert plover_to_acled("COERCE", "arrest", actor_sector="rebel")[1] == (  # type: ignore[index]
        "Abduction/forced disappearance"
    )
    assert plover_to_acled("ASSAULT", "kill", target_sector="protesters") == (
        "Protests",
        "Excessive force against protesters",
    )
    assert plover_to_acled("ASSAULT", None, actor_sector="rioters") == ("Riots", "Mob violence")
    # a remote weapon stays a remote weapon whoever is hit
    assert plover_to_acled("FIGHT", "aerial", target_sector="protesters")[1] == (  # type: ignore[index]
        "Air/drone strike"
    )


def _event(
    text: str, count_at: str, value: float, mode: str | None, type_: str = "ASSAULT"
) -> Event:
    start = text.index(count_at)
    count = Quantity(count_at, start, start + len(count_at), value, "people")
    return Event(type_, text, 0, len(text), mode=mode, count=count)


def test_fatalities_counts_the_dead_only() -> None:
    assert (
        fatalities(_event("Warplanes pounded the town, killing 6 civilians.", "6", 6, "aerial"))
        == 6
    )
    assert fatalities(_event("Gunmen wounded 4 people in the market.", "4", 4, None)) == 0
    assert fatalities(_event("Police arrested 12 men.", "12", 12, "arrest", "COERCE")) == 0
    assert fatalities(_event("They killed 3 villagers.", "3", 3, "kill")) == 3
    assert fatalities(Event("ASSAULT", "x", 0, 1, mode="kill")) == 0


def test_case_label_of_events() -> None:
    protest = Event("PROTEST", "x", 0, 1, mode="demo", actor=Actor("x", 0, 1, sector="rioters"))
    assert case_label(protest) == "MOB_VIOL"
    assert case_label(Event("CONSULT", "x", 0, 1)) == "OTHER"
    assert case_label(None) == "OTHER"
