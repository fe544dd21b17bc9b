"""PLOVER coding conventions applied after a trigger's arguments are known.

* a denied cooperative act is a REJECT ("will not accept refugees");
* an announced or promised cooperative act is an AGREE ("will provide aid", "is willing to
  withdraw"), an announced hostile one a THREATEN ("would boycott"), a conditional one
  ("... unless ...") a THREATEN unless it is cooperation on offer;
* violence is FIGHT when armed forces meet armed forces or conventional military means are
  used (aircraft, artillery), ASSAULT with unconventional means (bombs, suicide attacks,
  knives, torture, sexual violence) or against unarmed people; the weapon mode comes from
  cue words in the sentence;
* a protest with stones or torching is a riot, one met by tear gas or arrests a protest
  with intervention;
* peacekeepers arriving are AID.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Actor
from .lexicon import CONFLICTUAL, COOPERATIVE, VIOLENT, Sense
from .syntax import Modality, is_conditional_threat, span_text
from .triggers import Trigger
from .wordclasses import (
    COMMIT_ADJECTIVES,
    COMMIT_VERBS,
    GENERIC_VIOLENT_MODES,
    INTERVENTION_CUES,
    MILITARY_TARGET_WORDS,
    MODE_CUES,
    OVERRIDING_CUES,
    RIOT_CUES,
)

ARMED_SECTORS = frozenset({"military", "police", "rebel", "militant group"})
UNARMED_SECTORS = frozenset(
    {"civilians", "protesters", "refugees", "media", "labour", "business", "opposition", "NGO"}
)


def coded_sense(
    trig: Trigger, mod: Modality, actor: Actor | None, target: Actor | None, sent: Span
) -> Sense:
    """The PLOVER type and mode after negation, announcement and violence conventions."""
    sense = trig.sense
    if sense.type in VIOLENT or sense.type == "PROTEST":
        sense = violent_sense(sense, actor, target, sent)
    if trig.kind == "demand":
        return sense
    if mod.negated and sense.type in COOPERATIVE:
        return Sense("REJECT", sense.mode)
    if sense.type == "MOVE" and actor is not None and "peacekeep" in actor.text.lower():
        return Sense("AID", "peacekeeping")
    announced = actor is not None and not mod.epistemic and (mod.future or committed(trig.anchor))
    if announced and is_conditional_threat(trig.anchor):
        if sense.type in COOPERATIVE - {"RETREAT"}:
            return Sense("AGREE", sense.mode)
        return Sense("THREATEN", _threat_mode(sense))
    if announced and sense.type in COOPERATIVE - {"AGREE"}:
        return Sense("AGREE", sense.mode)
    if announced and sense.type in CONFLICTUAL:
        return Sense("THREATEN", _threat_mode(sense))
    if trig.absorbed and sense.type in ("THREATEN",) and sense.mode is None:
        return Sense(sense.type, _threat_mode(trig.absorbed[0].sense))
    return sense


def committed(anchor: Token) -> bool:
    """Under a commitment: "promised to", "agreed to", "is willing/prepared to"."""
    node = anchor
    for _ in range(3):
        head = node.head
        if head.i == node.i or node.dep_ not in ("xcomp", "pcomp", "prep", "acomp"):
            return False
        if head.lemma_ in COMMIT_VERBS or head.lemma_.lower() in COMMIT_ADJECTIVES:
            return True
        node = head
    return False


def _threat_mode(sense: Sense) -> str:
    if sense.type in VIOLENT:
        return "violence"
    if sense.type in ("SANCTION", "PROTEST"):
        return "restrict"
    return sense.type.lower()


def violent_sense(sense: Sense, actor: Actor | None, target: Actor | None, sent: Span) -> Sense:
    """FIGHT for armed-against-armed or conventional military means, ASSAULT otherwise;
    the weapon mode from cue words; a protest with violence is a riot."""
    words = sentence_words(sent)
    if sense.type == "PROTEST":
        if sense.mode == "demo" and words & RIOT_CUES:
            return Sense("PROTEST", "riot")
        if sense.mode == "demo" and words & INTERVENTION_CUES:
            return Sense("PROTEST", "intervention")
        return sense
    mode = sense.mode
    for cue_mode, cues in MODE_CUES:
        hit = words & cues
        if cue_mode == "chemical" and hit == {"gas"} and "tear" in words:
            continue
        if hit and (mode in GENERIC_VIOLENT_MODES or cue_mode in OVERRIDING_CUES):
            mode = cue_mode if not (mode == "clash" and cue_mode == "firearms") else mode
            break
    actor_sector = actor.sector if actor is not None else None
    target_sector = target.sector if target is not None else None
    if target is not None and target_sector is None and _military_words(target.text):
        target_sector = "military"
    if target_sector in UNARMED_SECTORS or mode in UNCONVENTIONAL_MODES:
        return Sense("ASSAULT", mode)
    if target_sector in ARMED_SECTORS and actor_sector in ARMED_SECTORS | {"government", None}:
        return Sense("FIGHT", mode)
    if mode in ("aerial", "shelling") and actor_sector in ("military", "government", None):
        return Sense("FIGHT", mode)
    return Sense(sense.type, mode)


#: unconventional means: ASSAULT whoever the target (PLOVER)
UNCONVENTIONAL_MODES = frozenset(
    {
        "sexual",
        "torture",
        "beat",
        "suicide",
        "explosives",
        "grenade",
        "primitive",
        "assassinate",
        "chemical",
    }
)


def _military_words(text: str) -> bool:
    return bool(set(_WORDS.findall(text.lower())) & MILITARY_TARGET_WORDS)


def sentence_words(sent: Span) -> frozenset[str]:
    """The sentence's lower-cased words (for cue lookups)."""
    return frozenset(_WORDS.findall(span_text(sent).lower()))


_WORDS = re.compile(r"[\w'’-]+")
