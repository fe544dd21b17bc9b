"""Verb and noun lexicons for PLOVER event coding, and the word classes the rules test.

The entries follow the PLOVER event definitions (openeventdata/PLOVER, 2016-2018 drafts,
the version the gold-standard records were coded with) and the CAMEO verb dictionaries
that PLOVER grew out of; the movement entries (``MOVE``) and ``CRIME`` are newsint
extensions documented in :mod:`newsint.events`.

A ``Sense`` is a (type, mode) pair. ``VERBS`` maps a verb lemma to its default sense;
verbs whose meaning depends on their object ("capture" a town or a person, "hold" talks
or hostages) are in ``OBJECT_SENSES`` instead and only yield an event when the object
falls in one of the listed word classes. ``NOUNS`` are event nouns that yield an event
when a light verb carries them ("staged protests", "carried out an airstrike") or when
they are the subject of an event verb ("a roadside bomb killed ...").
"""

from __future__ import annotations

from typing import NamedTuple

#: the 18 event types of the PLOVER gold-standard records, in the order of the spec
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "FIGHT",
)
#: newsint extensions: movements of people (flee, cross a border, transit) and crime
EXTENSION_TYPES: tuple[str, ...] = ("MOVE", "CRIME")
EVENT_TYPES: tuple[str, ...] = PLOVER_TYPES + EXTENSION_TYPES

#: types whose negation or refusal is a REJECT and whose promise is an AGREE (PLOVER)
COOPERATIVE = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE"}
)
#: types whose announced future is a THREATEN (PLOVER)
CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "PROTEST", "MOBILIZE"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})


class Sense(NamedTuple):
    type: str
    mode: str | None = None


def _senses(table: dict[str, tuple[str, str | None]]) -> dict[str, Sense]:
    return {word: Sense(*value) for word, value in table.items()}


# fmt: off
# --- verbs with one meaning -------------------------------------------------------------

