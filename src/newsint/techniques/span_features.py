"""Features of a given span for technique classification (TC).

What tells techniques apart is partly the words (hashed word and character n-grams of the
span, the three words either side, the words of its sentence) and partly the form: length
(loaded language is a word or two, causal oversimplification a clause), repetition of the
same words in the article and among the other spans, punctuation and capitals (slogans),
superlatives (exaggeration), named groups (name calling, flag-waving), and small cue
lexicons written from the technique definitions of Da San Martino et al. (2019).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, diags, hstack
from spacy.tokens import Doc

from .embeddings import embed_texts
from .features import sentences
from .hashing import hash_chars, hash_words
from .valence import valences

FloatArray = NDArray[np.float32]
HASH_FEATURES = 2**18
CONTEXT_CHARS = 150
_WORD = re.compile(r"\w+")

CUES: dict[str, str] = {
    "flag": r"\b(america\w*|nation\w*|country|patriot\w*|our|we|us|people|homeland|flag|freedom)\b",
    "fear": r"\b(threat\w*|danger\w*|fear\w*|terror\w*|kill\w*|destr\w*|crisis|risk\w*|attack\w*"
    r"|war|death|die|violen\w*)\b",
    "authority": r"\b(said|says|according|expert\w*|official\w*|professor|dr|study|report\w*"
    r"|told)\b",
    "doubt": r"\b(whether|question\w*|doubt\w*|really|supposed\w*|alleged\w*|claim\w*|why"
    r"|how|if)\b",
    "causal": r"\b(because|cause\w*|due|therefore|thus|so|result\w*|lead\w*|blame\w*|fault)\b",
    "black_white": r"\b(either|or|only|never|always|all|every|no one|nothing|must)\b",
    "hitler": r"\b(hitler|nazi\w*|fascis\w*|communis\w*|stalin|everyone|everybody|majority"
    r"|millions)\b",
    "whatabout": r"\b(what about|but|while|yet|hypocri\w*|double standard)\b",
    "cliche": r"\b(it is what it is|period|end of story|that's it|enough|simply|just)\b",
    "exaggeration": r"\b(most|best|worst|greatest|biggest|never|ever|huge|massive|enormous|entire"
    r"|every|totally|completely|absolutely)\b",
    "name": r"\b(so-called|radical|extremist\w*|liberal\w*|leftist\w*|thug\w*|terrorist\w*"
    r"|traitor\w*|idiot\w*|globalist\w*)\b",
}
_CUES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in CUES.items()}
QUOTES = '"“”«»'


@dataclass(frozen=True, slots=True)
class SpanContext:
    """One span to classify, with the pieces of its doc the features read."""

    start: int
    end: int
    text: str
    sentence: str
    left: str
    right: str
    pos: tuple[str, ...]
    tags: tuple[str, ...]
    ents: tuple[str, ...]
    sentence_cover: float
    relative_position: float
    in_title: bool


def span_contexts(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[SpanContext]:
    """A ``SpanContext`` per ``(start, end)``; offsets are clipped to the text."""
    text = doc.text
    first_line_end = text.find("\n")
    sents = sentences(doc)
    sent_of_token = np.zeros(len(doc), dtype=np.int64)
    for k, sent in enumerate(sents):
        sent_of_token[sent.start : sent.end] = k
    contexts = []
    for raw_start, raw_end in spans:
        start = min(max(raw_start, 0), len(text))
        end = min(max(raw_end, start), len(text))
        span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
        tokens = list(span) if span is not None else []
        sentence_text = sents[sent_of_token[tokens[0].i]].text if tokens else text[start:end]
        contexts.append(
            SpanContext(
                start=start,
                end=end,
                text=text[start:end],
                sentence=sentence_text,
                left=text[max(0, start - CONTEXT_CHARS) : start],
                right=text[end : end + CONTEXT_CHARS],
                pos=tuple(t.pos_ for t in tokens),
                tags=tuple(t.tag_ for t in tokens),
                ents=tuple(t.ent_type_ for t in tokens),
                sentence_cover=(end - start) / max(1, len(sentence_text)),
                relative_position=start / max(1, len(text)),
                in_title=first_line_end < 0 or start < first_line_end,
            )
        )
    return contexts


def form_features(contexts: Sequence[SpanContext], article: str) -> FloatArray:
    """Length, repetition, punctuation, tag counts and cue counts of every span."""
    lowered = article.lower()
    texts = Counter(c.text.lower() for c in contexts)
    bounds = Counter((c.start, c.end) for c in contexts)
    rows = []
    for c in contexts:
        rows.append(
            _form_row(c, lowered)
            + _list_row(c, contexts, texts, bounds)
            + [len(_CUES[k].findall(c.text)) for k in CUES]
            + [len(_CUES[k].findall(c.sentence)) for k in CUES]
        )
    width = N_FORM_FEATURES
    return np.array(rows, dtype=np.float32).reshape(-1, width)


def _form_row(c: SpanContext, article: str) -> list[float]:
    text, low = c.text, c.text.lower()
    words = _WORD.findall(low)
    long_words = [w for w in words if len(w) > 3]
    repeats = article.count(low) - 1 if low.strip() else 0
    word_repeats = np.mean([article.count(w) for w in long_words]) if long_words else 0.0
    return [
        len(text), float(np.log1p(len(text))), len(c.pos), len(words), c.sentence_cover,
        c.relative_position, float(c.in_title), repeats, float(word_repeats),
        text.count("!"), text.count("?"), sum(text.count(q) for q in QUOTES),
        sum(1 for w in text.split() if w.isupper() and len(w) > 1),
        float(text[:1].isupper()), float(text.rstrip('"” ').endswith("!")),
        c.pos.count("ADJ"), c.pos.count("NOUN"), c.pos.count("VERB"), c.pos.count("PROPN"),
        c.pos.count("PRON"), sum(t in ("JJS", "RBS") for t in c.tags),
        sum(e in ("PERSON", "NORP", "ORG", "GPE") for e in c.ents),
        float(any(ch.isdigit() for ch in text)),
        *_valence_row(words, c.sentence),
    ]  # fmt: skip


def _valence_row(words: list[str], sentence: str) -> list[float]:
    """VADER valence of the span's words (total size, most negative, most positive) and the
    mean size over its sentence: loaded language and name calling are charged words."""
    span = valences(words)
    around = np.abs(valences(_WORD.findall(sentence.lower())))
    if not len(span):
        return [0.0, 0.0, 0.0, float(around.mean()) if len(around) else 0.0]
    return [
        float(np.abs(span).sum()),
        float(span.min()),
        float(span.max()),
        float(around.mean()) if len(around) else 0.0,
    ]


def _list_row(
    c: SpanContext,
    contexts: Sequence[SpanContext],
    texts: Counter[str],
    bounds: Counter[tuple[int, int]],
) -> list[float]:
    """How this span relates to the other spans of the same article."""
    overlapping = inside = 0
    for other in contexts:
        if other is c or (other.start, other.end) == (c.start, c.end):
            continue
        if other.start < c.end and other.end > c.start:
            overlapping += 1
            if other.start <= c.start and other.end >= c.end:
                inside += 1
    return [texts[c.text.lower()] - 1, bounds[(c.start, c.end)] - 1, overlapping, inside,
            len(contexts)]  # fmt: skip


N_FORM_FEATURES = 27 + 5 + 2 * len(CUES)


def _log_normalised(matrix: csr_matrix) -> csr_matrix:
    matrix = matrix.tocsr().astype(np.float64)
    matrix.data = np.log1p(matrix.data)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(diags(1.0 / norms) @ matrix)


def _context_words(c: SpanContext) -> str:
    left = _WORD.findall(c.left.lower())[-3:]
    right = _WORD.findall(c.right.lower())[:3]
    return " ".join(["L_" + w for w in left] + ["R_" + w for w in right])


def _sentence_words(c: SpanContext) -> str:
    return " ".join("S_" + w for w in _WORD.findall(c.sentence.lower()))


def sparse_features(contexts: Sequence[SpanContext]) -> csr_matrix:
    """Hashed word and char n-grams of the span, context words and sentence words."""
    spans = [c.text for c in contexts]
    return hstack(
        [
            _log_normalised(hash_words(spans, HASH_FEATURES)),
            _log_normalised(hash_chars(spans, HASH_FEATURES)),
            0.5 * _log_normalised(hash_words([_context_words(c) for c in contexts], HASH_FEATURES)),
            0.5
            * _log_normalised(hash_words([_sentence_words(c) for c in contexts], HASH_FEATURES)),
        ]
    ).tocsr()


def vector_features(contexts: Sequence[SpanContext]) -> FloatArray:
    """WordLlama vectors of the span, its sentence and its surrounding characters."""
    return np.hstack(
        [
            embed_texts([c.text for c in contexts]),
            embed_texts([c.sentence for c in contexts]),
            embed_texts([c.left + " " + c.right for c in contexts]),
        ]
    )
