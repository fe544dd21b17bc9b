"""Who says so: the attribution of a sentence, from its dependency parse.

Patterns, tried in this order on one sentence (a spaCy ``Span`` from a parsed ``Doc``):

1. **"according to X"** (also "as reported by X", "as X said"): the phrase runs from
   "according" to the end of the object's subtree.
2. **Speech verbs** ("say", "tell", "report", "claim", "deny", "warn", ... see
   ``lexicons.SPEECH_VERBS``) that head the sentence (root, parataxis, or an "as" clause) with
   a subject: "X said that ...", "..., X said.", "\\"...,\\" the minister said", "said the
   minister", "X says", "sources say". The phrase is the subject and the verb, with an
   audience ("told reporters") and an adjacent "in a statement" when present. A passive with
   an agent ("was reported by Reuters") takes the agent. Publishing verbs ("published",
   "released") count only with a communication object ("published information on ...").
3. **Documents that speak**: a communication noun as subject of a finding verb ("a report by
   Amnesty International found that ...").
4. **"In a statement, X ..."** with any verb, and **"citing X"**.

``source`` is the normalised name of the source: the named entity when the subject is one;
the appositive name instead of its descriptor ("the global financial monitoring company IHS
Markit" -> "IHS Markit"); otherwise the noun phrase with its determiner, adjectives,
compounds, possessives and "of/for/from/by" phrases, without locative or other trailing
modifiers ("the administration of Samsun province in Turkey at its website" -> "the
administration of Samsun province"). The owner of a document is its source ("the ministry's
statement" -> "the ministry"). Pronouns are kept as written ("he"): they are not resolved.

Anonymous sources ("sources", "officials", "a source close to the investigation") are kept
as written, because the output contract has no flag for them; ``is_anonymous_source`` makes
the judgement from the source text, for the reliability component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..model import Attribution
from .lexicons import (
    ANONYMOUS_HEADS,
    AUDIENCE_NOUNS,
    COMMUNICATION_NOUNS,
    FINDING_VERBS,
    PUBLISH_VERBS,
    SPEECH_VERBS,
)

#: entity labels that name a source by themselves
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
#: dependents kept in a source's noun phrase
_KEEP_DEPS = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "nmod", "cc", "conj",
                        "quantmod", "predet", "npadvmod"})  # fmt: skip
#: prepositions kept in a source's noun phrase ("spokesman for the ministry")
_KEEP_PREPS = frozenset({"of", "for", "from", "by"})
#: where a speech verb may sit to attribute the whole sentence
_HEAD_DEPS = frozenset({"ROOT", "parataxis", "conj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def find_attribution(sent: SpacySpan) -> Attribution | None:
    """The attribution of ``sent``, or None when nobody is named as saying it."""
    for finder in (_according_to, _speech_verb, _document_finding, _statement_or_citing):
        found = finder(sent)
        if found is not None:
            return found
    return None


def is_anonymous_source(source: str) -> bool:
    """True for a source that names nobody: "sources", "officials", "a source close to ...".

    The judgement rests on the head noun alone (the word before "of", "close to", ...): a
    vague kind of informant (``lexicons.ANONYMOUS_HEADS``) is anonymous whatever body it is
    tied to ("US officials", "Kremlin sources", "officials of the ministry" name no person),
    while a named body, a person or a body's spokesman speaking for it are not.
    """
    words = [w.strip(".,;:'’\"()") for w in source.split()]
    words = [w for w in words if w]
    if not words:
        return False
    cut = next((i for i, w in enumerate(words) if w.lower() in _HEAD_STOPS), len(words))
    return _singular(words[max(cut - 1, 0)].lower()) in ANONYMOUS_HEADS


_HEAD_STOPS = frozenset({"of", "for", "from", "close", "familiar", "in", "with", "who", "by",
                         "at", "on", "within", "inside", "near", "to"})  # fmt: skip


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# --- pattern 1: according to -------------------------------------------------------------------


def _according_to(sent: SpacySpan) -> Attribution | None:
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end:
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                return _make(sent, [token, to, *objects[0].subtree], objects[0])
        if token.lower_ == "as" and token.dep_ == "mark" and token.head.lemma_ in SPEECH_VERBS:
            found = _from_verb(sent, token.head, lead=token)
            if found is not None:
                return found
    return None


# --- pattern 2: speech verbs ---------------------------------------------------------------


def _speech_verb(sent: SpacySpan) -> Attribution | None:
    for verb in _speech_verbs(sent):
        found = _from_verb(sent, verb)
        if found is not None:
            return found
    return None


def _speech_verbs(sent: SpacySpan) -> Iterator[Token]:
    """Speech verbs that head ``sent``, the root first."""
    root = sent.root
    for verb in (root, *root.children):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb is not root and verb.dep_ not in _HEAD_DEPS:
            continue
        if verb.lemma_.lower() in SPEECH_VERBS or _is_publishing(verb):
            yield verb


def _is_publishing(verb: Token) -> bool:
    """A publishing verb with a communication object: "published information on ..."."""
    if verb.lemma_.lower() not in PUBLISH_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in COMMUNICATION_NOUNS for c in verb.children)


def _from_verb(sent: SpacySpan, verb: Token, *, lead: Token | None = None) -> Attribution | None:
    """The attribution headed by a speech verb: its subject, or the agent of a passive."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        subject = _agent(verb)
    if subject is None or subject.lower_ == "there":
        return None
    tokens = [verb, *subject.subtree, *_verb_extras(verb)]
    if lead is not None:
        tokens.append(lead)
    if subject.dep_ == "pobj":
        tokens.append(subject.head)
    return _make(sent, tokens, _owner(subject))


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _verb_extras(verb: Token) -> list[Token]:
    """Words of the attribution phrase beside the verb: aux, "told reporters", "in a statement"."""
    extras: list[Token] = []
    telling = verb.lemma_.lower() in _TELLING_VERBS
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt"):
            extras.append(child)
        elif child.dep_ in ("dobj", "dative") and (
            child.lemma_.lower() in AUDIENCE_NOUNS or telling and len(list(child.subtree)) <= 4
        ):
            extras.extend(child.subtree)
        elif child.dep_ == "dobj" and child.lemma_.lower() in COMMUNICATION_NOUNS:
            extras.append(child)  # "published information" (not what the information is about)
        elif child.dep_ == "prep" and _is_statement_phrase(child):
            extras.extend(child.subtree)
    return extras