VERBS: dict[str, Sense] = _senses(
    {
        # AGREE: agreements, promises and offers
        "agree": ("AGREE", None),
        "sign": ("AGREE", "sign"),
        "promise": ("AGREE", "promise"),
        "pledge": ("AGREE", "promise"),
        "offer": ("AGREE", "offer"),
        "ratify": ("AGREE", "sign"),
        "accept": ("CONCEDE", "accept"),
        # CONSULT
        "meet": ("CONSULT", "meet"),
        "visit": ("CONSULT", "visit"),
        "host": ("CONSULT", "host"),
        "negotiate": ("CONSULT", "negotiate"),
        "mediate": ("CONSULT", "mediate"),
        "confer": ("CONSULT", "meet"),
        "consult": ("CONSULT", "meet"),
        "discuss": ("CONSULT", "meet"),
        # SUPPORT
        "praise": ("SUPPORT", "praise"),
        "support": ("SUPPORT", None),
        "back": ("SUPPORT", None),
        "endorse": ("SUPPORT", None),
        "welcome": ("SUPPORT", "praise"),
        "commend": ("SUPPORT", "praise"),
        "defend": ("SUPPORT", None),
        "forgive": ("SUPPORT", None),
        "recognize": ("SUPPORT", "recognize"),
        "recognise": ("SUPPORT", "recognize"),
        # COOPERATE
        "cooperate": ("COOPERATE", None),
        "collaborate": ("COOPERATE", None),
        "share": ("COOPERATE", "share"),
        # AID
        "donate": ("AID", None),
        "aid": ("AID", None),
        "assist": ("AID", None),
        "evacuate": ("AID", "evacuate"),
        "rescue": ("AID", "rescue"),
        # CONCEDE
        "allow": ("CONCEDE", "allow"),
        "permit": ("CONCEDE", "allow"),
        "concede": ("CONCEDE", None),
        "pardon": ("CONCEDE", "release"),
        "reform": ("CONCEDE", "policy"),
        # RETREAT
        "withdraw": ("RETREAT", "withdraw"),
        "retreat": ("RETREAT", "withdraw"),
        "surrender": ("RETREAT", "surrender"),
        "resign": ("RETREAT", "resign"),
        "release": ("RETREAT", "release"),
        "free": ("RETREAT", "release"),
        "disarm": ("RETREAT", "disarm"),
        "demobilize": ("RETREAT", "disarm"),
        "defect": ("RETREAT", "defect"),
        "vacate": ("RETREAT", "withdraw"),
        # INVESTIGATE
        "investigate": ("INVESTIGATE", None),
        "probe": ("INVESTIGATE", None),
        "inquire": ("INVESTIGATE", None),
        "examine": ("INVESTIGATE", None),
        "interrogate": ("INVESTIGATE", None),
        "question": ("INVESTIGATE", None),
        # DEMAND
        "demand": ("DEMAND", None),
        "urge": ("DEMAND", None),
        "ask": ("DEMAND", None),
        "request": ("DEMAND", None),
        "appeal": ("DEMAND", None),
        "insist": ("DEMAND", None),
        "press": ("DEMAND", None),
        # DISAPPROVE
        "accuse": ("DISAPPROVE", "accuse"),
        "condemn": ("DISAPPROVE", None),
        "criticize": ("DISAPPROVE", None),
        "criticise": ("DISAPPROVE", None),
        "denounce": ("DISAPPROVE", None),
        "blame": ("DISAPPROVE", "accuse"),
        "complain": ("DISAPPROVE", None),
        "sue": ("DISAPPROVE", "legal"),
        "summon": ("DISAPPROVE", None),
        "charge": ("DISAPPROVE", "legal"),
        "rebuke": ("DISAPPROVE", None),
        "slam": ("DISAPPROVE", None),
        "censure": ("DISAPPROVE", None),
        "deplore": ("DISAPPROVE", None),
        # REJECT
        "reject": ("REJECT", None),
        "refuse": ("REJECT", None),
        "decline": ("REJECT", None),
        "dismiss": ("REJECT", None),
        "veto": ("REJECT", None),
        "renege": ("REJECT", None),
        "violate": ("REJECT", None),
        "defy": ("REJECT", None),
        "oppose": ("REJECT", None),
        # THREATEN
        "threaten": ("THREATEN", None),
        "warn": ("THREATEN", None),
        "vow": ("THREATEN", None),
        "swear": ("THREATEN", None),
        # PROTEST
        "protest": ("PROTEST", "demo"),
        "demonstrate": ("PROTEST", "demo"),
        "rally": ("PROTEST", "demo"),
        "march": ("PROTEST", "demo"),
        "picket": ("PROTEST", "demo"),
        "riot": ("PROTEST", "riot"),
        "boycott": ("SANCTION", "boycott"),
        "blockade": ("PROTEST", "obstruct"),
        # MOBILIZE
        "mobilize": ("MOBILIZE", "troops"),
        "mobilise": ("MOBILIZE", "troops"),
        "deploy": ("MOBILIZE", "troops"),
        "reinforce": ("MOBILIZE", "troops"),
        "recruit": ("MOBILIZE", "recruit"),
        "patrol": ("MOBILIZE", "police"),
        # SANCTION
        "sanction": ("SANCTION", None),
        "order": ("DEMAND", "order"),
        "call": ("DEMAND", None),
        "expel": ("SANCTION", "expel"),
        "ban": ("SANCTION", "ban"),
        "prohibit": ("SANCTION", "ban"),
        "embargo": ("SANCTION", None),
        # COERCE
        "arrest": ("COERCE", "arrest"),
        "detain": ("COERCE", "arrest"),
        "apprehend": ("COERCE", "arrest"),
        "jail": ("COERCE", "arrest"),
        "imprison": ("COERCE", "arrest"),
        "kidnap": ("COERCE", "abduct"),
        "abduct": ("COERCE", "abduct"),
        "deport": ("COERCE", "deport"),
        "demolish": ("COERCE", "destroy"),
        "raze": ("COERCE", "destroy"),
        "torch": ("COERCE", "destroy"),
        "loot": ("COERCE", "destroy"),
        "vandalize": ("COERCE", "destroy"),
        "ransack": ("COERCE", "destroy"),
        "censor": ("COERCE", "censor"),
        "confiscate": ("COERCE", "seize"),
        "hack": ("COERCE", "cyber"),
        "defuse": ("COERCE", "defuse"),
        "intercept": ("COERCE", "defuse"),
        "foil": ("COERCE", "defuse"),
        "thwart": ("COERCE", "defuse"),
        "disperse": ("COERCE", "disperse"),
        "suppress": ("COERCE", "disperse"),
        # ASSAULT (unconventional violence)
        "kill": ("ASSAULT", "kill"),
        "murder": ("ASSAULT", "kill"),
        "massacre": ("ASSAULT", "kill"),
        "slaughter": ("ASSAULT", "kill"),
        "execute": ("ASSAULT", "kill"),
        "behead": ("ASSAULT", "kill"),
        "lynch": ("ASSAULT", "kill"),
        "assassinate": ("ASSAULT", "assassinate"),
        "wound": ("ASSAULT", "injure"),
        "injure": ("ASSAULT", "injure"),
        "torture": ("ASSAULT", "torture"),
        "beat": ("ASSAULT", "beat"),
        "stab": ("ASSAULT", "primitive"),
        "rape": ("ASSAULT", "sexual"),
        "molest": ("ASSAULT", "sexual"),
        "abuse": ("ASSAULT", None),
        "bomb": ("ASSAULT", "explosives"),
        "explode": ("ASSAULT", "explosives"),
        "detonate": ("ASSAULT", "explosives"),
        "attack": ("ASSAULT", None),
        "assault": ("ASSAULT", None),
        "ambush": ("ASSAULT", None),
        "gun": ("ASSAULT", "firearms"),
        # FIGHT (conventional military force)
        "fight": ("FIGHT", None),
        "clash": ("FIGHT", "clash"),
        "battle": ("FIGHT", "clash"),
        "shell": ("FIGHT", "shelling"),
        "bombard": ("FIGHT", "shelling"),
        "pound": ("FIGHT", "shelling"),
        "invade": ("FIGHT", "invade"),
        "retake": ("FIGHT", "regain"),
        "recapture": ("FIGHT", "regain"),
        "regain": ("FIGHT", "regain"),
        "liberate": ("FIGHT", "regain"),
        "overrun": ("FIGHT", "seize"),
        "occupy": ("FIGHT", "seize"),
        "shoot": ("FIGHT", "firearms"),
        # MOVE (newsint extension): movements of people
        "flee": ("MOVE", "flee"),
        "escape": ("MOVE", "flee"),
        "hide": ("MOVE", "hide"),
        "infiltrate": ("MOVE", "cross"),
        "migrate": ("MOVE", "travel"),
        "transit": ("MOVE", "transit"),
        "relocate": ("MOVE", "travel"),
        # CRIME (newsint extension)
        "smuggle": ("CRIME", "smuggle"),
        "traffic": ("CRIME", "smuggle"),
        "rob": ("CRIME", "rob"),
        "extort": ("CRIME", "extort"),
        "launder": ("CRIME", "launder"),
        "steal": ("CRIME", "rob"),
    }
)

