"""PLOVER type + mode -> ACLED event type and sub-event type, and ACLED fatalities.

``ACLED_TABLE`` is the documented mapping (one row per PLOVER type and mode; mode ``None``
is the row for any other mode of that type). ``plover_to_acled`` applies it, refined by the
actors' sectors where ACLED's categories depend on who acted (ACLED codebook 2019+):

* FIGHT/seize by state forces is "Government regains territory", FIGHT/regain by a non-state
  group "Non-state actor overtakes territory";
* COERCE/arrest or detain by a non-state group is "Abduction/forced disappearance";
* violence against protesters is "Excessive force against protesters", an arrest or
  dispersal of protesters a "Protest with intervention";
* violence by rioters or a mob is "Mob violence", by protesters a "Violent demonstration".

``event_to_acled`` (used by the ACLED CSV export) keeps the rules' decision whether ACLED
records an event and lets the shipped CASE 2021 classifier (:mod:`.subtype`) choose the
sub-event type; ``rules_to_acled`` is the table alone.

Types ACLED does not record (CONSULT, SUPPORT, DEMAND, DISAPPROVE, REJECT, INVESTIGATE,
AID, COOPERATE, CONCEDE, THREATEN, SANCTION and the newsint MOVE and CRIME) map to None.
"""

from __future__ import annotations

import re

from ..model import Event

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: (PLOVER type, mode or None for "any other", ACLED event type, ACLED sub-event type)
ACLED_TABLE: tuple[tuple[str, str | None, str, str], ...] = (
    ("FIGHT", "aerial", REMOTE, "Air/drone strike"),
    ("FIGHT", "shelling", REMOTE, "Shelling/artillery/missile attack"),
    ("FIGHT", "chemical", REMOTE, "Chemical weapon"),
    ("FIGHT", "explosives", REMOTE, "Remote explosive/landmine/IED"),
    ("FIGHT", "suicide", REMOTE, "Suicide bomb"),
    ("FIGHT", "grenade", REMOTE, "Grenade"),
    ("FIGHT", "seize", BATTLES, "Non-state actor overtakes territory"),
    ("FIGHT", "regain", BATTLES, "Government regains territory"),
    ("FIGHT", None, BATTLES, "Armed clash"),
    ("ASSAULT", "aerial", REMOTE, "Air/drone strike"),
    ("ASSAULT", "shelling", REMOTE, "Shelling/artillery/missile attack"),
    ("ASSAULT", "chemical", REMOTE, "Chemical weapon"),
    ("ASSAULT", "explosives", REMOTE, "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide", REMOTE, "Suicide bomb"),
    ("ASSAULT", "grenade", REMOTE, "Grenade"),
    ("ASSAULT", "sexual", VAC, "Sexual violence"),
    ("ASSAULT", "abduct", VAC, "Abduction/forced disappearance"),
    ("ASSAULT", None, VAC, "Attack"),
    ("COERCE", "arrest", STRATEGIC, "Arrests"),
    ("COERCE", "detain", STRATEGIC, "Arrests"),
    ("COERCE", "abduct", VAC, "Abduction/forced disappearance"),
    ("COERCE", "destroy", STRATEGIC, "Looting/property destruction"),
    ("COERCE", "seize", STRATEGIC, "Looting/property destruction"),
    ("COERCE", "defuse", STRATEGIC, "Disrupted weapons use"),
    ("COERCE", "disperse", PROTESTS, "Protest with intervention"),
    ("COERCE", None, STRATEGIC, "Other"),
    ("PROTEST", "riot", RIOTS, "Violent demonstration"),
    ("PROTEST", "mob", RIOTS, "Mob violence"),
    ("PROTEST", "intervention", PROTESTS, "Protest with intervention"),
    ("PROTEST", None, PROTESTS, "Peaceful protest"),
    ("AGREE", None, STRATEGIC, "Agreement"),
    ("MOBILIZE", "base", STRATEGIC, "Headquarters or base established"),
    ("MOBILIZE", None, STRATEGIC, "Change to group/activity"),
    ("RETREAT", "withdraw", STRATEGIC, "Non-violent transfer of territory"),
    ("RETREAT", "surrender", STRATEGIC, "Change to group/activity"),
    ("RETREAT", "defect", STRATEGIC, "Change to group/activity"),
    ("RETREAT", "disarm", STRATEGIC, "Change to group/activity"),
)
_BY_KEY = {(t, m): (e, s) for t, m, e, s in ACLED_TABLE}
STATE_SECTORS = frozenset({"government", "military", "police"})
NON_STATE_SECTORS = frozenset({"rebel", "militant group", "criminals"})

#: ACLED sub-event type -> CASE 2021 task 2 label
ACLED_TO_CASE: dict[str, str] = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(ACLED_TO_CASE)
#: ACLED sub-event type -> its ACLED event type (ACLED codebook)
SUB_EVENT_TO_EVENT_TYPE: dict[str, str] = {
    **{sub: event_type for _t, _m, event_type, sub in ACLED_TABLE},
    "Excessive force against protesters": PROTESTS,  # only reached through the sectors
}
#: CASE 2021 task 2 label -> (ACLED event type, sub-event type); labels ACLED does not
#: record (DIPLO, ATTRIB, NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME) are absent
CASE_TO_ACLED: dict[str, tuple[str, str]] = {
    case: (SUB_EVENT_TO_EVENT_TYPE[sub], sub) for sub, case in ACLED_TO_CASE.items()
}