def _is_statement_phrase(prep: Token, *, strict: bool = False) -> bool:
    """A phrase such as "in a statement", "on its website", "during a briefing".

    Beside a speech verb any communication noun will do; ``strict`` (with any other verb:
    "In a statement, Hamas took responsibility") wants a statement or a channel, so that
    "the team played at the conference" attributes nothing.
    """
    if prep.lower_ not in ("in", "on", "at", "during", "via", "through"):
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return False
    noun = objects[0].lemma_.lower()
    if not strict:
        return noun in COMMUNICATION_NOUNS or noun in _CHANNELS
    if prep.lower_ == "on":
        return noun in _CHANNELS
    return prep.lower_ in ("in", "via", "through") and (noun in _STATEMENTS or noun in _CHANNELS)


_TELLING_VERBS = frozenset({"tell", "inform", "brief", "assure", "warn"})
_STATEMENTS = frozenset({"statement", "communique", "communiqué", "release", "announcement",
                         "interview", "tweet", "post", "message", "video", "letter", "speech",
                         "briefing", "bulletin", "broadcast"})  # fmt: skip
_CHANNELS = frozenset({"website", "site", "page", "channel", "account", "telegram", "twitter",
                       "facebook", "television", "tv", "radio", "blog"})  # fmt: skip


# --- pattern 3: documents that speak -----------------------------------------------------


