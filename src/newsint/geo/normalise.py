"""Place-name normalisation shared by the gazetteer index and the lookups.

Both sides go through :func:`normalise`, so spelling variants meet in one key:
case and diacritics are dropped, apostrophes and ayn/hamza marks removed, Arabic
articles (al-, el-, ash-, ad-, ...) dropped, Tel/Tall/Tell/Tal made one word, hyphens
and dashes made spaces, and Saint/St./Ste. made ``st``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: the longest name looked up or indexed; longer inputs are cut (hostile input guard)
MAX_NAME_CHARS = 120

_MARKS = "'’‘`´ʿʾʼʻʹ′″\"“”"
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŀ": "l",
        "ĸ": "k",
        **{m: "" for m in _MARKS},
    }
)
_ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ash",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "an",
        "ath",
        "adh",
        "ed",
        "es",
        "er",
        "et",
        "ez",
        "en",
        "ech",
        "esh",
        "ech",
    ]
)
_ARTICLE_PREFIX = re.compile(
    r"\b(?:al|el|ash|ad|ar|as|at|az|an|ath|adh|ed|es|er|et|ez|en)-(?=\w)", re.UNICODE
)
#: combining marks: Latin diacritics, Arabic harakat, Hebrew points, Devanagari signs...
_MARKS_RE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\u302a-\u302f\u3099\u309a\ufe20-\ufe2f]+"
)
_DASHES = re.compile(r"[\-‐‑‒–—―_/]+")
_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_SYNONYMS = {
    "tel": "tall",
    "tell": "tall",
    "tal": "tall",
    "saint": "st",
    "sainte": "st",
    "ste": "st",
    "mount": "mt",
    "mont": "mt",
    "fort": "ft",
}


@lru_cache(maxsize=65_536)
def normalise(name: str) -> str:
    """The lookup key of a place name ("" when nothing is left)."""
    text = name[:MAX_NAME_CHARS].casefold().translate(_SPECIAL)
    if not text.isascii():
        text = _MARKS_RE.sub("", unicodedata.normalize("NFKD", text))
    text = _ARTICLE_PREFIX.sub(" ", text)
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub("", text)
    words = [_SYNONYMS.get(w, w) for w in _SPACES.split(text) if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1:
        kept = [w for i, w in enumerate(words) if not (w in _ARTICLES and i < len(words) - 1)]
        words = kept or words
    return " ".join(words)


def is_noisy_alias(alias: str, key: str) -> bool:
    """True for alternate names that only add noise to the index.

    Airport and station codes (three or four capitals), one- and two-letter forms,
    pure digits and very long strings are dropped; names in other scripts are kept.
    """
    if len(key) < 3 or len(alias) > 80 or key.replace(" ", "").isdigit():
        return True
    stripped = alias.strip()
    return len(stripped) in (3, 4) and stripped.isupper() and stripped.isalpha()