def plover_to_acled(
    type: str,
    mode: str | None = None,
    *,
    actor_sector: str | None = None,
    target_sector: str | None = None,
) -> tuple[str, str] | None:
    """(ACLED event type, sub-event type) for a PLOVER type and mode, or None.

    >>> plover_to_acled("COERCE", "arrest")
    ('Strategic developments', 'Arrests')
    >>> plover_to_acled("FIGHT", "aerial")
    ('Explosions/Remote violence', 'Air/drone strike')
    """
    found = _BY_KEY.get((type, mode)) or _BY_KEY.get((type, None))
    if found is None:
        return None
    return _by_sector(type, mode, found, actor_sector, target_sector)


def _by_sector(
    type: str,
    mode: str | None,
    found: tuple[str, str],
    actor_sector: str | None,
    target_sector: str | None,
) -> tuple[str, str]:
    violent = type in ("ASSAULT", "FIGHT")
    if violent and target_sector == "protesters" and found[0] != REMOTE:
        return PROTESTS, "Excessive force against protesters"
    if violent and actor_sector in ("rioters", "civilians") and found[0] != REMOTE:
        return RIOTS, "Mob violence"
    if violent and actor_sector == "protesters" and found[0] != REMOTE:
        return RIOTS, "Violent demonstration"
    if type == "PROTEST" and actor_sector == "rioters":
        return RIOTS, "Mob violence"
    if type == "COERCE" and target_sector == "protesters" and mode in ("arrest", "detain"):
        return PROTESTS, "Protest with intervention"
    if type == "COERCE" and mode in ("arrest", "detain") and actor_sector in NON_STATE_SECTORS:
        return VAC, "Abduction/forced disappearance"
    if type == "FIGHT" and mode == "seize" and actor_sector in STATE_SECTORS:
        return BATTLES, "Government regains territory"
    if type == "FIGHT" and mode == "regain" and actor_sector in NON_STATE_SECTORS:
        return BATTLES, "Non-state actor overtakes territory"
    return found


def rules_to_acled(event: Event) -> tuple[str, str] | None:
    """``plover_to_acled`` for an ``Event``, with its actors' sectors (the table alone)."""
    return plover_to_acled(
        event.type,
        event.mode,
        actor_sector=event.actor.sector if event.actor else None,
        target_sector=event.target.sector if event.target else None,
    )


def event_to_acled(event: Event, *, classifier: bool = True) -> tuple[str, str] | None:
    """(ACLED event type, sub-event type) of an event, or None when ACLED would not record it.

    The rules decide whether the event is one ACLED records (``rules_to_acled``); the shipped
    sub-event classifier (:mod:`.subtype`, trained on CASE 2021) then chooses the sub-event
    type from the event's evidence sentence and rule reading, because by cross-validation it
    types them better than the table (weighted F1 0.77 against 0.62). A label outside ACLED
    (a claim of responsibility, diplomacy, a disaster) leaves the table's answer: the rules
    found an event ACLED records, and dropping it would lose it. With ``classifier=False``, or
    when the model file cannot be read, the table's answer stands.
    """
    found = rules_to_acled(event)
    if found is None or not classifier:
        return found
    from .subtype import acled_label

    label = acled_label(event)
    # a label outside ACLED (DIPLO, ATTRIB: "officials said"...) does not overrule the rules,
    # which found an event ACLED records: the event is kept with the table's sub-event type
    return CASE_TO_ACLED.get(label, found) if label is not None else found


def case_label(event: Event | None) -> str:
    """The CASE 2021 task 2 label the rules give an event ("OTHER" when ACLED does not
    record it). Rules only: the classifier reads this as a feature."""
    if event is None:
        return "OTHER"
    found = rules_to_acled(event)
    return ACLED_TO_CASE.get(found[1], "OTHER") if found else "OTHER"


_KILL = re.compile(
    r"\b(kill\w*|dead|died|deaths?|lives|massacr\w*|slain|fatalit\w*|murder\w*|"
    r"execut\w*|behead\w*|lynch\w*)\b",
    re.IGNORECASE,
)
_HURT = re.compile(
    r"\b(wound\w*|injur\w*|hurt|hospitali[sz]\w*|detain\w*|arrest\w*|abduct\w*|"
    r"kidnap\w*|missing|displaced|fled|flee\w*)\b",
    re.IGNORECASE,
)


def fatalities(event: Event) -> int:
    """ACLED fatalities: the event's count when it counts the dead, else 0.

    The count counts the dead when the mode is ``kill`` or when, in the evidence text, the
    nearest casualty word to the number is a death word ("killing 6 civilians", "3 people
    were killed") rather than an injury or detention word.
    """
    count = event.count
    if count is None or event.type not in ("ASSAULT", "FIGHT", "PROTEST", "COERCE"):
        return 0
    if event.mode == "kill":
        return max(0, int(count.value))
    at = count.start - event.start
    if not 0 <= at <= len(event.text):
        return 0
    window = event.text[max(0, at - 40) : at + 60]
    centre = min(at, 40)
    kill = [abs(m.start() - centre) for m in _KILL.finditer(window)]
    hurt = [abs(m.start() - centre) for m in _HURT.finditer(window)]
    if kill and (not hurt or min(kill) < min(hurt)):
        return max(0, int(count.value))
    return 0


__all__ = [
    "ACLED_TABLE",
    "ACLED_TO_CASE",
    "CASE_TO_ACLED",
    "SUB_EVENT_TO_EVENT_TYPE",
    "SUB_EVENT_TYPES",
    "case_label",
    "event_to_acled",
    "fatalities",
    "plover_to_acled",
    "rules_to_acled",
]
