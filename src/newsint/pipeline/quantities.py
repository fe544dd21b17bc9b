"""Counts of people, money amounts, percentages and other counts, with the noun they count.

Method, in two passes over a parsed spaCy ``Doc`` (tagger, parser and NER already run):

1. **Find number expressions** with a left-to-right token scanner (no regex over the raw
   text, so offsets always come from tokens). An expression is an optional currency prefix
   (``$``, ``US$``, ``€``, ``£``, ``USD`` ...), a number (digits such as ``1,200``/``2.5``,
   glued scales such as ``5bn``/``3m``, spelled numbers such as ``twenty-five``, ``one
   hundred and twenty``, ``a dozen``, ``half a million``, ``hundreds of thousands``) with
   following scale words (``million``, ``bn``), and an optional suffix (``dollars``,
   ``euros``, ``%``, ``percent``, ``per cent``). A hedge just before it (``about``, ``more
   than``, ``some``) is kept out of the span and sets ``approximate``; so do vague plurals
   (``dozens``, ``hundreds``, valued at their unit: 12, 100). Expressions are dropped when
   they are not quantities: numbers inside DATE/TIME/ORDINAL or other named entities
   (``Article 5``, ``Boeing 737``), bare 4-digit years, phone-number-like digit runs,
   numbers glued into words (``5-year-old``, ``COVID-19``, ``9mm``), labels after a noun
   (``Flight 17``, ``No. 10``) and pronoun ``one``. The small model often tags counts such
   as "between 10 and 15 people" or "2000 troops" as DATE, so a DATE label is overruled when
   the number modifies a plural noun that is not a unit of time.
2. **Find the counted noun** from the dependency parse. The expression's syntactic anchor
   is its token headed outside it (for "from $81 million to $10 million", which the parser
   folds together, the first amount borrows the second's anchor). Counts take the ``of``
   object ("five of the detainees"; "two of whom" resolves to the relative clause's
   antecedent, or to the nearest preceding plural or person noun of the sentence) or the
   noun the number modifies ("5 detained ISIS fighters"). Money and percentages take the
   ``of`` object or modified noun, the noun before "of/at" ("a fine of $50"), the clause
   subject when the amount hangs from "from/to/of/at/by/..." or is a copula complement
   ("incomes have declined from $81 million"), or else the verb's object ("earn good money
   on such refugees (about $ 50 per trip)"). ``kind`` is ``people`` when that noun denotes
   people (a lexicon, -ist, -man/-men, -ee and -trooper nouns, nouns inside NORP/PERSON
   entities); otherwise it is ``count``, also when no noun was found ("two were arrested").

A rate after the amount ("per trip", "a month") fills ``per``. Everything is linear in the
number of tokens, apart from bounded look-ups (a few hops up the tree, at most 40 tokens
back for an antecedent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Quantity, QuantityKind
from .spans import inside

# --- lexicons -----------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
#: abbreviated scales accepted only after a currency ("$5 m", "€3m", "$10k")
_MONEY_SCALES = {"m": 1e6, "k": 1e3, "b": 1e9, "t": 1e12}
#: vague plurals: "hundreds" -> 100 (approximate); "hundreds of thousands" -> 100000
_VAGUE = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9,
}  # fmt: skip

_CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR",
    "inr": "INR", "₽": "RUB", "rub": "RUB", "₺": "TRY", "a$": "AUD",
    "aud": "AUD", "c$": "CAD", "cad": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD",
    "chf": "CHF", "cny": "CNY", "rmb": "CNY", "₪": "ILS", "ils": "ILS", "sar": "SAR",
    "aed": "AED", "uah": "UAH", "₴": "UAH", "syp": "SYP", "iqd": "IQD",
}  # fmt: skip
_CURRENCY_SUFFIX = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "gbp": "GBP", "sterling": "GBP", "ruble": "RUB", "rubles": "RUB",
    "rouble": "RUB", "roubles": "RUB", "lira": "TRY", "liras": "TRY", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "rupees": "INR", "riyal": "SAR",
    "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "hryvnia": "UAH",
    "hryvnias": "UAH", "shekel": "ILS", "shekels": "ILS",
}  # fmt: skip
#: "<adjective> <money word>" suffixes ("Syrian pounds"); bare "pounds" may be weight
_CURRENCY_PAIRS = {
    ("us", "dollars"): "USD", ("u.s.", "dollars"): "USD", ("american", "dollars"): "USD",
    ("canadian", "dollars"): "CAD", ("australian", "dollars"): "AUD",
    ("british", "pounds"): "GBP", ("pounds", "sterling"): "GBP", ("syrian", "pounds"): "SYP",
    ("egyptian", "pounds"): "EGP", ("lebanese", "pounds"): "LBP", ("iraqi", "dinars"): "IQD",
    ("jordanian", "dinars"): "JOD", ("turkish", "lira"): "TRY", ("swiss", "francs"): "CHF",
}  # fmt: skip
_PERCENT = {"%", "percent", "pct", "pct."}
_PERCENT_PAIRS = {("per", "cent"), ("percentage", "point"), ("percentage", "points")}
_A_SCALES = {"dozen", "hundred", "thousand", "million", "billion"}

_HEDGES_1 = {
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over",
    "estimated", "approx", "approx.", "~", "circa", "c.", "ca.", "under",
}  # fmt: skip
_HEDGES_2 = {
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("up", "to"), ("at", "least"),
    ("at", "most"), ("close", "to"), ("as", "many"), ("as", "much"), ("well", "over"),
}  # fmt: skip

_PEOPLE = {
    "people", "person", "persons", "man", "woman", "child", "children", "kid", "baby",
    "boy", "girl", "adult", "teenager", "civilian", "soldier", "troop", "fighter",
    "militant", "jihadist", "terrorist", "insurgent", "rebel", "detainee", "prisoner",
    "captive", "hostage", "suspect", "supporter", "member", "officer", "police",
    "policeman", "protester", "protestor", "demonstrator", "refugee", "migrant", "asylum",
    "student", "worker", "employee", "staff", "personnel", "journalist", "reporter",
    "resident", "inhabitant", "citizen", "victim", "casualty", "islamist", "commander",
    "leader", "official", "guard", "gunman", "defector", "deserter", "recruit",
    "volunteer", "mercenary", "sniper", "militiaman", "militia", "jihadi", "extremist",
    "activist", "doctor", "nurse", "patient", "teacher", "farmer", "driver", "passenger",
    "pilgrim", "villager", "foreigner", "national", "voter", "candidate", "deputy",
    "lawmaker", "senator", "minister", "diplomat", "delegate", "envoy", "agent", "spy",
    "operative", "courier", "smuggler", "trafficker", "criminal", "convict", "inmate", "survivor",
    "witness", "youth", "elder", "pensioner", "veteran", "sailor", "marine", "pilot",
    "crew", "crewmember", "guide", "follower", "believer", "worshipper", "worshiper",
    "attacker", "bomber", "kidnapper", "abductor", "looter", "rioter",
    "settler", "evacuee", "displaced", "dead", "wounded", "injured", "individual",
    "participant", "attendee", "spectator", "fan", "customer", "user", "subscriber",
    "parent", "mother", "father", "son", "daughter", "brother", "sister", "relative",
    "emir", "imam", "cleric", "priest", "monk", "nun", "bishop", "scientist", "expert",
    "specialist", "engineer", "lawyer", "judge", "prosecutor", "politician", "general",
    "colonel", "captain", "sergeant", "lieutenant", "major", "private", "cadet",
    "serviceman", "servicemember", "paramedic", "firefighter", "rescuer", "medic",
    "contractor", "advisor", "adviser", "instructor", "trainer", "trainee", "infant",
}  # fmt: skip
_NOT_PEOPLE_IST = {"list", "wrist", "twist", "mist", "fist", "gist", "cyst", "schist"}
_NOT_PEOPLE_EE = {
    "committee", "guarantee", "jubilee", "pedigree", "decree", "degree", "coffee", "toffee",
    "dungaree", "filigree", "marquee", "puree", "soiree", "matinee", "entree", "repartee",
    "apogee", "perigee", "settee", "levee",
}  # fmt: skip
_NOT_PEOPLE_MEN = {
    "specimen", "abdomen", "regimen", "omen", "stamen", "acumen", "hymen", "semen", "ramen",
    "caiman", "cayman", "talisman", "yemen", "amen",
}  # fmt: skip

_SKIP_ENTS = {
    "DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT",
    "WORK_OF_ART", "LAW", "LANGUAGE",
}  # fmt: skip
_LABEL_PREV = {"#", "no.", "nos.", "nr.", "no", "number", "vol.", "p.", "pp.", "ch."}
_PER_NOUNS = {
    "day", "week", "month", "year", "hour", "minute", "night", "head", "person", "trip",
    "piece", "barrel", "ton", "tonne", "kilo", "kilogram", "kg", "litre", "liter",
    "gallon", "unit", "visit", "journey", "crossing", "passenger", "shift",
}  # fmt: skip
#: prepositions after which an amount describes the clause subject ("declined from $81m")
_SUBJECT_PREPS = {
    "from", "to", "of", "at", "by", "around", "about", "over", "under", "between", "than",
    "up", "down", "nearly", "almost",
}  # fmt: skip
_TIME_NOUNS = {
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
    "decade", "century", "season", "quarter", "term", "time", "age",
}  # fmt: skip
_NOUN_POS = {"NOUN", "PROPN"}
_VERB_POS = {"VERB", "AUX"}

_DIGITS = set("0123456789")
#: words that can open an expression (anything else must start with a digit)
_STARTERS = {"a", "an", "us", "u.s.", "half"}
_STARTERS.update(_UNITS, _TEENS, _TENS, _VAGUE, _CURRENCY_PREFIX)
_NUM_RE = re.compile(
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?P<scale>million|billion|trillion|thousand|bn|mn|mln|tn|m|k|b)?(?P<dot>\.)?$",
    re.IGNORECASE,
)
_DIGIT_GROUP_RE = re.compile(r"\+?[0-9]+$")


@dataclass(slots=True)
class _Expr:
    """A number expression found by the scanner: tokens ``first..last`` (exclusive)."""

    first: int
    last: int
    end_char: int
    value: float
    unit: str | None = None
    kind: QuantityKind | None = None  # "money" or "percent" when the unit says so
    approximate: bool = False
    spelled: bool = False


# --- public entry point -------------------------------------------------------------------


def extract_quantities(doc: Doc, *, ranges: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in ``doc`` (people, money, percent, count) with the noun each counts.

    Only items whose number expression lies wholly inside one of ``ranges`` are returned
    (``None``: the whole text). The result is sorted by ``start`` and has no duplicates.
    """
    texts = [t.text for t in doc]
    exprs = _scan(doc, texts)
    if not exprs:
        return []
    phone = _phone_tokens(texts, [bool(t.whitespace_) for t in doc])
    exprs = [e for e in exprs if not _is_noise(doc, e, phone)]
    owner = {i: n for n, e in enumerate(exprs) for i in range(e.first, e.last)}
    anchors = [_anchor(doc, e) for e in exprs]
    text = doc.text  # built anew on each access
    result: dict[tuple[int, int], Quantity] = {}
    for n, expr in enumerate(exprs):
        start, end = doc[expr.first].idx, expr.end_char
        if ranges is not None and not inside(start, end, ranges):
            continue
        anchor = anchors[n]
        other = owner.get(anchor.head.i)
        if other is not None and other != n and _folded(anchor, expr, exprs[other]):
            anchor = anchors[other]
        result[(start, end)] = _build(doc, expr, anchor, text[start:end])
    return [result[key] for key in sorted(result)]


