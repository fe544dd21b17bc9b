"""Find event triggers in a parsed sentence: lexicon verbs, light verb + event noun, event
nouns as subjects, reported obligations (DEMAND), and verbs in title-case headlines.

A ``Trigger`` names the word that carries the event (``token``), the clause word that
carries its arguments and modality (``anchor``: the verb itself, or the light verb of
"staged protests"), and the PLOVER ``sense``. Triggers embedded under a framing trigger
("threatened to attack", "refused to withdraw", "urged X to support") are folded into it,
so one statement gives one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from .lexicon import (
    EVENT_SUBJECT_VERBS,
    LIGHT_VERBS,
    NOUNS,
    OBJECT_SENSES,
    PHRASAL,
    VERBS,
    WEAPON_SUBJECTS,
    Sense,
)
from .syntax import (
    PLACE_PREPS,
    ancestors_to_root,
    child,
    direct_object,
    phrase_head,
    prep_objects,
)
from .wordclasses import (
    NEEDS_COMPLEMENT,
    OBJECT_CLASSES,
    OBLIGATION_MODALS,
    PROTESTER_WORDS,
    REPORT_VERBS,
)

#: how a trigger was found; sets the base confidence of its event
TriggerKind = str
BASE_CONFIDENCE: dict[TriggerKind, float] = {
    "verb": 0.75,
    "object": 0.75,
    "light": 0.7,
    "participle": 0.65,
    "noun": 0.6,
    "demand": 0.65,
    "title": 0.45,
    "protester": 0.55,
    "route": 0.5,
}
#: clause roles in which a verb can carry an event of its own
VERB_DEPS = frozenset(
    {
        "ROOT",
        "ccomp",
        "xcomp",
        "advcl",
        "relcl",
        "acl",
        "conj",
        "csubj",
        "pcomp",
        "parataxis",
        "csubjpass",
        "dep",
        "advmod",
    }
)
#: participle modes that make sense as a noun modifier: "detained suspects", "killed civilians"
PARTICIPLE_MODES = frozenset({"arrest", "detain", "abduct", "kill", "injure"})
#: types whose past participle after a noun describes it rather than tells an event
DESCRIPTIVE_PARTICIPLES = frozenset({"DISAPPROVE", "DEMAND", "INVESTIGATE", "SUPPORT"})
#: triggers that frame another event under them ("threatened to", "refused to", "urged to")
FRAME_TYPES = frozenset(
    {"AGREE", "THREATEN", "DEMAND", "REJECT", "DISAPPROVE", "INVESTIGATE", "CONCEDE", "MOBILIZE"}
)
FRAME_PATH_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "acl",
        "advcl",
        "relcl",
        "nsubj",
        "nsubjpass",
        "attr",
        "compound",
        "amod",
        "oprd",
    }
)
#: words whose violent xcomp makes "prepare/plan/mass" a MOBILIZE
PREPARE_LEMMAS = frozenset({"prepare", "mass", "gather", "amass", "ready"})
#: the most tokens a sentence may have for its parse to be trusted with events
MAX_SENTENCE_TOKENS = 120
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass
class Trigger:
    token: Token
    sense: Sense
    kind: TriggerKind
    anchor: Token
    obj: Token | None = None  # the object that selected an object-dependent sense
    obj_class: str | None = None
    absorbed: list[Trigger] = field(default_factory=list)


def find_triggers(
    sent: Span, place_tokens: frozenset[int] = frozenset(), *, headline: bool = False
) -> list[Trigger]:
    """All triggers of one sentence, embedded ones folded into their frames.

    A sentence too long to be one claim (over ``MAX_SENTENCE_TOKENS`` tokens: a flattened
    table or list, or missing punctuation), or one that looks like table cells, gives no
    events: its parse cannot be trusted. Title-case verbs are read only in a headline.
    """
    if len(sent) > MAX_SENTENCE_TOKENS:
        return []
    tokens = list(sent)  # one Token object per word, reused by every pass below
    if not any(t.is_alpha for t in tokens) or looks_tabular(tokens):
        return []
    triggers: list[Trigger] = []
    used: set[int] = set()
    for tok in tokens:
        trig = verb_trigger(tok, place_tokens)
        if trig is not None:
            triggers.append(trig)
            used.update((trig.token.i, trig.anchor.i))
    for tok in tokens:
        if tok.i in used or tok.pos not in _NOUN_POS:
            continue
        trig = noun_trigger(tok)
        if trig is not None and trig.anchor.i not in used:
            triggers.append(trig)
            used.add(tok.i)
    triggers.extend(demand_triggers(tokens))
    if not triggers and headline and looks_like_headline(sent):
        triggers.extend(title_triggers(sent))
    return fold_frames(triggers)


# --- verbs -------------------------------------------------------------------------------


_NOUN_POS = frozenset({NOUN, PROPN})


def _is_verbal(tok: Token) -> bool:
    if tok.pos == VERB:
        return True
    if tok.pos != ADJ:
        return False
    return (
        tok.pos_ == "ADJ"
        and tok.tag_ in ("VBN", "VBG", "VBD")
        or (tok.pos_ == "ADJ" and tok.lower_.endswith("ed") and tok.dep_ == "amod")
    )


def verb_trigger(tok: Token, place_tokens: frozenset[int]) -> Trigger | None:
    """The trigger a verb carries, or None."""
    if not _is_verbal(tok):
        return None
    lemma = verb_lemma(tok)
    if tok.dep_ == "amod":
        sense = VERBS.get(lemma)
        if sense is not None and sense.mode in PARTICIPLE_MODES:
            return Trigger(tok, sense, "participle", tok)
        return None
    if tok.dep_ not in VERB_DEPS:
        return None
    prt = child(tok, "prt")
    if prt is not None and (lemma, prt.lower_) in PHRASAL:
        sense = PHRASAL[(lemma, prt.lower_)]
        obj = direct_object(tok)
        if lemma == "blow" and (obj is None or obj.lower_.endswith(("self", "selves"))):
            sense = Sense("ASSAULT", "suicide" if obj is not None else "explosives")
        return Trigger(tok, sense, "verb", tok)
    if lemma in PREPARE_LEMMAS:
        return _prepare_trigger(tok)
    if lemma in OBJECT_SENSES:
        found = object_sense(tok, lemma, place_tokens)
        if found is not None:
            return found
    if lemma in LIGHT_VERBS:
        light = light_trigger(tok)
        if light is not None:
            return light
    sense = VERBS.get(lemma)
    if sense is None:
        return _protester_clause(tok, lemma)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and sense.type in DESCRIPTIVE_PARTICIPLES:
        return None  # "a man accused of ...", "a suspect wanted for ..."
    if lemma in NEEDS_COMPLEMENT and not _has_complement(tok):
        return None
    if lemma == "call" and not any(
        p in ("on", "upon", "for") for p, _ in prep_objects(tok, frozenset({"on", "upon", "for"}))
    ):
        return None
    if lemma == "strike" or (lemma == "march" and _has_object(tok, "troops")):
        return None
    return Trigger(tok, _weapon_subject(tok, sense), "verb", tok)


def _protester_clause(verb: Token, lemma: str) -> Trigger | None:
    """ "Demonstrators gathered outside ...", "rioters torched cars": protesters acting."""
    if lemma in REPORT_VERBS or lemma in ("be", "have", "say", "want", "vow", "ask", "plan"):
        return None
    subj = child(verb, "nsubj")
    if subj is None:
        return None
    head = phrase_head(subj)
    if head.lower_ not in PROTESTER_WORDS:
        return None
    mode = "riot" if head.lower_ in ("rioters", "rioter", "mob") else "demo"
    return Trigger(verb, Sense("PROTEST", mode), "protester", verb)


def _has_complement(tok: Token) -> bool:
    return any(
        c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "nsubjpass", "dative") for c in tok.children
    ) or any(
        p in ("to", "for", "with", "on", "against")
        for p, _ in prep_objects(tok, PLACE_PREPS | {"for", "with", "on", "against"})
    )


def _has_object(tok: Token, cls: str) -> bool:
    obj = direct_object(tok)
    return obj is not None and in_class(phrase_head(obj), cls)


def _weapon_subject(verb: Token, sense: Sense) -> Sense:
    """ "A roadside bomb killed ...": the subject names the weapon, hence the mode."""
    subj = child(verb, "nsubj")
    if subj is None or sense.type not in ("ASSAULT", "FIGHT"):
        return sense
    found = WEAPON_SUBJECTS.get(subj.lemma_.lower())
    if found is None or found.mode is None:
        return sense
    return Sense(found.type if sense.mode in (None, "kill", "injure") else sense.type, found.mode)


def _prepare_trigger(tok: Token) -> Trigger | None:
    """ "prepared to resume shelling", "massed troops": MOBILIZE (PLOVER).

    Preparing a *noun* ("preparing a terrorist attack") is left alone: it is what suspects
    are said to have planned, not a mobilisation of forces.
    """
    xcomp = child(tok, "xcomp")
    obj = direct_object(tok)
    violent = xcomp is not None and any(
        (VERBS.get(t.lemma_.lower()) or NOUNS.get(t.lemma_.lower()) or Sense("")).type
        in ("ASSAULT", "FIGHT")
        for t in xcomp.subtree
    )
    troops = obj is not None and in_class(phrase_head(obj), "troops")
    if not (violent or troops):
        return None
    return Trigger(tok, Sense("MOBILIZE", "weapons" if violent else "troops"), "verb", tok)


def object_sense(tok: Token, lemma: str, place_tokens: frozenset[int]) -> Trigger | None:
    """Sense of a verb that depends on its object ("capture the town" vs "capture 5 men");
    the direct object decides before prepositional ones ("weapons were seized in Kingston")."""
    senses = OBJECT_SENSES[lemma]
    for obj in _objects(tok):
        for cls, sense in senses:
            if in_class(obj, cls, place_tokens):
                return Trigger(tok, _weapon_subject(tok, sense), "object", tok, obj, cls)
    return None


def _objects(verb: Token) -> Iterable[Token]:
    obj = direct_object(verb)
    if obj is not None:
        yield phrase_head(obj)
        yield obj
        for c in obj.children:
            if c.dep_ == "conj":
                yield phrase_head(c)
    subj = child(verb, "nsubjpass")
    if subj is not None:
        yield phrase_head(subj)
    for c in verb.children:
        if c.dep_ in ("npadvmod", "advmod") and c.lower_ in ("home", "hostage"):
            yield c
        if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"):
            pobj = child(c, "pobj")
            yield pobj if pobj is not None else c
    for _, pobj in prep_objects(verb, PLACE_PREPS | {"of", "for"}):
        yield phrase_head(pobj)
    if verb.dep_ == "amod" or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        yield verb.head


def in_class(tok: Token, cls: str, place_tokens: frozenset[int] = frozenset()) -> bool:
    """Whether ``tok`` belongs to the object word class ``cls``."""
    lemma = tok.lemma_.lower()
    words = OBJECT_CLASSES.get(cls, frozenset())
    if lemma in words or tok.lower_ in words:
        return True
    if any(c.dep_ == "compound" and c.lemma_.lower() in words for c in tok.children):
        return True
    if cls == "place":
        return tok.i in place_tokens or tok.ent_type_ in ("GPE", "LOC", "FAC")
    if cls == "person":
        return tok.ent_type_ in ("PERSON", "NORP") or (
            tok.pos_ == "PRON" and tok.lower_ in ("them", "him", "her", "us", "me")
        )
    if cls == "military":
        return lemma in OBJECT_CLASSES["troops"]
    return False


def light_trigger(verb: Token) -> Trigger | None:
    """ "staged protests", "carried out an airstrike", "held talks", "an attack was carried
    out", "took part in the march", "came under attack": the noun decides."""
    for noun in _light_nouns(verb):
        sense = noun_sense(noun)
        if sense is not None:
            return Trigger(noun, sense, "light", verb)
    return None