#: verb + particle ("blow up", "hand over") -> sense; checked before ``VERBS``
PHRASAL: dict[tuple[str, str], Sense] = {
    ("blow", "up"): Sense("COERCE", "destroy"),
    ("beat", "up"): Sense("ASSAULT", "beat"),
    ("hand", "over"): Sense("RETREAT", "release"),
    ("step", "down"): Sense("RETREAT", "resign"),
    ("pull", "out"): Sense("RETREAT", "withdraw"),
    ("pull", "back"): Sense("RETREAT", "withdraw"),
    ("crack", "down"): Sense("COERCE", "disperse"),
    ("break", "up"): Sense("COERCE", "disperse"),
    ("lay", "down"): Sense("RETREAT", "disarm"),
    ("set", "up"): Sense("MOBILIZE", "base"),
    ("take", "over"): Sense("FIGHT", "seize"),
    ("shoot", "down"): Sense("FIGHT", "aerial"),
    ("gun", "down"): Sense("ASSAULT", "firearms"),
    ("call", "off"): Sense("REJECT", None),
    ("force", "out"): Sense("COERCE", "deport"),
    ("go", "off"): Sense("ASSAULT", "explosives"),
    ("set", "off"): Sense("ASSAULT", "explosives"),
    ("break", "out"): Sense("FIGHT", "clash"),
    ("open", "up"): Sense("CONCEDE", "ease"),
}