def _folded(anchor: Token, expr: _Expr, other: _Expr) -> bool:
    """Whether the parser hung this amount on another one ("from $81 million to $10
    million", "10-15 people", "10 and 15 people"), so that both count the same noun."""
    if anchor.dep_ in ("quantmod", "compound", "nmod", "nummod", "prep", "amod", "punct"):
        return True
    return anchor.dep_ in ("conj", "appos") and expr.kind == other.kind


def _build(doc: Doc, expr: _Expr, anchor: Token, text: str) -> Quantity:
    """Turn a kept expression into a ``Quantity``, resolving its noun, kind and rate."""
    if expr.kind is None:
        noun = _count_noun(doc, expr, anchor)
        kind: QuantityKind = "people" if noun is not None and _is_people(noun) else "count"
    else:
        noun = _amount_noun(expr, anchor)
        kind = expr.kind
    per = _rate(doc, expr.last)
    return Quantity(
        text=text,
        start=doc[expr.first].idx,
        end=expr.end_char,
        value=expr.value,
        kind=kind,
        unit=expr.unit,
        noun=noun.text if noun is not None else None,
        noun_start=noun.idx if noun is not None else None,
        noun_end=noun.idx + len(noun.text) if noun is not None else None,
        per=per,
        approximate=expr.approximate or _hedged(doc, expr.first),
    )


