"""Dependency-tree helpers: clauses, arguments, noun-phrase spans, modality, attribution.

Everything here reads a spaCy parse (``token.dep_``, ``token.head``) and returns tokens or
token ranges; nothing builds events. The functions are small so that the rules in
:mod:`.triggers` and :mod:`.extract` read as the linguistic statements they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .wordclasses import (
    ABSTRACT_OBJECTS,
    ACTOR_SKIP_LEFT,
    ALLEGATION_HEADS,
    COLLECTIVE_HEADS,
    EPISTEMIC_MODALS,
    FUTURE_MODALS,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    IMPLICATIVE_HEADS,
    INTENT_HEADS,
    MODALS,
    OBLIGATION_MODALS,
    REPORT_VERBS,
)

#: dependency labels that start a clause of their own
CLAUSAL_DEPS = frozenset(
    {
        "ROOT",
        "ccomp",
        "xcomp",
        "advcl",
        "relcl",
        "acl",
        "conj",
        "csubj",
        "csubjpass",
        "parataxis",
        "pcomp",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
#: prepositions whose object is a plausible target ("meet with", "protest against")
TARGET_PREPS = frozenset(
    {"with", "against", "on", "upon", "at", "to", "into", "toward", "towards", "between"}
)
#: prepositions whose object is a plausible place or destination of a movement
PLACE_PREPS = frozenset(
    {
        "to",
        "into",
        "towards",
        "toward",
        "from",
        "through",
        "via",
        "in",
        "across",
        "at",
        "near",
        "inside",
        "over",
    }
)
#: the most tokens an actor or target span may have before it is cut to its core
MAX_ACTOR_TOKENS = 14
#: object-control verbs: in "urged X to do", X is the subject of "do"
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "order",
        "call",
        "force",
        "allow",
        "permit",
        "persuade",
        "encourage",
        "tell",
        "invite",
        "request",
        "help",
    }
)
PRONOUNS = frozenset(
    {
        "it",
        "they",
        "he",
        "she",
        "we",
        "them",
        "its",
        "their",
        "who",
        "which",
        "that",
        "i",
        "you",
        "him",
        "her",
        "us",
        "this",
        "these",
        "those",
    }
)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy joins every token on each access); the
    article's own text when the doc was made from it, which is the same string."""
    text = doc.user_data.get(_TEXT_KEY)
    if isinstance(text, str):
        return text
    article = doc._.newsint_article if Doc.has_extension("newsint_article") else None
    last = doc[-1] if len(doc) else None
    if (
        article is not None
        and last is not None
        and article.text.startswith(last.text, last.idx)
        and (last.idx + len(last.text_with_ws) == len(article.text))
    ):
        text = article.text
    else:
        text = doc.text
    doc.user_data[_TEXT_KEY] = text
    return text


def span_text(span: Span) -> str:
    return doc_text(span.doc)[span.start_char : span.end_char]


_TEXT_KEY = "newsint_events_text"


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` is in (the sentence root at the latest)."""
    current = token
    for _ in range(64):  # parse trees are shallow; the bound guards against odd cycles
        if current.dep_ in CLAUSAL_DEPS and current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def ancestors_to_root(token: Token) -> Iterator[Token]:
    """``token``'s heads, nearest first (bounded, so a malformed tree cannot loop)."""
    current = token
    for _ in range(64):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def depth(token: Token) -> int:
    return sum(1 for _ in ancestors_to_root(token))


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` with one of ``deps``."""
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs of ``token``'s prepositional children."""
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps | {"by"}:
            obj = child(c, "pobj", "pcomp")
            if obj is not None:
                yield c.lower_, obj


def direct_object(verb: Token) -> Token | None:
    obj = child(verb, *OBJECT_DEPS)
    if obj is None:
        dative = child(verb, "dative")
        if dative is not None and dative.pos_ in ("NOUN", "PROPN", "PRON"):
            obj = dative
    return obj


