"""Event extraction on single sentences: types, arguments, modality and links."""

from __future__ import annotations

import pytest

from .conftest import EventsOf, only


def test_active_arrest_with_actor_target_count_place_date(events_of: EventsOf) -> None:
    (event,) = events_of(
        "Israeli soldiers arrested more than 100 Palestinians on Saturday in Hebron.",
        "2017-09-28",
    )
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert event.actor is not None and event.actor.text == "Israeli soldiers"
    assert event.actor.sector == "military"
    assert event.target is not None and event.target.text == "Palestinians"
    assert event.count is not None and event.count.value == 100
    assert event.place is not None and event.place.text == "Hebron"
    assert event.date is not None and event.date.value == "2017-09-23"


def test_passive_with_agent(events_of: EventsOf) -> None:
    (event,) = events_of(
        "A temporary camp was attacked by Burundian militiamen armed with machetes."
    )
    assert event.type == "ASSAULT" and event.mode == "primitive"
    assert event.actor is not None and event.actor.text == "Burundian militiamen"


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Syrian warplanes struck the village of Kafr Nabl on Monday.", "FIGHT", "aerial"),
        ("A suicide bomber blew himself up near a police station in Kabul.", "ASSAULT", "suicide"),
        ("Thousands of students demonstrated in Jakarta on Friday.", "PROTEST", "demo"),
        ("Government forces recaptured the town of Palmyra.", "FIGHT", "regain"),
        ("Rebels clashed with government troops near Aleppo.", "FIGHT", "clash"),
        ("Police seized weapons and ammunition in a raid in Karachi.", "COERCE", "defuse"),
        ("Turkish forces set up a new observation post in Idlib.", "MOBILIZE", "base"),
        ("The two leaders held talks in Geneva.", "CONSULT", "meet"),
    ],
)
def test_types_and_modes(events_of: EventsOf, text: str, type_: str, mode: str) -> None:
    events = events_of(text)
    assert [(e.type, e.mode) for e in events][:1] == [(type_, mode)]


def test_negated_attack_keeps_its_type(events_of: EventsOf) -> None:
    (event,) = events_of("The army did not attack the village.")
    assert event.type in ("ASSAULT", "FIGHT") and event.negated


def test_refusal_of_a_cooperative_act_is_a_reject(events_of: EventsOf) -> None:
    (event,) = only(events_of("Syria says it will not accept any more refugees."), "REJECT")
    assert event.actor is not None and event.actor.text == "Syria"
    assert not event.negated


def test_announced_cooperation_is_an_agree(events_of: EventsOf) -> None:
    events = events_of("Finland will give Tanzania a grant of 580 million shillings.")
    assert [e.type for e in events] == ["AGREE"]
    assert events[0].target is not None and events[0].target.text == "Tanzania"


def test_threat_folds_the_threatened_act(events_of: EventsOf) -> None:
    events = events_of("Iran threatened to launch a new military offensive against Iraq.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].mode == "violence"


def test_reported_obligation_is_a_demand(events_of: EventsOf) -> None:
    (event,) = events_of("Russia said on Tuesday that Sudan must return the helicopter.")
    assert event.type == "DEMAND"
    assert event.actor is not None and event.actor.text == "Russia"
    assert event.target is not None and event.target.text == "Sudan"


def test_future_attack_is_hypothetical_not_asserted(events_of: EventsOf) -> None:
    events = events_of("Militants may try to attack the base next week.")
    assert events and all(e.hypothetical for e in events)


def test_hedged_and_reported_by(events_of: EventsOf) -> None:
    (event,) = events_of("Gunmen reportedly killed three villagers, local officials said.")
    assert event.type == "ASSAULT" and event.hedged
    assert event.reported_by == "local officials"
    assert event.count is not None and event.count.value == 3


def test_according_to_is_the_source(events_of: EventsOf) -> None:
    (event,) = events_of("According to the police, protesters blocked the main road.")
    assert event.reported_by == "police"


def test_attack_on_soldiers_is_a_fight_on_civilians_an_assault(events_of: EventsOf) -> None:
    (fight,) = events_of("Militants attacked an army checkpoint in Sinai.")
    (assault,) = events_of("Militants attacked a group of civilians in Sinai.")
    assert fight.type == "FIGHT" and assault.type == "ASSAULT"


def test_several_events_in_one_sentence(events_of: EventsOf) -> None:
    events = events_of("Police opened fire on the crowd, killing two people and arresting twelve.")
    kinds = {(e.type, e.mode) for e in events}
    assert ("COERCE", "arrest") in kinds
    assert any(t in ("ASSAULT", "FIGHT") for t, _ in kinds)


def test_date_is_inherited_within_the_paragraph_only(events_of: EventsOf) -> None:
    text = (
        "Clashes erupted in Tripoli on March 3, 2016. Three fighters were killed.\n"
        "Rebels also attacked a convoy."
    )
    events = events_of(text)
    killed = [e for e in events if "Three fighters" in e.text]
    convoy = [e for e in events if "convoy" in e.text]
    assert killed and killed[0].date is not None and killed[0].date.value == "2016-03-03"
    assert convoy and convoy[0].date is None


def test_no_event_without_an_event_word(events_of: EventsOf) -> None:
    assert events_of("The weather in Paris was pleasant and the museums were open.") == []


def test_allegations_are_not_events(events_of: EventsOf) -> None:
    events = events_of("Police arrested a man accused of killing a farmer.")
    assert [e.type for e in events] == ["COERCE"]


def test_confidence_in_range(events_of: EventsOf) -> None:
    for event in events_of("Rebels reportedly shelled the city. Troops will retaliate."):
        assert 0.0 <= event.confidence <= 1.0