# --- pass 1: scanning number expressions --------------------------------------------------


def _scan(doc: Doc, texts: list[str]) -> list[_Expr]:
    """Greedy left-to-right scan for number expressions; they never overlap."""
    found: list[_Expr] = []
    free = 0
    for i, text in enumerate(texts):
        if i < free or not (text[:1] in _DIGITS or text.lower() in _STARTERS):
            continue
        expr = _match_at(doc, i)
        if expr is not None:
            found.append(expr)
            free = expr.last
    return found


def _match_at(doc: Doc, i: int) -> _Expr | None:
    """The number expression starting at token ``i`` (currency prefix included), if any."""
    currency, j = _currency_prefix(doc, i)
    number = _number(doc, j, money=currency is not None)
    if number is None:
        return None
    expr = _Expr(first=i, last=number[1], end_char=number[2], value=number[0])
    expr.approximate, expr.spelled = number[3], number[4]
    if currency is not None:
        expr.unit, expr.kind = currency, "money"
    _suffix(doc, expr)
    return expr


def _currency_prefix(doc: Doc, i: int) -> tuple[str | None, int]:
    """ISO code and next token index when token ``i`` starts with a currency sign or code."""
    tok = doc[i]
    low = tok.lower_
    if low in ("us", "u.s.") and i + 1 < len(doc) and doc[i + 1].text == "$":
        return "USD", i + 2
    code = _CURRENCY_PREFIX.get(low)
    if code is None or i + 1 >= len(doc):
        return None, i
    letters = low.rstrip(".").isalpha()  # letter codes: "USD", "EUR", "Rs" but not "usd"
    if letters and not (tok.text.isupper() or tok.text.startswith("Rs")):
        return None, i
    if low == "rs" and doc[i + 1].text == "." and not tok.whitespace_:
        return code, i + 2  # "Rs. 500" split as "Rs", "."
    return code, i + 1


