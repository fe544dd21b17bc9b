"""Datelines: the place a news report was filed from, written before its first sentence.

Agencies and papers open a story with the place in capitals ("BEIRUT (AP) —", "TORONTO —",
"NEW DELHI:", "CAMP MURRAY, Wash. -") or, less often, in title case ("Muscat:"). The NER
model rarely tags them (all-caps words look like acronyms to it), yet they are the surest
place names in the article. A dateline is recognised by its shape, not by its words:

* a run of capitalised words followed by an agency in brackets ("(AP)", "(Reuters)"),
  anywhere in a line ("Associated Press WASHINGTON (AP)");
* at the start of a line or after a sentence end, a run of all-capital words followed by
  a dash, a colon, or a comma and a state or a date ("HORRY COUNTY, SC (WMBF) -");
* at the very start of a line, a run of all-capital words followed by a sentence in title
  case ("OKLAHOMA CITY The Latest on ..."), when the name is a major place.

Names joined by "&" are two datelines ("TIJUANA & SAN DIEGO").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .gazetteer import Candidate

_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_CAPS_RUN = rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}}"
_CAPS_NAMES = rf"(?P<name>{_CAPS_RUN}(?:[ \t]*&[ \t]*{_CAPS_RUN})?)"
_TITLE_RUN = r"(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
#: news agencies and broadcasters that follow a dateline in brackets; US stations by call sign
_AGENCIES = (
    "AP|Reuters|AFP|UPI|CNN|BBC|CBS|NBC|ABC|dpa|DPA|Xinhua|IANS|PTI|ANI|APP|Bernama|KUNA|"
    "WAFA|SANA|TASS|ITAR-TASS|IRNA|EFE|ANSA|PNA|MENA|WAM|SPA|QNA|NAN|Yonhap|Kyodo|"
    "Interfax|RIA|AsiaNews|Anadolu|AA|Sputnik|RFE/RL|VOA|Bloomberg|[KW][A-Z]{2,3}(?:-TV)?"
)
_AGENCY = rf"[ \t]*(?:,[ \t]*[\w. ]{{1,24}}?)?[ \t]*\((?:{_AGENCIES})\)"
_LINE_START = r"(?:^|(?<=\n)|(?<=[.!?|][ \t])|(?<=[.!?|]  ))[ \t]*"

#: "(AP)", "(Reuters)" after the name, anywhere
_WITH_AGENCY = re.compile(rf"(?:(?<=[\s(])|^){_CAPS_NAMES}(?={_AGENCY})")
#: "TORONTO —", "CAMP MURRAY, Wash. -", "SOUTH WAZIRISTAN, April 5"
_WITH_PUNCT = re.compile(
    rf"{_LINE_START}{_CAPS_NAMES}"
    r"(?=[ \t]*(?:[—–]|-{1,2}[ \t]|,+[ \t]*(?:[A-Z][a-z]{1,8}\.?|[A-Z]{2}\b|[A-Z]{3,}\b)))"
)
#: "NEW DELHI:": a colon also ends captions and labels ("JEWELL: ..."), so major places only
_WITH_COLON = re.compile(rf"{_LINE_START}{_CAPS_NAMES}(?=[ \t]*:)")
#: "Muscat:", "Beijing (AsiaNews)": a title-case name and a colon or an agency
_TITLE_DATELINE = re.compile(rf"(?:^|(?<=\n))[ \t]*{_TITLE_RUN}(?=[ \t]*:[ \t]|{_AGENCY})")
#: "OKLAHOMA CITY The Latest": capitals, then a title-case word, at a line start
_BARE = re.compile(rf"(?:^|(?<=\n))[ \t]*{_CAPS_NAMES}(?=[ \t]+[A-Z][a-z])")

MIN_LETTERS = 4  # "ROME" and longer: shorter capitals are acronyms
MAJOR_POPULATION = 100_000

Lookup = Callable[[str], list[Candidate]]


def find_datelines(text: str, lookup: Lookup) -> Iterator[tuple[int, int, list[Candidate]]]:
    """(start, end, candidates) of each dateline place in ``text``, in text order."""
    seen: set[int] = set()
    spans: list[tuple[int, int, list[Candidate]]] = []
    for pattern, major_only in (
        (_WITH_AGENCY, False),
        (_WITH_PUNCT, False),
        (_WITH_COLON, True),
        (_TITLE_DATELINE, True),
        (_BARE, True),
    ):
        for match in pattern.finditer(text):
            for start, end in _names(match):
                if start in seen:
                    continue
                found = _known(text[start:end], lookup, major_only)
                if found:
                    seen.add(start)
                    spans.append((start, end, found))
    yield from sorted(spans, key=lambda s: s[0])


def _names(match: re.Match[str]) -> Iterator[tuple[int, int]]:
    """The places of one dateline: "TIJUANA & SAN DIEGO" is two."""
    start = match.start("name")
    for part in re.finditer(r"[^&]+", match.group("name")):
        raw = part.group()
        stripped = raw.strip().rstrip(",")
        if sum(ch.isalpha() for ch in stripped) < MIN_LETTERS or stripped.isdigit():
            continue
        offset = start + part.start() + (len(raw) - len(raw.lstrip()))
        yield offset, offset + len(stripped)


def _known(name: str, lookup: Lookup, major_only: bool) -> list[Candidate]:
    """Candidates of a dateline name: cities, divisions, countries (major ones only when
    the shape of the dateline is weak)."""
    found = lookup(name)
    if not any(c.primary for c in found):
        return []
    if major_only and not any(
        c.primary and (c.kind != "city" or c.population >= MAJOR_POPULATION) for c in found
    ):
        return []
    return found