#: verbs that only count with an object (or prepositional object) of a word class
OBJECT_SENSES: dict[str, tuple[tuple[str, Sense], ...]] = {
    "capture": (("place", Sense("FIGHT", "seize")), ("person", Sense("COERCE", "detain"))),
    "seize": (
        ("place", Sense("FIGHT", "seize")),
        ("weapon", Sense("COERCE", "defuse")),
        ("person", Sense("COERCE", "detain")),
        ("property", Sense("COERCE", "seize")),
    ),
    "take": (("control", Sense("FIGHT", "seize")), ("hostage", Sense("COERCE", "abduct"))),
    "hold": (
        ("talks", Sense("CONSULT", "meet")),
        ("protest", Sense("PROTEST", "demo")),
        ("hostage", Sense("COERCE", "detain")),
        ("person", Sense("COERCE", "detain")),
    ),
    "strike": (
        ("deal", Sense("AGREE", None)),
        ("place", Sense("FIGHT", "aerial")),
        ("military", Sense("FIGHT", "aerial")),
        ("person", Sense("ASSAULT", None)),
        ("property", Sense("ASSAULT", None)),
    ),
    "hit": (
        ("place", Sense("FIGHT", "shelling")),
        ("military", Sense("FIGHT", "shelling")),
        ("property", Sense("ASSAULT", None)),
    ),
    "target": (
        ("place", Sense("ASSAULT", None)),
        ("military", Sense("FIGHT", None)),
        ("person", Sense("ASSAULT", None)),
        ("property", Sense("ASSAULT", None)),
    ),
    "fire": (
        ("fire", Sense("FIGHT", "firearms")),
        ("teargas", Sense("COERCE", "disperse")),
        ("shell", Sense("FIGHT", "shelling")),
        ("bullet", Sense("FIGHT", "firearms")),
    ),
    "open": (
        ("fire", Sense("FIGHT", "firearms")),
        ("inquiry", Sense("INVESTIGATE", None)),
        ("border", Sense("RETREAT", "ease")),
    ),
    "launch": (
        ("inquiry", Sense("INVESTIGATE", None)),
        ("talks", Sense("CONSULT", "mediate")),
        ("cooperation", Sense("COOPERATE", "exercise")),
    ),
    "give": (("aid", Sense("AID", None)),),
    "provide": (("aid", Sense("AID", None)),),
    "grant": (("aid", Sense("AID", None)), ("release", Sense("CONCEDE", "release"))),
    "deliver": (("aid", Sense("AID", None)),),
    "send": (("aid", Sense("AID", None)), ("troops", Sense("MOBILIZE", "troops"))),
    "supply": (("aid", Sense("AID", None)),),
    "impose": (
        ("sanction", Sense("SANCTION", None)),
        ("curfew", Sense("COERCE", "curfew")),
    ),
    "lift": (("sanction", Sense("CONCEDE", "ease")), ("curfew", Sense("CONCEDE", "ease")),
             ("blockade", Sense("RETREAT", "ease"))),
    "ease": (("sanction", Sense("CONCEDE", "ease")), ("curfew", Sense("CONCEDE", "ease")),
             ("blockade", Sense("RETREAT", "ease"))),
    "relax": (("sanction", Sense("CONCEDE", "ease")), ("curfew", Sense("CONCEDE", "ease"))),
    "shorten": (("curfew", Sense("CONCEDE", "ease")),),
    "suspend": (
        ("relations", Sense("SANCTION", "relations")),
        ("aid", Sense("SANCTION", "aid")),
        ("publication", Sense("COERCE", "censor")),
        ("talks", Sense("SANCTION", "relations")),
    ),
    "end": (("talks", Sense("SANCTION", "relations")),),
    "break": (("relations", Sense("SANCTION", "relations")),),
    "cut": (("relations", Sense("SANCTION", "relations")), ("aid", Sense("SANCTION", "aid"))),
    "freeze": (("relations", Sense("SANCTION", "relations")), ("aid", Sense("SANCTION", "aid")),
               ("asset", Sense("SANCTION", None))),
    "recall": (("diplomat", Sense("SANCTION", "relations")),),
    "establish": (
        ("relations", Sense("SUPPORT", "relations")),
        ("base", Sense("MOBILIZE", "base")),
    ),
    "restore": (("relations", Sense("SUPPORT", "relations")),),
    "build": (("base", Sense("MOBILIZE", "base")),),
    "deny": (("entry", Sense("SANCTION", "ban")),),
    "destroy": (
        ("property", Sense("COERCE", "destroy")),
        ("place", Sense("COERCE", "destroy")),
        ("weapon", Sense("COERCE", "defuse")),
    ),
    "burn": (("property", Sense("COERCE", "destroy")), ("place", Sense("COERCE", "destroy"))),
    "discover": (("weapon", Sense("COERCE", "defuse")),),
    "find": (("weapon", Sense("COERCE", "defuse")),),
    "dismantle": (("weapon", Sense("COERCE", "defuse")),),
    "neutralize": (("weapon", Sense("COERCE", "defuse")),),
    "remove": (("weapon", Sense("COERCE", "defuse")),),
    "block": (
        ("place", Sense("PROTEST", "obstruct")),
        ("road", Sense("PROTEST", "obstruct")),
        ("transport", Sense("PROTEST", "obstruct")),
    ),
    "cross": (("border", Sense("MOVE", "cross")), ("place", Sense("MOVE", "cross"))),
    "reach": (("place", Sense("MOVE", "travel")), ("border", Sense("MOVE", "travel")),
              ("deal", Sense("AGREE", None))),
    "enter": (("place", Sense("MOVE", "cross")), ("border", Sense("MOVE", "cross"))),
    "pass": (("place", Sense("MOVE", "transit")), ("border", Sense("MOVE", "transit"))),
    "move": (("place", Sense("MOVE", "travel")), ("border", Sense("MOVE", "travel"))),
    "travel": (("place", Sense("MOVE", "travel")), ("border", Sense("MOVE", "travel"))),
    "head": (("place", Sense("MOVE", "travel")), ("border", Sense("MOVE", "travel"))),
    "return": (("place", Sense("MOVE", "return")), ("home", Sense("MOVE", "return"))),
    "arrive": (("place", Sense("MOVE", "travel")),),
    "go": (("place", Sense("MOVE", "travel")),),
    "get": (("place", Sense("MOVE", "travel")), ("border", Sense("MOVE", "travel"))),
    "sneak": (("place", Sense("MOVE", "cross")), ("border", Sense("MOVE", "cross"))),
    "use": (("transit", Sense("MOVE", "transit")),),
    "throw": (("weapon", Sense("ASSAULT", None)), ("stone", Sense("PROTEST", "riot"))),
    "hurl": (("weapon", Sense("ASSAULT", None)), ("stone", Sense("PROTEST", "riot"))),
    "lob": (("weapon", Sense("ASSAULT", None)),),
    "exchange": (("hostage", Sense("AGREE", "exchange")), ("person", Sense("AGREE", "exchange")),
                 ("fire", Sense("FIGHT", "firearms"))),
    "swap": (("hostage", Sense("AGREE", "exchange")), ("person", Sense("AGREE", "exchange"))),
    "order": (("troops", Sense("MOBILIZE", "troops")),),
    "call": (("reservist", Sense("MOBILIZE", "troops")),),
    "stop": (("work", Sense("PROTEST", "strike")),),
    "stage": (("protest", Sense("PROTEST", "demo")),),
    "seek": (("refuge", Sense("MOVE", "flee")),),
    "lodge": (("protest_official", Sense("DISAPPROVE", None)),),
    "form": (("group", Sense("MOBILIZE", "group")),),
    "join": (("group", Sense("MOBILIZE", "group")),),
    "abandon": (("place", Sense("RETREAT", "withdraw")),),
    "leave": (("place", Sense("MOVE", "travel")),),
}