def _number(doc: Doc, i: int, *, money: bool) -> tuple[float, int, int, bool, bool] | None:
    """Parse a number at token ``i``: (value, next index, end char, approximate, spelled)."""
    if i >= len(doc):
        return None
    tok = doc[i]
    match = _NUM_RE.match(tok.text)
    if match is not None:
        return _digits(doc, i, match, money=money)
    low = tok.lower_
    if low in _VAGUE:
        return _vague(doc, i)
    if low == "half" and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an"):
        if doc[i + 2].lower_ not in _A_SCALES:
            return None
        value, j = _words(doc, i + 2, 0.5)  # "half a million"
    elif low in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in _A_SCALES:
        value, j = _words(doc, i + 1, 1.0)
    elif low in _UNITS or low in _TEENS or low in _TENS:
        value, j = _words(doc, i, 0.0)
    else:
        return None
    return value, j, _end(doc[j - 1]), False, True


def _digits(
    doc: Doc, i: int, match: re.Match[str], *, money: bool
) -> tuple[float, int, int, bool, bool] | None:
    """A digit token ("1,200", "2.5", "5bn", "3m") followed by optional scale words."""
    tok = doc[i]
    scale = (match.group("scale") or "").lower()
    if scale and scale not in _SCALES and not money:
        return None  # "100m" (metres), "10k" without a currency
    value = float(match.group("num").replace(",", ""))
    end = tok.idx + (match.end("scale") if scale else match.end("num"))
    if scale:
        return value * _SCALES.get(scale, _MONEY_SCALES.get(scale, 1.0)), i + 1, end, False, False
    j = i + 1
    while j < len(doc) and (mult := _scale_of(doc[j], money=money)) is not None:
        value, j = value * mult, j + 1  # "2.5 million", "5 hundred thousand"
    if j > i + 1:
        end = _end(doc[j - 1])
    return value, j, end, False, False


