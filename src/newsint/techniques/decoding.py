"""From token probabilities to character spans.

A span grows over a run of tokens whose probability passes ``low`` inside one sentence
(whitespace tokens do not break a run) and is kept when some token of it passes
``threshold`` (hysteresis: confident cores, generous edges). Kept runs of one sentence
closer than ``gap`` tokens are joined, because the scorer averages over spans and PTC
annotators mark whole phrases rather than scattered words. Edges are trimmed of
whitespace and ``. , : ;`` as the PTC v2 annotations are.

``loaded_rate``/``loaded_count`` are the thresholds of the loaded-word layer
(``lexicon.LoadedWords``), tuned together with the others; a rate above 1 switches it off.
``valence_min``: adjectives whose VADER valence reaches this size also propose a span with
their noun ("brutal regime"); above 4 (the largest valence) switches that off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .features import TokenInfo

TRIM_CHARS = " \t\r\n\u00a0.,:;"


@dataclass(frozen=True, slots=True)
class DecodeSettings:
    threshold: float = 0.3
    low: float = 0.2
    gap: int = 8
    min_chars: int = 2
    loaded_rate: float = 2.0
    loaded_count: int = 3
    valence_min: float = 9.0

    @property
    def words_on(self) -> bool:
        """Whether the loaded-word layer proposes spans at all."""
        return self.loaded_rate <= 1.0 or self.valence_min <= 4.0


def token_runs(info: TokenInfo, on: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """Inclusive token ranges of maximal runs of ``on`` within a sentence."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(on)
    while i < n:
        if not on[i] or info.space[i]:
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and info.sent_id[j + 1] == info.sent_id[i]
            and (on[j + 1] or info.space[j + 1])
        ):
            j += 1
        while info.space[j]:
            j -= 1
        runs.append((i, j))
        i = j + 1
    return runs


def decode_spans(
    text: str, info: TokenInfo, probs: NDArray[np.float64], settings: DecodeSettings
) -> list[tuple[int, int, float]]:
    """``(start, end, mean probability)`` of each predicted span, in text order."""
    p = np.asarray(probs, dtype=np.float64)
    low = min(settings.low, settings.threshold)
    runs = [
        (i, j) for i, j in token_runs(info, p > low) if p[i : j + 1].max() >= settings.threshold
    ]
    joined: list[tuple[int, int]] = []
    for i, j in runs:
        last = joined[-1][1] if joined else -1
        if last >= 0 and info.sent_id[last] == info.sent_id[i] and i - last - 1 <= settings.gap:
            joined[-1] = (joined[-1][0], j)
        else:
            joined.append((i, j))
    spans = []
    for i, j in joined:
        start, end = trim(text, int(info.starts[i]), int(info.ends[j]))
        if end - start >= settings.min_chars:
            inside = p[i : j + 1][~info.space[i : j + 1]]
            spans.append((start, end, float(inside.mean())))
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without leading/trailing whitespace and ``. , : ;``."""
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def clip_to_ranges(
    text: str, spans: list[tuple[int, int, float]], ranges: list[tuple[int, int]], min_chars: int
) -> list[tuple[int, int, float]]:
    """Spans cut to the parts inside ``ranges`` (each part trimmed again); others dropped."""
    clipped = []
    for start, end, score in spans:
        for low, high in ranges:
            a, b = trim(text, max(start, low), min(end, high))
            if b - a >= min_chars:
                clipped.append((a, b, score))
    return sorted(set(clipped))
