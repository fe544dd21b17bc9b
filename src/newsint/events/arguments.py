"""Who acted and on whom: the actor and target heads of a trigger.

By how the trigger sits in its clause: subject and object of an active verb, the ``by``
agent and the subject of a passive one, the noun a participle modifies, the subject of a
light verb ("staged protests"), the parties of a noun event ("clashes between A and B").
PLOVER codes the *party*, not the thing acted on: a target that is a proposal, a policy or
a property is replaced by whom it belongs to ("rejected an Indian proposal" -> Indian,
"demolished Palestinian homes" -> Palestinian; :func:`refine_target`); a frame takes the
target of what it embeds ("demanded that the US cancel" -> US; :func:`frame_target`); a
protest without a stated target takes the one of its purpose ("to demand the resignation
of President X"; :func:`purpose_target`).
"""

from __future__ import annotations

from spacy.tokens import Token

from .actors import SECTOR_WORDS
from .lexicon import VIOLENT
from .syntax import (
    TARGET_PREPS,
    agent_of,
    child,
    direct_object,
    is_passive,
    is_temporal,
    party_of,
    phrase_head,
    place_party,
    prep_objects,
    subject_of,
)
from .triggers import Trigger
from .wordclasses import ABSTRACT_OBJECTS, MILITARY_TARGET_WORDS, OBJECT_CLASSES

#: object classes that are the event's instrument or content, not its target
NON_TARGET_CLASSES = frozenset(
    {
        "talks",
        "deal",
        "protest",
        "aid",
        "sanction",
        "curfew",
        "fire",
        "teargas",
        "shell",
        "bullet",
        "inquiry",
        "cooperation",
        "relations",
        "publication",
        "release",
        "control",
        "entry",
        "asset",
        "transit",
        "work",
        "refuge",
        "protest_official",
        "base",
        "border",
        "road",
        "transport",
        "home",
        "reservist",
        "group",
        "troops",
        "blockade",
        "place",
        "weapon",
        "hostage",
    }
)


def arguments(trig: Trigger) -> tuple[Token | None, Token | None]:
    """(actor head, target head) of a trigger, by how the trigger sits in the clause; a
    target that is a thing or a proposal is replaced by its owner (:func:`refine_target`)."""
    actor, target = _arguments(trig)
    if trig.sense.type == "MOVE":
        return actor, None
    return actor, refine_target(target)


def _arguments(trig: Trigger) -> tuple[Token | None, Token | None]:
    anchor = trig.anchor
    if trig.kind == "participle":
        return None, anchor.head
    if trig.kind == "demand":
        return child(anchor, "nsubj"), child(trig.token, "nsubj", "nsubjpass")
    if trig.kind == "title":
        return None, None
    if trig.kind == "noun":
        return _noun_actor(trig.token), _noun_target(trig.token)
    if is_passive(anchor) or anchor.dep_ == "acl" and anchor.tag_ == "VBN":
        patient = child(anchor, "nsubjpass") or _acl_head(anchor)
        if trig.obj is not None and patient is not None and patient.i == trig.obj.i:
            patient = _noun_target(patient) if trig.obj_class in NON_TARGET_CLASSES else patient
        return agent_of(anchor), patient
    actor = subject_of(anchor)
    if trig.kind == "light":
        target = (
            _noun_target(trig.token)
            or _prep_target(anchor)
            or _clause_subject(trig.token)
            or purpose_target(anchor)
        )
        return actor or _noun_actor(trig.token), target
    target = _verb_target(trig)
    if target is None and (trig.sense.type == "PROTEST" or trig.sense.type in VIOLENT):
        target = purpose_target(anchor)
    return actor, target


def _clause_subject(noun: Token) -> Token | None:
    """ "its demand that Israel ease restrictions" -> Israel."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" for m in c.children):
            return child(c, "nsubj", "nsubjpass")
    return None


#: nouns that stay the target themselves (places fought over, people, groups)
KEEP_TARGET_HEADS = frozenset(
    {
        "village",
        "town",
        "city",
        "area",
        "region",
        "district",
        "province",
        "territory",
        "country",
        "state",
        "capital",
        "neighborhood",
        "neighbourhood",
    }
)


def refine_target(head: Token | None) -> Token | None:
    """A thing or a proposal is not a target: its owner is ("Palestinian homes" ->
    Palestinian, "computers of South Korean army officers" -> officers, PLOVER)."""
    if head is None:
        return None
    core = phrase_head(head)
    lemma = core.lemma_.lower()
    if core.pos_ != "NOUN" or lemma in KEEP_TARGET_HEADS or lemma in SECTOR_WORDS:
        return head
    if core.lower_ in MILITARY_TARGET_WORDS or lemma in MILITARY_TARGET_WORDS:
        return head  # "an army checkpoint in Sinai" is attacked, not Sinai
    if lemma in OBJECT_CLASSES["person"] or lemma.rstrip("s") in SECTOR_WORDS:
        return head
    owner = party_of(core) or _participle_agent(core) or _noun_target(core) or place_party(core)
    if owner is not None and owner.i != core.i:
        return refine_target(owner) if owner.lemma_.lower() in ABSTRACT_OBJECTS else owner
    return head


#: verbs of a protest's purpose clause: "to demand the resignation of X"
PURPOSE_VERBS = frozenset(
    {
        "demand",
        "call",
        "press",
        "urge",
        "protest",
        "seek",
        "oppose",
        "disperse",
        "target",
        "stop",
        "attack",
    }
)


def purpose_target(anchor: Token) -> Token | None:
    """Whom a protest is aimed at, from its purpose: "staged a hunger strike to demand the
    resignation of President X", "in protest of the government's refusal"."""
    for c in anchor.subtree:
        if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_ in PURPOSE_VERBS:
            obj = direct_object(c)
            if obj is not None:
                return obj
            pobj = next(
                (p for prep, p in prep_objects(c, frozenset({"for", "against", "on"}))), None
            )
            if pobj is not None:
                return pobj
        if c.dep_ == "pobj" and c.lemma_ == "protest" and c.head.lower_ == "in":
            inner = next((p for prep, p in prep_objects(c, frozenset({"of", "against"}))), None)
            if inner is not None:
                return inner
    return None