def _vague(doc: Doc, i: int) -> tuple[float, int, int, bool, bool]:
    """Vague plurals ("dozens", "tens of thousands"): the unit value, approximate."""
    value = float(_VAGUE[doc[i].lower_])
    j = i + 1
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in _VAGUE:
        value *= _VAGUE[doc[j + 1].lower_]
        j += 2
    return value, j, _end(doc[j - 1]), True, True


def _scale_of(tok: Token, *, money: bool) -> float | None:
    """The multiplier of a scale word token ("million", "bn", "m" after money)."""
    text = tok.lower_.rstrip(".") if tok.lower_ != "." else ""
    if text in _SCALES:
        return _SCALES[text]
    if money and text in _MONEY_SCALES and not tok.text.isupper():
        return _MONEY_SCALES[text]
    return None


def _word_class(low: str) -> str | None:
    if low in _UNITS:
        return "unit"
    if low in _TEENS:
        return "teen"
    if low in _TENS:
        return "tens"
    if low == "dozen":
        return "dozen"
    return "scale" if low in _SCALES else None


def _words(doc: Doc, i: int, current: float) -> tuple[float, int]:
    """Consume spelled number words from token ``i``; ``current`` is 1 after "a"/"an".

    Returns the value and the index of the first token not consumed.
    """
    total = 0.0
    prev: str | None = "unit" if current else None
    j, n = i, len(doc)
    while j < n:
        low = doc[j].lower_
        cls = _word_class(low)
        if not _may_follow(prev, cls):
            if _joiner(doc, j, prev):
                j += 1
                continue
            break
        if cls in ("scale", "dozen"):
            current = (current or 1.0) * (12.0 if cls == "dozen" else _SCALES[low])
            if current >= 1000:
                total, current = total + current, 0.0
        else:
            current += float(_UNITS.get(low) or _TEENS.get(low) or _TENS.get(low) or 0)
        prev = cls
        j += 1
    return total + current, j


def _may_follow(prev: str | None, cls: str | None) -> bool:
    """Whether a number word of class ``cls`` can follow one of class ``prev``."""
    if cls is None:
        return False
    if prev is None:
        return True
    if cls in ("scale", "dozen"):
        return prev != "dozen"
    if prev == "tens":
        return cls == "unit"
    return prev in ("scale", "dozen") and cls != "dozen"


def _joiner(doc: Doc, j: int, prev: str | None) -> bool:
    """A hyphen in "twenty-five" or the "and" of "one hundred and twenty"."""
    if j + 1 >= len(doc):
        return False
    tok, nxt = doc[j], doc[j + 1].lower_
    if tok.text == "-" and prev == "tens" and not doc[j - 1].whitespace_:
        return nxt in _UNITS and not tok.whitespace_
    if tok.lower_ == "and" and prev == "scale":
        return nxt in _UNITS or nxt in _TEENS or nxt in _TENS
    return False


def _suffix(doc: Doc, expr: _Expr) -> None:
    """Extend ``expr`` over a currency word or a percent sign/word that follows it."""
    j, n = expr.last, len(doc)
    if expr.kind is not None or j >= n:
        return
    low = doc[j].lower_
    two = (low, doc[j + 1].lower_) if j + 1 < n else ("", "")
    found: tuple[str, QuantityKind, int] | None = None
    if two in _PERCENT_PAIRS:
        found = ("%", "percent", 2)
    elif low in _PERCENT:
        found = ("%", "percent", 1)
    elif two in _CURRENCY_PAIRS:
        found = (_CURRENCY_PAIRS[two], "money", 2)
    elif low in _CURRENCY_SUFFIX:
        found = (_CURRENCY_SUFFIX[low], "money", 1)
    elif expr.spelled and low == "of" and two[1] in _CURRENCY_SUFFIX:
        found = (_CURRENCY_SUFFIX[two[1]], "money", 2)  # "millions of dollars"
    if found is not None:
        expr.unit, expr.kind, expr.last = found[0], found[1], j + found[2]
        expr.end_char = _end(doc[expr.last - 1])