#: cue words anywhere in the sentence that make the weapon mode of a violent event precise;

#: light verbs whose object noun carries the event ("staged protests", "launched an attack")
LIGHT_VERBS = frozenset(
    {
        "carry", "launch", "stage", "conduct", "hold", "mount", "begin", "start", "continue",
        "lodge", "impose", "make", "perform", "undertake", "wage", "commit", "organize",
        "organise", "lead", "resume", "step", "announce", "issue", "reiterate",
        "participate", "attend", "call", "plan",
        "go", "take", "have", "see", "witness", "join", "initiate", "order", "execute",
        "unleash", "intensify", "escalate", "renew", "complete", "put", "place",
    }
)

#: verbs whose subject may be an event noun ("a bomb killed ...", "clashes erupted")
EVENT_SUBJECT_VERBS = frozenset(
    {
        "erupt", "occur", "happen", "take", "break", "continue", "rock", "hit", "kill",
        "wound", "injure", "leave", "claim", "target", "destroy", "damage", "shake", "strike",
        "go", "explode", "detonate", "cause", "spread", "rage", "ensue", "follow", "end",
        "last", "resume", "intensify", "escalate", "be",
    }
)


# --- event nouns -------------------------------------------------------------------------

NOUNS: dict[str, Sense] = _senses(
    {
        "agreement": ("AGREE", "sign"),
        "accord": ("AGREE", "sign"),
        "deal": ("AGREE", "sign"),
        "treaty": ("AGREE", "sign"),
        "pact": ("AGREE", "sign"),
        "ceasefire": ("AGREE", "ceasefire"),
        "truce": ("AGREE", "ceasefire"),
        "armistice": ("AGREE", "ceasefire"),
        "talk": ("CONSULT", "meet"),
        "meeting": ("CONSULT", "meet"),
        "negotiation": ("CONSULT", "negotiate"),
        "summit": ("CONSULT", "meet"),
        "visit": ("CONSULT", "visit"),
        "mediation": ("CONSULT", "mediate"),
        "consultation": ("CONSULT", "meet"),
        "investigation": ("INVESTIGATE", None),
        "probe": ("INVESTIGATE", None),
        "inquiry": ("INVESTIGATE", None),
        "hearing": ("INVESTIGATE", None),
        "demand": ("DEMAND", None),
        "appeal": ("DEMAND", None),
        "ultimatum": ("THREATEN", None),
        "threat": ("THREATEN", None),
        "protest": ("PROTEST", "demo"),
        "demonstration": ("PROTEST", "demo"),
        "rally": ("PROTEST", "demo"),
        "march": ("PROTEST", "demo"),
        "sit-in": ("PROTEST", "demo"),
        "vigil": ("PROTEST", "demo"),
        "strike": ("PROTEST", "strike"),
        "walkout": ("PROTEST", "strike"),
        "riot": ("PROTEST", "riot"),
        "unrest": ("PROTEST", "riot"),
        "boycott": ("SANCTION", "boycott"),
        "sanction": ("SANCTION", None),
        "embargo": ("SANCTION", None),
        "expulsion": ("SANCTION", "expel"),
        "suspension": ("SANCTION", None),
        "arrest": ("COERCE", "arrest"),
        "detention": ("COERCE", "detain"),
        "raid": ("COERCE", "raid"),
        "crackdown": ("COERCE", "disperse"),
        "curfew": ("COERCE", "curfew"),
        "kidnapping": ("COERCE", "abduct"),
        "abduction": ("COERCE", "abduct"),
        "deportation": ("COERCE", "deport"),
        "attack": ("ASSAULT", None),
        "assault": ("ASSAULT", None),
        "ambush": ("ASSAULT", None),
        "bombing": ("ASSAULT", "explosives"),
        "explosion": ("ASSAULT", "explosives"),
        "blast": ("ASSAULT", "explosives"),
        "bomb": ("ASSAULT", "explosives"),
        "ied": ("ASSAULT", "explosives"),
        "landmine": ("ASSAULT", "explosives"),
        "mine": ("ASSAULT", "explosives"),
        "grenade": ("ASSAULT", "grenade"),
        "massacre": ("ASSAULT", "kill"),
        "killing": ("ASSAULT", "kill"),
        "assassination": ("ASSAULT", "assassinate"),
        "shooting": ("ASSAULT", "firearms"),
        "stabbing": ("ASSAULT", "primitive"),
        "rape": ("ASSAULT", "sexual"),
        "molest": ("ASSAULT", "sexual"),
        "abuse": ("ASSAULT", None),
        "airstrike": ("FIGHT", "aerial"),
        "air-strike": ("FIGHT", "aerial"),
        "airstrikes": ("FIGHT", "aerial"),
        "shelling": ("FIGHT", "shelling"),
        "bombardment": ("FIGHT", "shelling"),
        "clash": ("FIGHT", "clash"),
        "fighting": ("FIGHT", "clash"),
        "battle": ("FIGHT", "clash"),
        "gunfight": ("FIGHT", "firearms"),
        "firefight": ("FIGHT", "firearms"),
        "skirmish": ("FIGHT", "clash"),
        "offensive": ("FIGHT", "clash"),
        "invasion": ("FIGHT", "invade"),
        "incursion": ("FIGHT", "invade"),
        "war game": ("COOPERATE", "exercise"),
        "exercise": ("COOPERATE", "exercise"),
        "drill": ("COOPERATE", "exercise"),
        "withdrawal": ("RETREAT", "withdraw"),
        "evacuation": ("AID", "evacuate"),
        "route": ("MOVE", "route"),
        "exodus": ("MOVE", "flee"),
        "smuggling": ("CRIME", "smuggle"),
        "trafficking": ("CRIME", "smuggle"),
        "robbery": ("CRIME", "rob"),
        "hunger strike": ("PROTEST", "hunger-strike"),
    }
)