def agent_of(verb: Token) -> Token | None:
    """The ``by`` phrase of a passive verb."""
    agent = child(verb, "agent")
    if agent is None:
        return None
    return child(agent, "pobj")


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause, following control, coordination and
    complementation upwards ("agreed to cooperate", "is willing to withdraw", "issued a
    declaration demanding ...")."""
    node = verb
    for _ in range(10):
        subj = child(node, "nsubj", "nsubjpass")
        if subj is not None:
            return subj
        head, dep = node.head, node.dep_
        if head.i == node.i:
            return None
        if dep == "xcomp":
            obj = direct_object(head)
            if head.lemma_ in OBJECT_CONTROL and obj is not None:
                return obj
        elif dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if head.lemma_.lower() not in ABSTRACT_OBJECTS:
                return head
        elif dep in ("dobj", "pobj", "attr") and node.lemma_.lower() in ABSTRACT_OBJECTS:
            pass
        elif dep not in ("conj", "advcl", "pcomp", "prep", "acomp", "oprd"):
            return None
        node = head
    return None


#: entity types that are never actors or targets ("on Wednesday", "10 days")
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
TEMPORAL_WORDS = frozenset(
    {
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "month",
        "year",
        "day",
        "night",
        "morning",
        "evening",
        "afternoon",
        "weekend",
        "hour",
        "time",
        "moment",
        "period",
        "decade",
        "century",
        "season",
    }
)


def is_temporal(tok: Token) -> bool:
    return tok.ent_type_ in NOT_ACTOR_ENTS or tok.lemma_.lower() in TEMPORAL_WORDS


def place_party(tok: Token, *, origin: bool = False) -> Token | None:
    """A proper-noun place or group in an "in/for/into" phrase of ``tok`` ("settlements in
    the Gaza Strip", "a camp for Congolese refugees"); with ``origin``, "from" too
    ("withdraw its troops from Lebanon")."""
    preps = frozenset({"in", "for", "into", "inside"} | ({"from"} if origin else set()))
    for prep, pobj in prep_objects(tok, preps):
        if prep in ("in", "into", "inside", "from") and pobj.pos_ == "PROPN":
            return pobj
        if prep == "for" and (
            pobj.pos_ == "PROPN"
            or pobj.ent_type_ in ("NORP", "GPE")
            or any(c.ent_type_ == "NORP" for c in pobj.children)
        ):
            return pobj
    return None


def party_of(noun: Token) -> Token | None:
    """Whose proposal, demand or effort a noun is: "an Indian proposal" -> Indian,
    "U.N. Security Council resolution" -> Council, "demands from Shona rebels" -> rebels."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and not is_temporal(c):
            return c
    mods = [
        c
        for c in noun.children
        if c.i < noun.i
        and c.dep_ in ("compound", "amod", "nmod")
        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
        and not is_temporal(c)
    ]
    if mods:
        return mods[-1]
    for prep, pobj in prep_objects(noun, frozenset({"from", "by", "of"})):
        if (
            prep in ("from", "by", "of")
            and pobj.pos_ in ("PROPN", "NOUN")
            and (
                pobj.pos_ == "PROPN"
                or pobj.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")
                or prep != "of"
            )
            and not is_temporal(pobj)
        ):
            return pobj
    return None


def reporting_subject(token: Token) -> Token | None:
    """For a pronoun subject under "X said it/they ...", the X it stands for."""
    clause = clause_head(token)
    for head in ancestors_to_root(clause):
        if head.lemma_ in REPORT_VERBS | INTENT_HEADS:
            return child(head, "nsubj")
        if head.dep_ not in CLAUSAL_DEPS and head.pos_ != "VERB":
            continue
    return None


# --- noun phrases ------------------------------------------------------------------------


def phrase_head(token: Token) -> Token:
    """The noun a quantity phrase is about: "a group of diplomats" -> diplomats."""
    for _ in range(4):
        if token.lower_ in COLLECTIVE_HEADS or token.pos_ == "NUM":
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = child(of, "pobj") if of is not None else None
            if pobj is not None:
                token = pobj
                continue
        break
    return token


_LEFT_DEPS = frozenset(
    {
        "compound",
        "amod",
        "nmod",
        "poss",
        "det",
        "nummod",
        "quantmod",
        "case",
        "npadvmod",
        "advmod",
        "punct",
        "nn",
        "predet",
    }
)


def noun_phrase(head: Token, *, with_conj: bool = True) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, trimmed for actors.

    Kept: compounds, adjectives, possessors, "of" phrases, "in <Place>" phrases and
    conjuncts ("the United States and Jordan"); dropped: relative clauses, appositions,
    leading determiners and quantifiers ("more than 100", "a group of").
    """
    tokens = {head.i}
    for c in head.children:
        if _in_phrase(head, c):
            tokens.update(t.i for t in c.subtree)
        elif (
            with_conj
            and c.i > head.i
            and (c.dep_ == "cc" or c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
        ):
            span = noun_phrase(c) if c.dep_ == "conj" else (c.i, c.i + 1)
            tokens.update(range(*span))
    start, end = min(tokens), max(tokens) + 1
    start, end = _contiguous(head, tokens, start, end)
    start = _trim_left(head, start, end)
    end = _hyphenated_end(head.doc, _trim_right(head, start, end))
    if end - start > MAX_ACTOR_TOKENS:
        start, end = _core(head)
    return start, end


def _in_phrase(head: Token, c: Token) -> bool:
    """Whether the child ``c`` (with its subtree) belongs to ``head``'s actor phrase."""
    if c.i < head.i:
        return c.dep_ in _LEFT_DEPS
    if c.dep_ == "prep":
        return _keep_prep(c)
    if c.dep_ == "appos":
        return _name_after_title(head, c)
    return c.dep_ in ("amod", "compound", "case")


def _name_after_title(head: Token, appos: Token) -> bool:
    """A name right after a title noun, with no comma between, is part of the phrase
    ("Niger's ambassador Brah Mohamane"); a comma-set apposition is not."""
    subtree = list(appos.subtree)
    return (
        head.pos_ == "NOUN"
        and appos.pos_ == "PROPN"
        and subtree[0].i == head.i + 1
        and len(subtree) <= 4
        and all(t.pos_ == "PROPN" or t.text in _HYPHENS for t in subtree)
    )


_HYPHENS = frozenset({"-", "‐", "‑"})


def _hyphenated_end(doc: Doc, end: int) -> int:
    """Extend a phrase over a hyphenated word split by the tokenizer ("Fazl-ur-Rehman")."""
    while (
        end + 1 < len(doc)
        and doc[end].text in _HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _keep_prep(prep: Token) -> bool:
    pobj = child(prep, "pobj")
    if pobj is None:
        return False
    if prep.lower_ == "of":
        return sum(1 for _ in prep.subtree) <= 8
    if prep.lower_ in ("in", "from", "throughout", "across") and pobj.pos_ == "PROPN":
        return sum(1 for _ in prep.subtree) <= 6
    return False


def _contiguous(head: Token, tokens: set[int], start: int, end: int) -> tuple[int, int]:
    """Cut the range at the first gap on either side of the head."""
    lo = head.i
    while lo - 1 >= start and lo - 1 in tokens:
        lo -= 1
    hi = head.i + 1
    while hi < end and hi in tokens:
        hi += 1
    return lo, hi


def _trim_left(head: Token, start: int, end: int) -> int:
    doc = head.doc
    if head.pos_ == "PROPN":  # "former president Carlos Menem" -> "Carlos Menem"
        first_cap = next((i for i in range(start, head.i + 1) if doc[i].text[:1].isupper()), start)
        if all(not doc[i].text[:1].isupper() for i in range(start, first_cap)):
            start = first_cap
    while start < head.i:
        tok = doc[start]
        low = tok.lower_
        if (
            tok.is_punct
            or low in ACTOR_SKIP_LEFT
            or tok.pos_ in ("DET", "NUM")
            or (tok.dep_ in ("quantmod", "nummod", "advmod") and not tok.is_title)
        ):
            start += 1
            continue
        break
    return start


def _trim_right(head: Token, start: int, end: int) -> int:
    doc = head.doc
    while end - 1 > head.i and (
        doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "prep") or doc[end - 1].tag_ == "POS"
    ):
        end -= 1  # a trailing possessive "'s" belongs to the noun it modifies, not the actor
    return end


def _core(head: Token) -> tuple[int, int]:
    start = head.i
    doc = head.doc
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head == head:
        start -= 1
    return start, head.i + 1


# --- modality ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Modality:
    """How a clause presents its event: denied, merely intended or possible, hedged."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False  # will/would/going to, or under a commitment verb
    obligation: bool = False  # must/should
    conditional: bool = False  # if/unless clause attached
    epistemic: bool = False  # may/might/could


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _negated_here(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no",) for c in token.children)


def modality(trigger: Token) -> Modality:
    """Negation, modals and intent on the trigger and the clauses that govern it.

    A modal or intent verb above reaches down through complement clauses ("will try to
    hide", "said they would meet"), not into adverbial or relative clauses ("Considering
    the fact that caravans passed ..., it would not be difficult" leaves "passed" a fact).
    An infinitive is an intention unless an implicative verb governs it ("managed to").
    """
    auxes = _aux_words(trigger)
    negated = _negated_here(trigger)
    future = bool(auxes & FUTURE_MODALS) or _going_to(trigger)
    obligation = bool(auxes & OBLIGATION_MODALS) or _has_to(trigger)
    epistemic = bool(auxes & EPISTEMIC_MODALS)
    conditional = _conditional(trigger)
    hypothetical = bool(auxes & MODALS) or future or conditional
    if "to" in auxes and not (trigger.dep_ == "xcomp" and trigger.head.lemma_ in IMPLICATIVE_HEADS):
        hypothetical = True
    node = trigger
    for head in ancestors_to_root(trigger):
        dep = node.dep_
        if dep in BARRIER_DEPS:
            break
        if dep in ("xcomp", "ccomp", "acomp") and (
            head.lemma_ in INTENT_HEADS or _intent_copula(head)
        ):
            hypothetical = True
        if dep == "xcomp" and (head.lemma_ == "fail" or _negated_here(head)):
            negated = True
        if head.pos_ in ("VERB", "AUX") and head.lemma_ not in REPORT_VERBS:
            head_aux = _aux_words(head)
            if head_aux & MODALS:
                hypothetical = True
                future = future or bool(head_aux & FUTURE_MODALS)
                epistemic = epistemic or bool(head_aux & EPISTEMIC_MODALS)
            if _conditional(head):
                conditional = hypothetical = True
        if (
            head.pos_ in ("ADJ", "NOUN")
            and dep in ("xcomp", "acl")
            and (head.lemma_ in INTENT_HEADS or head.lemma_ in ("plan", "attempt", "effort"))
        ):
            hypothetical = True
        if head.lemma_ in REPORT_VERBS:
            break
        node = head
    if trigger.pos_ == "NOUN" and any(
        c.lower_ in ("planned", "possible", "potential", "alleged", "future", "proposed")
        for c in trigger.children
    ):
        hypothetical = True
    return Modality(negated, hypothetical, future, obligation, conditional, epistemic)


#: clause links that modality above does not cross
BARRIER_DEPS = frozenset({"advcl", "relcl", "acl", "parataxis"})


def _intent_copula(head: Token) -> bool:
    """ "it is difficult to ...", "they are ready to ...": the adjective carries the intent."""
    return head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_ in INTENT_HEADS for c in head.children
    )


def _going_to(verb: Token) -> bool:
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.lower_ in ("is", "are", "am", "was", "were", "'s", "'re") for c in head.children)
    )


def _has_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("have", "need") and verb.i > head.i


def _conditional(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
        ):
            return True
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def is_conditional_threat(verb: Token) -> bool:
    """An "unless"/"if" clause hangs on the verb: a conditional announcement (PLOVER)."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children)
        for c in verb.children
    )


def hedged(trigger: Token, sent: Span) -> bool:
    """A hedge governs the trigger: "reportedly", "it seems that", "is believed to"."""
    chain = [trigger, *ancestors_to_root(trigger)]
    for node in chain:
        for c in node.children:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in HEDGE_ADVERBS:
                return True
        if node is not trigger and node.lemma_ in HEDGE_VERBS:
            return True
        aux = _aux_words(node)
        if aux & EPISTEMIC_MODALS:
            return True
    return bool(_SENTENCE_HEDGES.search(span_text(sent)))


_SENTENCE_HEDGES = re.compile(r"\b(reportedly|allegedly|purportedly)\b", re.IGNORECASE)


def allegation(trigger: Token) -> bool:
    """The trigger is inside "accused of ...", "suspected of ...": not asserted as fact."""
    node = trigger
    for head in ancestors_to_root(trigger):
        if (
            head.lemma_ in ALLEGATION_HEADS
            and node.dep_ in ("prep", "pcomp", "pobj")
            or (head.lower_ in ("of", "for") and head.head.lemma_ in ALLEGATION_HEADS)
        ):
            return True
        if head.dep_ in ("ROOT",):
            break
        node = head
    return False


# --- attribution -------------------------------------------------------------------------


def according_to(sent: Span) -> Token | None:
    """The object of "according to" in the sentence."""
    for tok in sent:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
                to = tok.nbor()
            if to is not None:
                return child(to, "pobj")
    return None


def reporting_source(trigger: Token, sent: Span) -> Token | None:
    """The subject of the reporting verb that governs the trigger, or of "according to"."""
    node = trigger
    for head in ancestors_to_root(trigger):
        if head.lemma_ in REPORT_VERBS and node.dep_ not in SUBJECT_DEPS:
            subj = child(head, "nsubj")
            if subj is not None and subj.i != trigger.i:
                return subj
        node = head
    root = sent.root
    for c in root.children:  # "X attacked Y, police said" parsed with "said" as a child
        if (
            c.dep_ in ("parataxis", "ccomp", "advcl")
            and c.lemma_ in REPORT_VERBS
            and c.i > trigger.i
        ):
            subj = child(c, "nsubj")
            if subj is not None:
                return subj
    return according_to(sent)