def _end(tok: Token) -> int:
    """End character of a token, leaving out a sentence-final period glued to it ("m.")."""
    text = tok.text
    if len(text) > 1 and text.endswith(".") and text.lower() not in ("rs.", "pct."):
        return tok.idx + len(text) - 1
    return tok.idx + len(text)


def _hedged(doc: Doc, first: int) -> bool:
    """An approximating word ("about", "more than", "some") just before token ``first``."""
    if first >= 1 and doc[first - 1].lower_ in _HEDGES_1:
        return True
    return first >= 2 and (doc[first - 2].lower_, doc[first - 1].lower_) in _HEDGES_2


# --- filtering what is not a quantity -----------------------------------------------------


def _phone_tokens(texts: list[str], spaced: list[bool]) -> set[int]:
    """Tokens in runs of two or more bare digit groups holding seven or more digits (phone
    numbers, codes, long lists of numbers); found in one linear pass."""
    flagged: set[int] = set()
    run: list[int] = []
    for i, text in enumerate(texts):
        if (text[:1] in _DIGITS or text[:1] == "+") and _DIGIT_GROUP_RE.match(text):
            run.append(i)
            continue
        glued = i > 0 and not spaced[i - 1] and not spaced[i]
        if run and glued and text in ("-", ".", "/", "(", ")"):
            continue  # "555-1234", "0958.123"
        _flag_run(texts, run, flagged)
        run = []
    _flag_run(texts, run, flagged)
    return flagged


def _flag_run(texts: list[str], run: list[int], flagged: set[int]) -> None:
    if len(run) >= 2 and sum(len(texts[i].lstrip("+")) for i in run) >= 7:
        flagged.update(run)


def _is_noise(doc: Doc, expr: _Expr, phone: set[int]) -> bool:
    """True for numbers that are dates, ordinals, names, codes, labels or pronouns."""
    core = [doc[i] for i in range(expr.first, expr.last) if _in_number(doc[i])]
    counts_plural = _counts_plural(doc[expr.last - 1])
    for tok in core:
        # the small model tags counts such as "between 10 and 15 people" as DATE
        if tok.ent_type_ in _SKIP_ENTS and not (tok.ent_type_ == "DATE" and counts_plural):
            return True
        if tok.i in phone or re.match(r"0[0-9]", tok.text):
            return True
    first = doc[expr.first]
    if _glued(doc, expr):
        return True
    if expr.kind is not None:
        return False
    if _is_year(first) and not (expr.last - expr.first == 1 and counts_plural):
        return True
    if _after_label(doc, expr.first) or _is_label(doc, expr):
        return True
    return expr.last - expr.first == 1 and first.lower_ == "one" and not _counts_one(first)


def _counts_plural(tok: Token) -> bool:
    """Whether the number ``tok`` (or the one it is joined to, "10 and 15") modifies a
    plural noun that is not a unit of time ("2000 troops" but not "two days")."""
    for _ in range(3):
        if tok.dep_ in ("conj", "prep", "quantmod") and tok.head.pos_ == "NUM":
            tok = tok.head
    head = tok.head
    if tok.dep_ != "nummod" or head.i <= tok.i or head.tag_ not in ("NNS", "NNPS"):
        return False
    return head.ent_type_ not in ("DATE", "TIME") and head.lemma_.lower() not in _TIME_NOUNS


def _after_label(doc: Doc, first: int) -> bool:
    """A number after "No.", "#", "number" ("No. 10 Downing Street")."""
    if first == 0 or doc[first].lower_.isalpha():
        return False
    prev = doc[first - 1].lower_
    if prev == "." and first >= 2 and not doc[first - 2].whitespace_:
        prev = doc[first - 2].lower_ + "."
    return prev in _LABEL_PREV