def _light_nouns(verb: Token) -> Iterable[Token]:
    obj = direct_object(verb)
    if obj is not None:
        yield phrase_head(obj)
    subj = child(verb, "nsubjpass")
    if subj is not None:
        yield phrase_head(subj)
    if verb.lemma_ == "take" and any(c.lower_ == "place" for c in verb.children):
        subj = child(verb, "nsubj")
        if subj is not None:
            yield phrase_head(subj)
    for head in (verb, obj):
        if head is not None:
            for _, pobj in prep_objects(head, frozenset({"under", "in"})):
                yield phrase_head(pobj)


def noun_sense(tok: Token) -> Sense | None:
    """The sense of an event noun, looking at a compound before it ("hunger strike")."""
    lemma = tok.lemma_.lower()
    left = tok.doc[tok.i - 1] if tok.i > 0 else None
    if left is not None and left.dep_ == "compound":
        pair = f"{left.lemma_.lower()} {lemma}"
        if pair in NOUNS:
            return NOUNS[pair]
        if left.lower_ in ("air", "drone") and lemma in ("strike", "raid", "attack"):
            return Sense("FIGHT", "aerial")
        if left.lower_ in ("suicide",):
            return Sense("ASSAULT", "suicide")
        if left.lower_ in ("car", "roadside", "bomb") and lemma in ("bomb", "bombing", "attack"):
            return Sense("ASSAULT", "explosives")
        if left.lower_ in ("war", "military") and lemma in ("game", "exercise"):
            return Sense("COOPERATE", "exercise")
        if left.lower_ in ("peace",) and lemma in ("talk", "negotiation"):
            return Sense("CONSULT", "negotiate")
    if lemma == "strike" and left is not None and left.lower_ in ("hunger",):
        return Sense("PROTEST", "hunger-strike")
    return NOUNS.get(lemma)


