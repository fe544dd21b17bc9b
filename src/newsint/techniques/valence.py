"""Word valence from the VADER lexicon (Hutto & Gilbert 2014), as prior knowledge of
emotionally loaded words.

PTC's 371 training articles see only part of the words that carry loaded language
("bloody", "brutal", "heinous"); VADER's 7,500 human-rated words and their mean valence
(-4 … +4) fill that gap. The lexicon file ships inside the ``vaderSentiment`` wheel and
is read as data: its analyser module is never imported.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

import numpy as np
from numpy.typing import NDArray

LEXICON_FILE = "vader_lexicon.txt"


@functools.cache
def valence_table() -> dict[str, float]:
    """word -> mean valence (-4 … +4), lower-case words of the shipped lexicon."""
    text = resources.files("vaderSentiment").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and not parts[0][0].isdigit():
            try:
                table[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return table


def valences(words: Sequence[str]) -> NDArray[np.float32]:
    """The valence of each (lower-case) word; 0 for words the lexicon lacks."""
    table = valence_table()
    return np.array([table.get(w, 0.0) for w in words], dtype=np.float32)