def _in_number(tok: Token) -> bool:
    """Whether ``tok`` is a number part (not the currency or percent word around it)."""
    return (
        bool(_NUM_RE.match(tok.text))
        or _word_class(tok.lower_) is not None
        or (tok.lower_ in _VAGUE)
    )


def _glued(doc: Doc, expr: _Expr) -> bool:
    """A number glued into a word: "5-year-old", "10-member", "COVID-19", "Su-25", and for
    bare counts a glued letter suffix: "9mm", "5G", "3D"."""
    last, first = expr.last, expr.first
    glued_after = last < len(doc) and not doc[last - 1].whitespace_
    if expr.kind is None and glued_after and doc[last].is_alpha:
        return doc[last].lower_ not in _UNITS
    if last + 1 < len(doc) and doc[last].text == "-" and not doc[last - 1].whitespace_:
        nxt = doc[last + 1]
        if not doc[last].whitespace_ and nxt.is_alpha and _word_class(nxt.lower_) is None:
            return True
    if first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_:
        prev = doc[first - 2]
        return prev.is_alpha and not prev.whitespace_ and _word_class(prev.lower_) is None
    return False


def _is_year(tok: Token) -> bool:
    """A four-digit number 1000..2100 written without a comma."""
    return bool(re.fullmatch(r"1[0-9]{3}|20[0-9]{2}|2100", tok.text))


def _is_label(doc: Doc, expr: _Expr) -> bool:
    """A number right after the noun it names: "Flight 17", "Room 101"."""
    tok = doc[expr.last - 1]
    head = tok.head
    if tok.dep_ not in ("nummod", "appos", "npadvmod", "compound"):
        return False
    return head.pos_ in _NOUN_POS and expr.first - 2 <= head.i < expr.first


def _counts_one(tok: Token) -> bool:
    """Whether "one" counts ("one soldier", "one of the districts"), unlike "no one"."""
    if tok.i > 0 and tok.nbor(-1).lower_ in ("no", "every", "any", "each", "the", "this"):
        return False
    if tok.dep_ == "nummod" and tok.head.pos_ in _NOUN_POS:
        return True
    return _of_object(tok) is not None


# --- pass 2: what is counted --------------------------------------------------------------


def _anchor(doc: Doc, expr: _Expr) -> Token:
    """The expression's token attached outside it (the last one, if several)."""
    span = range(expr.first, expr.last)
    outside = [doc[i] for i in span if doc[i].head.i not in span or doc[i].head.i == i]
    if not outside:
        return doc[expr.last - 1]
    main = [t for t in outside if t.dep_ not in ("quantmod", "compound", "punct", "nmod")]
    return (main or outside)[-1]