#: nouns that stand for an attacking weapon or attacker, used as event subjects
WEAPON_SUBJECTS: dict[str, Sense] = _senses(
    {
        "bomb": ("ASSAULT", "explosives"),
        "device": ("ASSAULT", "explosives"),
        "ied": ("ASSAULT", "explosives"),
        "mine": ("ASSAULT", "explosives"),
        "landmine": ("ASSAULT", "explosives"),
        "explosion": ("ASSAULT", "explosives"),
        "blast": ("ASSAULT", "explosives"),
        "bombing": ("ASSAULT", "explosives"),
        "bomber": ("ASSAULT", "suicide"),
        "grenade": ("ASSAULT", "grenade"),
        "airstrike": ("FIGHT", "aerial"),
        "strike": ("FIGHT", "aerial"),
        "warplane": ("FIGHT", "aerial"),
        "jet": ("FIGHT", "aerial"),
        "drone": ("FIGHT", "aerial"),
        "aircraft": ("FIGHT", "aerial"),
        "helicopter": ("FIGHT", "aerial"),
        "shell": ("FIGHT", "shelling"),
        "shelling": ("FIGHT", "shelling"),
        "rocket": ("FIGHT", "shelling"),
        "missile": ("FIGHT", "shelling"),
        "mortar": ("FIGHT", "shelling"),
        "artillery": ("FIGHT", "shelling"),
        "tank": ("FIGHT", "shelling"),
        "gunfire": ("FIGHT", "firearms"),
        "gunman": ("ASSAULT", "firearms"),
        "attack": ("ASSAULT", None),
        "clash": ("FIGHT", "clash"),
        "fighting": ("FIGHT", "clash"),
    }
)


# --- word classes for objects and actors -------------------------------------------------
# fmt: on