def _participle_agent(noun: Token) -> Token | None:
    """Who did the deed a noun names, from its passive participle: "crimes committed by
    Croat forces" -> forces (an inquiry into crimes targets their perpetrator)."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = agent_of(c)
            if agent is not None and agent.pos_ in ("NOUN", "PROPN") and not is_temporal(agent):
                return agent
    return None


def _acl_head(verb: Token) -> Token | None:
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _verb_target(trig: Trigger) -> Token | None:
    anchor = trig.anchor
    if trig.sense.type == "MOVE":
        return None
    dative = child(anchor, "dative")
    if dative is not None and dative.pos_ in ("NOUN", "PROPN", "PRON") and not is_temporal(dative):
        return dative
    obj = direct_object(anchor)
    if obj is not None and is_temporal(phrase_head(obj)):
        obj = None
    if obj is not None and phrase_head(obj).lemma_.lower() in ABSTRACT_OBJECTS:
        head = phrase_head(obj)
        return (
            party_of(head)
            or _noun_target(head)
            or place_party(head)
            or frame_target(trig)
            or _prep_target(anchor)
        )
    against = against_target(anchor)
    if obj is not None and phrase_head(obj).lemma_.lower() in OBJECT_CLASSES["troops"]:
        own = against or place_party(phrase_head(obj), origin=True)
        own = own or place_party(anchor, origin=True)
        if own is not None:
            return own
    if trig.obj_class in NON_TARGET_CLASSES or obj is None:
        if (
            trig.obj is not None
            and trig.obj_class in ("place", "property", "weapon")
            and (trig.sense.type in VIOLENT or trig.sense.type == "COERCE")
        ):
            return trig.obj
        found = None
        if trig.obj is not None:
            found = _noun_target(trig.obj) or place_party(
                trig.obj, origin=trig.obj_class == "troops"
            )
        return found or against or frame_target(trig) or _prep_target(anchor)
    return obj


def against_target(anchor: Token) -> Token | None:
    """The object of "against" on the verb or on the noun of one of its prepositional
    phrases: "mobilize against X", "mobilized reservists for a war against X". English
    marks the opposed party with "against" more plainly than with any other preposition,
    so it names the target when the verb's object is the actor's own forces or none."""
    for _prep, pobj in prep_objects(anchor, frozenset({"against"})):
        if pobj.pos_ in ("NOUN", "PROPN", "PRON") and not is_temporal(pobj):
            return pobj
    for c in anchor.children:
        if c.dep_ != "prep":
            continue
        for noun in (p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"):
            for _, pobj in prep_objects(noun, frozenset({"against"})):
                if pobj.pos_ in ("NOUN", "PROPN") and not is_temporal(pobj):
                    return pobj
    return None


def frame_target(trig: Trigger) -> Token | None:
    """The target of what a frame embeds: "demanded that the US cancel" -> US;
    "threatened to ban opposition candidates" -> candidates."""
    for inner in trig.absorbed:
        _, target = arguments(inner)
        if target is not None:
            return target
    for c in trig.anchor.children:
        if c.dep_ == "ccomp":
            subj = child(c, "nsubj", "nsubjpass")
            if subj is not None and subj.lower_ not in ("it", "they", "we", "he", "she"):
                return subj
        if c.dep_ == "xcomp":
            obj = direct_object(c)
            if obj is not None and not is_temporal(phrase_head(obj)):
                head = phrase_head(obj)
                if head.lemma_.lower() in ABSTRACT_OBJECTS:
                    return (
                        party_of(head) or _noun_target(head) or place_party(head) or _prep_target(c)
                    )
                return obj
            return _prep_target(c)
    return None


def _prep_target(verb: Token) -> Token | None:
    heads = [verb, *(c for c in verb.children if c.dep_ == "prt")]  # "kidnapped up to 16 ..."
    for prep, pobj in (pair for h in heads for pair in prep_objects(h, TARGET_PREPS)):
        if prep != "by" and pobj.pos_ in ("NOUN", "PROPN", "PRON") and not is_temporal(pobj):
            return pobj
    return None


def _noun_target(noun: Token | None) -> Token | None:
    if noun is None:
        return None
    for prep, pobj in prep_objects(noun, TARGET_PREPS | {"of"}):
        if prep != "by" and pobj.pos_ in ("NOUN", "PROPN") and not is_temporal(pobj):
            return pobj
    return _prep_target(noun.head) if noun.dep_ in ("dobj",) else None


def _noun_actor(noun: Token) -> Token | None:
    agent = next((pobj for prep, pobj in prep_objects(noun, frozenset({"between"}))), None)
    if agent is not None:
        return agent
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.is_title and c.i < noun.i):
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return child(c, "pobj")
    return None