def _of_object(tok: Token) -> Token | None:
    """The object of an "of" phrase under ``tok`` ("five of the detainees")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _count_noun(doc: Doc, expr: _Expr, anchor: Token) -> Token | None:
    """The noun a count counts: its "of" object or the noun it modifies."""
    obj = _of_object(anchor)
    if obj is not None:
        if obj.lower_ in ("whom", "which"):
            return _antecedent(doc, anchor, people=obj.lower_ == "whom")
        return obj if obj.pos_ in _NOUN_POS else None
    head = anchor.head
    if anchor.dep_ in ("nummod", "amod", "compound", "nmod", "quantmod") and head.i > anchor.i:
        return head if head.pos_ in _NOUN_POS else None
    return None


def _antecedent(doc: Doc, anchor: Token, *, people: bool) -> Token | None:
    """The noun "of whom"/"of which" refers to: the relative clause's head, or else the
    nearest preceding noun in the sentence (people nouns first for "whom")."""
    verb = _clause_verb(anchor)
    head = verb.head if verb is not None and verb.dep_ == "relcl" else None
    fits = head is not None and head.pos_ in _NOUN_POS and (not people or _is_people(head))
    if fits:
        return head
    candidates: list[Token] = []
    for i in range(anchor.i - 1, max(-1, anchor.i - 41), -1):
        tok = doc[i]
        dated = tok.ent_type_ in ("DATE", "TIME")
        if tok.pos_ in _NOUN_POS and tok.dep_ != "compound" and not dated:
            candidates.append(tok)
        if tok.is_sent_start:
            break
    if people:
        for tok in candidates:
            if _is_people(tok):
                return tok
    plural = [t for t in candidates if t.tag_ in ("NNS", "NNPS")]
    found = plural or candidates
    return found[0] if found else None


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (a few hops at most)."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in _VERB_POS else None
        node = node.head
        if node.pos_ in _VERB_POS:
            return node
    return None


def _amount_noun(expr: _Expr, anchor: Token) -> Token | None:
    """What an amount of money or a percentage is of (see the module docstring)."""
    obj = _of_object(anchor)
    if obj is not None and obj.pos_ in _NOUN_POS and not expr.first <= obj.i < expr.last:
        return obj
    head = anchor.head
    modifies = anchor.dep_ in ("nummod", "compound", "amod") and head.i > anchor.i
    if modifies and head.pos_ in _NOUN_POS and head.lower_ not in _CURRENCY_SUFFIX:
        return head
    if anchor.dep_ == "pobj" and head.lower_ in ("of", "at") and head.head.pos_ in _NOUN_POS:
        return head.head
    return _clause_noun(anchor)


def _clause_noun(anchor: Token) -> Token | None:
    """Climb to the clause verb: the subject when the amount hangs from "from/to/of..." or
    completes a copula; otherwise the verb's object when the amount sits below it."""
    node, first_prep = anchor, None
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        if head.pos_ in _VERB_POS:
            break
        if head.dep_ in ("prep", "agent") and first_prep is None:
            first_prep = head.lower_
        node = head
    else:
        return None
    verb = head
    if node.dep_ in ("attr", "acomp", "oprd") or (
        node.dep_ in ("prep", "agent") and node.lower_ in _SUBJECT_PREPS
    ):
        return _subject(verb)
    if node is anchor or node.dep_ in ("dobj", "nsubj", "nsubjpass", "npadvmod"):
        return None
    if first_prep is not None and first_prep in _SUBJECT_PREPS:
        return _subject(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.pos_ in _NOUN_POS and obj is not node else None


def _subject(verb: Token) -> Token | None:
    """The nominal subject of ``verb`` (or of the verb it is conjoined to)."""
    for cand in (verb, verb.head):
        for child in cand.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child if child.pos_ in _NOUN_POS else None
        if verb.dep_ not in ("conj", "xcomp", "advcl"):
            break
    return None


def _is_people(tok: Token) -> bool:
    """Whether the noun ``tok`` denotes people."""
    if tok.ent_type_ in ("NORP", "PERSON"):
        return True
    low = tok.lower_
    lemma = tok.lemma_.lower()
    forms = {low, lemma}
    if low.endswith("ies"):
        forms.add(low[:-3] + "y")
    elif low.endswith("s"):
        forms.add(low[:-1])
    if forms & _PEOPLE:
        return True
    return any(_agentive(form) for form in forms)


def _agentive(form: str) -> bool:
    """Agent nouns in -ist (jihadist, activist) and -man/-men (gunmen, women)."""
    if form.endswith("ist") and len(form) > 5:
        return not any(form.endswith(x) for x in _NOT_PEOPLE_IST)
    if form.endswith(("man", "men")) and len(form) > 4:
        return not any(form.endswith(x) for x in _NOT_PEOPLE_MEN)
    if form.endswith("ee") and len(form) > 6:  # detainee, returnee, deportee
        return not any(form.endswith(x) for x in _NOT_PEOPLE_EE)
    return form.endswith("trooper")


def _rate(doc: Doc, j: int) -> str | None:
    """The unit of a rate right after the amount: "per trip", "a month", "each day"."""
    if j + 1 >= len(doc):
        return None
    word, noun = doc[j].lower_, doc[j + 1]
    if noun.i + 1 < len(doc) and noun.nbor(1).lower_ == "ago":
        return None
    if word == "per" and noun.pos_ in _NOUN_POS | {"X"} and noun.tag_.startswith("NN"):
        return noun.text
    if word in ("a", "an", "each", "every", "/") and noun.lower_.rstrip(".") in _PER_NOUNS:
        return noun.text
    return None


__all__ = ["extract_quantities"]