# --- nouns -------------------------------------------------------------------------------


def noun_trigger(tok: Token) -> Trigger | None:
    """An event noun that is the subject of an event verb, or the "there were" attribute."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.is_upper and len(tok) > 1 and tok.lower_ != "ied":
        return None
    sense = noun_sense(tok)
    if sense is None or sense.type in ("MOVE",):
        return None
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in EVENT_SUBJECT_VERBS:
        if head.lemma_ == "be" and not any(c.dep_ in ("acomp", "attr") for c in head.children):
            return None
        return Trigger(tok, sense, "noun", head)
    if tok.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
        return Trigger(tok, sense, "noun", head)
    return None


# --- reported obligations ---------------------------------------------------------------


def demand_triggers(tokens: Sequence[Token]) -> list[Trigger]:
    """ "X said Y must do Z": a DEMAND by X on Y (PLOVER)."""
    result = []
    for tok in tokens:
        if tok.pos != VERB or tok.lemma_ not in REPORT_VERBS or child(tok, "nsubj") is None:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp":
                continue
            auxes = {c.lower_ for c in comp.children if c.dep_ == "aux"}
            has_to = any(
                c.dep_ == "xcomp" and comp.lemma_ in ("have", "need") for c in comp.children
            )
            if auxes & OBLIGATION_MODALS or has_to:
                subj = child(comp, "nsubj", "nsubjpass")
                if subj is not None and subj.lower_ not in ("it", "we", "i"):
                    result.append(Trigger(comp, Sense("DEMAND", None), "demand", tok))
    return result


# --- headlines -------------------------------------------------------------------------


def looks_tabular(sent: Sequence[Token]) -> bool:
    """Cells of a flattened table: many numbers or separators, few ordinary words."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return True
    cells = sum(1 for t in tokens if t.like_num or t.text in ("|", "\t", ";", "/"))
    separators = sum(1 for t in tokens if t.text == "|" or "\t" in t.text)
    return separators >= 2 or (len(tokens) >= 6 and cells >= 0.4 * len(tokens))