def _document_finding(sent: SpacySpan) -> Attribution | None:
    root = sent.root
    if root.lemma_.lower() not in FINDING_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in COMMUNICATION_NOUNS:
        return None
    return _make(sent, [root, *subject.subtree, *_verb_extras(root)], _owner(subject))


# --- pattern 4: "in a statement, X ..." and "citing X" ---------------------------------------


def _statement_or_citing(sent: SpacySpan) -> Attribution | None:
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    for child in root.children:
        if subject is None or child.dep_ != "prep":
            continue
        if _is_statement_phrase(child, strict=True):
            tokens = [*child.subtree, *subject.subtree]
            if _gap(tokens) > 3:
                tokens = list(child.subtree)
            return _make(sent, tokens, _owner(subject))
    for token in sent:
        if token.lower_ == "citing":
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects:
                return _make(sent, [token, *objects[0].subtree], objects[0])
    return None


def _gap(tokens: Iterable[Token]) -> int:
    """How many tokens between the first and last of ``tokens`` are not among them."""
    indices = {t.i for t in tokens}
    return (max(indices) - min(indices) + 1) - len(indices)


# --- the source's name ---------------------------------------------------------------------


def _owner(subject: Token) -> Token:
    """The owner of a speaking document ("the ministry's statement" -> "the ministry")."""
    if subject.lemma_.lower() not in COMMUNICATION_NOUNS:
        return subject
    for child in subject.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return subject


def source_name(head: Token) -> str:
    """The normalised name of the source headed by ``head`` (see the module docstring)."""
    entity = _entity_of(head)
    if entity is None or any(c.dep_ == "conj" for c in head.children):
        appos = next((c for c in head.children if c.dep_ == "appos" and _names(c)), None)
        if appos is not None:
            return source_name(appos)
        tokens = sorted(_phrase(head), key=lambda t: t.i)
    else:
        tokens = list(entity)
        tokens.extend(t for t in _phrase(head) if t.i >= entity.end and _is_of_phrase(t, head))
        tokens.sort(key=lambda t: t.i)
    tokens = _trim(tokens)
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text if tokens else head.text


def _entity_of(token: Token) -> SpacySpan | None:
    """The named entity (of a naming label) that ``token`` is part of, if any."""
    if token.ent_type_ not in _NAME_LABELS:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _names(token: Token) -> bool:
    return token.pos_ == "PROPN" or _entity_of(token) is not None


def _is_of_phrase(token: Token, head: Token) -> bool:
    """True for tokens in an "of/for/from/by" phrase hanging from ``head``."""
    node = token
    while node.head.i != node.i and node.head.i != head.i:
        node = node.head
    return node.head.i == head.i and node.dep_ == "prep"


def _phrase(head: Token) -> list[Token]:
    """``head`` with the dependents that belong to a source's name (recursively)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ == "amod":
            tokens.extend(child.subtree)  # "a source close to the investigation"
        elif child.dep_ in _KEEP_DEPS:
            tokens.extend(_phrase(child))
        elif child.dep_ == "prep" and child.lower_ in _KEEP_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                tokens.append(child)
                tokens.extend(_phrase(objects[0]))
    return tokens


def _trim(tokens: list[Token]) -> list[Token]:
    """``tokens`` without punctuation, spaces and dangling conjunctions at either end."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ in ("cc", "case")
    ):
        tokens = tokens[:-1]
    return tokens


def _make(sent: SpacySpan, tokens: Iterable[Token], head: Token) -> Attribution | None:
    """An attribution over the contiguous extent of ``tokens`` (trimmed of punctuation)."""
    chosen = _trim(sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i))
    if not chosen:
        return None
    doc = sent.doc
    start, end = chosen[0].idx, chosen[-1].idx + len(chosen[-1].text)
    source = source_name(head)
    if not source.strip():
        return None
    text = doc[chosen[0].i : chosen[-1].i + 1].text  # Doc.text would join the whole doc
    return Attribution(source=source, text=text, start=start, end=end)


__all__ = ["find_attribution", "is_anonymous_source", "source_name"]
