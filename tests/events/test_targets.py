"""General target rules: "against X", perpetrators of a named deed, a name after a title,
hyphenated names, and no trailing possessive "'s" in an actor's span."""

from __future__ import annotations

import pytest

from .conftest import EventsOf


def _target(events_of: EventsOf, text: str, type_: str) -> str | None:
    events = [e for e in events_of(text) if e.type == type_]
    assert events, f"no {type_} event in {text!r}"
    return events[0].target.text if events[0].target else None


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        (
            "The government mobilized thousands of reservists for a campaign against the "
            "rebels on Friday.",
            "MOBILIZE",
            "rebels",
        ),
        (
            "Prosecutors opened an investigation into abuses committed by the militia in the "
            "province.",
            "INVESTIGATE",
            "militia",
        ),
        (
            "Kenya summoned Uganda's ambassador John Mwangi to protest the border closure.",
            "DISAPPROVE",
            "Uganda's ambassador John Mwangi",
        ),
        (
            "The governor allowed cleric Sami Zia-ul-Haq to lead the march.",
            "CONCEDE",
            "cleric Sami Zia-ul-Haq",
        ),
        ("Students boycotted the university's new rules.", "SANCTION", "university"),
    ],
)
def test_targets(events_of: EventsOf, text: str, type_: str, target: str) -> None:
    assert _target(events_of, text, type_) == target


def test_a_comma_set_apposition_stays_out_of_the_target(events_of: EventsOf) -> None:
    found = _target(
        events_of, "Police arrested the mayor, a former rebel commander, on Monday.", "COERCE"
    )
    assert found is not None and "commander" not in found