def looks_like_headline(sent: Span) -> bool:
    """Title case throughout (a headline the tagger reads as a string of names)."""
    words = [t for t in sent if _WORD.fullmatch(t.text)]
    if len(words) < 3:
        return False
    capital = sum(1 for t in words if t.text[0].isupper())
    return capital >= 0.7 * len(words)


def verb_lemma(tok: Token) -> str:
    """The lemma of a verb, by its written form when it is a lexicon verb's inflection
    (spaCy lemmatises "staged" as "stag")."""
    return _ALL_FORMS.get(tok.lower_) or tok.lemma_.lower()


def verb_forms(lemmas: Iterable[str]) -> dict[str, str]:
    """Inflected form -> lemma for ``lemmas`` (for headlines, where the tagger fails, and
    for the lemmatiser's slips)."""
    lemmas = set(lemmas)
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    forms.update({form: lemma for form, lemma in IRREGULAR.items() if lemma in lemmas})
    return forms


def _inflections(lemma: str) -> list[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = [lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"]
    if lemma.endswith("e"):
        forms.append(lemma + "d")
    if (
        len(lemma) > 2
        and lemma[-1] in "bdgmnprt"
        and lemma[-2] in "aeiou"
        and (lemma[-3] not in "aeiou")
    ):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]  # ban -> banned
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ied", lemma[:-1] + "ies"]  # rally -> rallied
    return forms


# fmt: off
IRREGULAR = {
    "fled": "flee", "fought": "fight", "shot": "shoot", "struck": "strike", "hid": "hide",
    "hidden": "hide", "beaten": "beat", "swore": "swear", "sworn": "swear", "overran": "overrun",
        "kidnapped": "kidnap", "kidnapping": "kidnap", "withdrew": "withdraw",
    "withdrawn": "withdraw", "shelled": "shell", "shelling": "shell", "met": "meet",
    "forgave": "forgive", "stabbed": "stab", "robbed": "rob", "freed": "free",
    "held": "hold", "took": "take", "taken": "take", "began": "begin", "begun": "begin",
    "gave": "give", "given": "give", "sent": "send", "led": "lead", "made": "make",
    "went": "go", "gone": "go", "saw": "see", "seen": "see", "got": "get", "gotten": "get",
    "broke": "break", "broken": "break", "froze": "freeze", "frozen": "freeze",
    "blew": "blow", "blown": "blow", "sought": "seek", "found": "find", "built": "build",
    "undertook": "undertake", "undertaken": "undertake", "laid": "lay", "hit": "hit",
    "cut": "cut", "put": "put", "set": "set", "shook": "shake", "spread": "spread",
    "forbade": "forbid", "overrun": "overrun", "stricken": "strike",
    "arose": "arise", "left": "leave", "ran": "run", "drove": "drive",
}
# fmt: on
_FORMS = verb_forms(VERBS)
_ALL_FORMS = verb_forms(
    sorted(set(VERBS) | set(OBJECT_SENSES) | LIGHT_VERBS | {v for v, _ in PHRASAL} | PREPARE_LEMMAS)
)


def title_triggers(sent: Span) -> list[Trigger]:
    """Lexicon verbs in a title-case headline, matched by their written form."""
    result = []
    for tok in sent:
        lemma = _FORMS.get(tok.lower_)
        if lemma is None or tok.i == sent.start or tok.ent_type_ in ("GPE", "LOC"):
            continue
        result.append(Trigger(tok, VERBS[lemma], "title", tok))
    return result[:1]


# --- frames -----------------------------------------------------------------------------


def fold_frames(triggers: list[Trigger]) -> list[Trigger]:
    """Drop triggers embedded under a framing trigger, recording their sense on the frame."""
    by_anchor = {t.anchor.i: t for t in triggers if t.sense.type in FRAME_TYPES}
    kept = []
    for trig in triggers:
        frame = _frame_of(trig, by_anchor)
        if frame is not None:
            frame.absorbed.append(trig)
            continue
        kept.append(trig)
    return kept


def _frame_of(trig: Trigger, frames: dict[int, Trigger]) -> Trigger | None:
    node = trig.anchor
    if trig.kind == "demand":
        return None
    for head in ancestors_to_root(trig.anchor):
        if node.dep_ not in FRAME_PATH_DEPS:
            return None
        frame = frames.get(head.i)
        if frame is not None and frame is not trig:
            return frame
        node = head
    return None
