"""MinHash signatures and banded LSH over word 5-gram shingles, vectorised with NumPy.

Why our own and not ``datasketch``: datasketch hashes every shingle with SHA-1 in a
Python loop (about 1 µs a shingle, ~850 documents/s on news articles); here a whole
batch of texts is hashed in a few NumPy passes over its UTF-8 bytes, so the Python
cost per document is a handful of calls. ``bench/dedup_bench.py`` measures both on the
same texts.

How a text becomes a signature:

1. **Normalise**: ``str.casefold``, then the UTF-8 bytes are split into words: a word
   is a run of ASCII letters/digits or non-ASCII bytes, except that Unicode
   punctuation and spaces (U+0080–U+00BF, U+2000–U+207F, U+3000–U+303F, the BOM) are
   separators, like ASCII punctuation and whitespace. Whitespace runs therefore
   collapse and punctuation is stripped.
2. **Words to 64-bit hashes**: a polynomial hash over the bytes, computed for all
   words at once from one prefix sum (``cumsum`` of ``byte * P**i`` modulo 2**64) and
   made position-independent with the modular inverse of ``P``; then the MurmurHash3
   finaliser. Stable across processes and machines (Python's ``hash`` is salted).
3. **Shingles**: each run of 5 consecutive words is combined linearly with fixed odd
   constants and finalised again, giving one 64-bit value per shingle. A text with
   fewer than 5 words is one shingle of all its words.
4. **128 permutations**: ``h_i(x) = a_i * x + b_i mod 2**32`` on the top 32 bits of the
   shingle hash (``a_i`` odd), the affine scheme datasketch 2 also uses. It replaces
   ``mod prime`` because NumPy has no 128-bit products and a 64-bit ``%`` costs four
   times the multiply-add (measured); the inputs are already well mixed. Products
   are laid out permutations-major for ~100 kB of texts at a time, 16 permutations
   per block so that a block stays in the CPU cache, and each text's minimum is one
   ``np.minimum.reduceat`` over contiguous memory.

LSH: the signature is cut into ``bands`` bands of ``rows`` values; two texts become a
candidate pair when any band is equal. ``choose_lsh_params`` picks the largest ``rows``
whose S-curve still gives a pair at exactly the threshold a 99 % chance (21 x 6 for
0.8 with 128 permutations); candidates are then verified by the fraction of equal
signature values (the Jaccard estimate), and optionally by exact Jaccard of the
shingle sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError

U64 = np.uint64
U32 = np.uint32
EMPTY_VALUE = np.uint32(0xFFFFFFFF)  # the signature value of a text with no shingles

_BYTE_BASE = U64(0x100000001B3)  # FNV prime: odd, so invertible modulo 2**64
_FMIX_1 = U64(0xFF51AFD7ED558CCD)
_FMIX_2 = U64(0xC4CEB9FE1A85EC53)
_SHIFT_33 = U64(33)
_SHIFT_32 = U64(32)
# odd multipliers that place the words of a shingle (golden ratio and splitmix constants)
_WORD_MULTIPLIERS = tuple(
    U64(c)
    for c in (
        0x9E3779B97F4A7C15,
        0xBF58476D1CE4E5B9,
        0x94D049BB133111EB,
        0xD6E8FEB86659FD93,
        0xCA5A826395121157,
        0xA0761D6478BD642F,
        0xE7037ED1A0B428DB,
        0x8EBC6AF09C88C6E3,
    )
)
_PERM_BLOCK = 16  # permutations per block of products
_BATCH_BYTES = 100_000  # texts hashed together: arrays stay near the CPU cache (measured)


def _word_table() -> bytes:
    """For ``bytes.translate``: 1 for bytes that can be part of a word (after lower-casing)."""
    word = np.zeros(256, dtype=np.uint8)
    word[ord("0") : ord("9") + 1] = 1
    word[ord("a") : ord("z") + 1] = 1
    word[0x80:] = 1  # bytes of non-ASCII characters; punctuation among them fixed below
    return word.tobytes()


def _two_byte_folding() -> NDArray[np.uint16]:
    """``str.casefold`` for U+0080..U+07FF, where the folded letter keeps two UTF-8 bytes."""
    table = np.arange(0x800, dtype=np.uint16)
    for code in range(0x80, 0x800):
        folded = chr(code).casefold()
        if len(folded) == 1 and 0x80 <= ord(folded) < 0x800:
            table[code] = ord(folded)
    return table


_WORD_TABLE = _word_table()
_FOLD_2 = _two_byte_folding()
# lead byte -> (lowest, highest continuation byte, length) of Unicode punctuation and
# spaces: a 3-byte range is matched on its last byte too when that is given
_PUNCTUATION_LEADS = {
    0xC2: (0x80, 0xBF, 2),  # U+0080-U+00BF: C1 controls, no-break space, Latin-1 signs
    0xE2: (0x80, 0x81, 3),  # U+2000-U+207F: dashes, quotes, ellipsis, thin spaces
    0xE3: (0x80, 0x80, 3),  # U+3000-U+303F: CJK symbols and punctuation
}
_BOM = (0xEF, 0xBB, 0xBF)  # U+FEFF, the byte order mark


class _Powers:
    """``P**i`` and ``P**-i`` modulo 2**64, grown on demand and kept for the process."""

    def __init__(self) -> None:
        self.forward = np.ones(1, dtype=U64)
        self.inverse = np.ones(1, dtype=U64)
        self._inverse_base = U64(pow(int(_BYTE_BASE), -1, 1 << 64))

    def get(self, n: int) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
        if len(self.forward) < n:
            size = max(n, 2 * len(self.forward))
            with np.errstate(over="ignore"):
                forward = np.cumprod(np.full(size - 1, _BYTE_BASE, dtype=U64), dtype=U64)
                inverse = np.cumprod(np.full(size - 1, self._inverse_base, dtype=U64), dtype=U64)
            self.forward = np.concatenate(([U64(1)], forward))
            self.inverse = np.concatenate(([U64(1)], inverse))
        return self.forward[:n], self.inverse[:n]


_POWERS = _Powers()


def fmix64(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """The MurmurHash3 64-bit finaliser, elementwise (a bijection that spreads every bit)."""
    with np.errstate(over="ignore"):
        x = values ^ (values >> _SHIFT_33)
        x *= _FMIX_1
        x ^= x >> _SHIFT_33
        x *= _FMIX_2
        x ^= x >> _SHIFT_33
    return x


def _normalise_bytes(buffer: bytes) -> tuple[NDArray[np.uint8], NDArray[np.bool_]]:
    """Case-folded bytes and the mask of word bytes.

    Folding is done on the bytes because ``str.casefold`` costs ten times the UTF-8
    encoding (measured): ASCII with ``bytes.lower``, two-byte letters (Latin, Greek,
    Cyrillic, Armenian...) through ``str.casefold`` of each code point, precomputed.
    The few folds that change length (``ß`` -> ``ss``) and letters of three-byte
    scripts keep their case.
    """
    lowered = buffer.lower()
    data = np.frombuffer(bytearray(lowered), dtype=np.uint8)
    word = np.frombuffer(bytearray(lowered.translate(_WORD_TABLE)), dtype=np.bool_)
    if lowered.isascii():
        return data, word
    leads = np.flatnonzero(data >= 0xC2)  # lead bytes of multi-byte characters
    two = leads[data[leads] <= 0xDF]
    code = ((data[two].astype(np.uint16) & 0x1F) << 6) | (data[two + 1] & 0x3F)
    folded = _FOLD_2[code]
    data[two] = 0xC0 | (folded >> 6)
    data[two + 1] = 0x80 | (folded & 0x3F)
    lead_bytes = data[leads]
    for lead, (low, high, length) in _PUNCTUATION_LEADS.items():
        starts = leads[lead_bytes == lead]
        starts = starts[starts + length <= len(data)]
        second = data[starts + 1]
        starts = starts[(second >= low) & (second <= high)]
        for offset in range(length):
            word[starts + offset] = False
    boms = leads[lead_bytes == _BOM[0]]
    boms = boms[boms + 3 <= len(data)]
    boms = boms[(data[boms + 1] == _BOM[1]) & (data[boms + 2] == _BOM[2])]
    for offset in range(3):
        word[boms + offset] = False
    return data, word


def _word_hashes(buffer: bytes) -> tuple[NDArray[np.uint64], NDArray[np.intp]]:
    """64-bit hashes of the words in ``buffer`` and the byte offset where each starts.

    ``buffer`` must begin and end with a separator, so that word starts and ends
    alternate among the positions where the word mask changes.
    """
    data, word = _normalise_bytes(buffer)
    edges = np.flatnonzero(word[1:] != word[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    if not len(starts):
        return np.empty(0, dtype=U64), starts
    forward, inverse = _POWERS.get(len(data))
    with np.errstate(over="ignore"):
        weighted = data.astype(U64)
        weighted += U64(1)
        weighted *= forward
        prefix = np.empty(len(data) + 1, dtype=U64)
        prefix[0] = 0
        np.cumsum(weighted, dtype=U64, out=prefix[1:])
        raw_hashes = prefix[ends] - prefix[starts]
        raw_hashes *= inverse[starts]
    return fmix64(raw_hashes), starts


def _combine(words: NDArray[np.uint64], width: int) -> NDArray[np.uint64]:
    """One hash per window of ``width`` consecutive words (``len(words) - width + 1``)."""
    count = len(words) - width + 1
    with np.errstate(over="ignore"):
        total = words[:count] * _WORD_MULTIPLIERS[0]
        for j in range(1, width):
            total += words[j : j + count] * _WORD_MULTIPLIERS[j]
    return fmix64(total)


def _encode(texts: Sequence[str]) -> tuple[bytes, NDArray[np.intp]]:
    """The UTF-8 of all texts between single spaces (one before the first), and where
    each starts; the last offset is the length."""
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter((len(e) + 1 for e in encoded), dtype=np.intp, count=len(encoded))
    offsets = np.ones(len(texts) + 1, dtype=np.intp)
    np.cumsum(lengths, out=offsets[1:])
    offsets[1:] += 1
    return b" " + b" ".join(encoded) + b" ", offsets


def batch_shingles(
    texts: Sequence[str], width: int = 5
) -> tuple[NDArray[np.uint64], NDArray[np.intp]]:
    """The shingle hashes of every text, concatenated, and each text's slice of them.

    Text ``i`` owns ``hashes[bounds[i]:bounds[i + 1]]``; it may hold repeats. A text of
    1 to ``width - 1`` words has one shingle of all its words.
    """
    if width < 1 or width > len(_WORD_MULTIPLIERS):
        raise ConfigError(f"shingle width must be 1..{len(_WORD_MULTIPLIERS)}, not {width}")
    data, offsets = _encode(texts)
    words, starts = _word_hashes(data)
    word_bounds = np.searchsorted(starts, offsets)  # text i has words word_bounds[i]:[i+1]
    counts = np.diff(word_bounds)
    windows = _combine(words, width) if len(words) >= width else np.empty(0, dtype=U64)
    inside = np.ones(len(windows), dtype=bool)
    for back in range(1, width):  # windows that start before a text boundary cross it
        crossing = word_bounds[1:-1] - back
        inside[crossing[(crossing >= 0) & (crossing < len(windows))]] = False
    hashes = windows[inside]
    per_text = np.maximum(counts - width + 1, 0)
    short = np.flatnonzero((counts > 0) & (counts < width))
    if len(short):
        bounds = np.concatenate(([0], np.cumsum(per_text)))
        extra = [
            _combine(words[word_bounds[i] : word_bounds[i + 1]], int(counts[i])) for i in short
        ]
        hashes = np.insert(hashes, bounds[short], np.concatenate(extra))
        per_text[short] = 1
    bounds = np.zeros(len(texts) + 1, dtype=np.intp)
    np.cumsum(per_text, out=bounds[1:])
    return hashes, bounds


class MinHasher:
    """Computes MinHash signatures; the same ``num_perm``/``seed`` give the same values."""

    def __init__(self, num_perm: int = 128, *, shingle_words: int = 5, seed: int = 1) -> None:
        if num_perm < 1:
            raise ConfigError(f"num_perm must be at least 1, not {num_perm}")
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.seed = seed
        rng = np.random.default_rng(seed)
        self.a = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(U32) | U32(1)
        self.b = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(U32)

    def signatures(self, texts: Sequence[str]) -> NDArray[np.uint32]:
        """A ``(len(texts), num_perm)`` uint32 array; empty texts' rows are ``EMPTY_VALUE``."""
        result = np.full((len(texts), self.num_perm), EMPTY_VALUE, dtype=U32)
        for lo, hi in _byte_batches(texts):
            hashes, bounds = batch_shingles(texts[lo:hi], self.shingle_words)
            result[lo:hi] = self._reduce(hashes, bounds)
        return result

    def signature(self, text: str) -> NDArray[np.uint32]:
        """The signature of one text."""
        return self.signatures([text])[0]

    def shingle_set(self, text: str) -> NDArray[np.uint64]:
        """The sorted distinct 64-bit shingle hashes of ``text`` (for exact Jaccard)."""
        return self.shingle_sets([text])[0]

    def shingle_sets(self, texts: Sequence[str]) -> list[NDArray[np.uint64]]:
        """``shingle_set`` of each text, hashed in batches."""
        sets: list[NDArray[np.uint64]] = []
        for lo, hi in _byte_batches(texts):
            hashes, bounds = batch_shingles(texts[lo:hi], self.shingle_words)
            sets.extend(
                np.unique(hashes[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)
            )
        return sets

    def _reduce(self, hashes: NDArray[np.uint64], bounds: NDArray[np.intp]) -> NDArray[np.uint32]:
        n = len(bounds) - 1
        out = np.full((n, self.num_perm), EMPTY_VALUE, dtype=U32)
        nonempty = np.flatnonzero(bounds[1:] > bounds[:-1])
        if not len(nonempty):
            return out
        keys = (hashes >> _SHIFT_32).astype(U32)
        starts = bounds[nonempty]
        mins = np.empty((self.num_perm, len(nonempty)), dtype=U32)
        # (permutations, shingles) blocks: each text's minimum runs over contiguous memory,
        # and a block of _PERM_BLOCK permutations stays in the CPU cache
        for lo in range(0, self.num_perm, _PERM_BLOCK):
            a, b = self.a[lo : lo + _PERM_BLOCK], self.b[lo : lo + _PERM_BLOCK]
            products = np.multiply.outer(a, keys)
            products += b[:, None]
            mins[lo : lo + _PERM_BLOCK] = np.minimum.reduceat(products, starts, axis=1)
        out[nonempty] = mins.T
        return out


def _byte_batches(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Index ranges of ``texts`` holding about ``_BATCH_BYTES`` characters each."""
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths)
    ranges: list[tuple[int, int]] = []
    start = 0
    while start < len(texts):
        base = ends[start - 1] if start else 0
        stop = int(np.searchsorted(ends, base + _BATCH_BYTES, side="left")) + 1
        stop = min(max(stop, start + 1), len(texts))
        ranges.append((start, stop))
        start = stop
    return ranges


def estimate_jaccard(sig_a: NDArray[np.uint32], sig_b: NDArray[np.uint32]) -> float:
    """The fraction of equal signature values: an unbiased estimate of Jaccard similarity.

    Two empty texts (all ``EMPTY_VALUE``) estimate 0: nothing is shared.
    """
    if bool(np.all(sig_a == EMPTY_VALUE)) or bool(np.all(sig_b == EMPTY_VALUE)):
        return 0.0
    return float(np.mean(sig_a == sig_b))


def exact_jaccard(set_a: NDArray[np.uint64], set_b: NDArray[np.uint64]) -> float:
    """Jaccard similarity of two sorted distinct shingle arrays (0 when both are empty)."""
    union = len(set_a) + len(set_b)
    if union == 0:
        return 0.0
    shared = len(np.intersect1d(set_a, set_b, assume_unique=True))
    return shared / (union - shared)


@dataclass(frozen=True, slots=True)
class LSHParams:
    """``bands`` bands of ``rows`` signature values (``bands * rows <= num_perm``)."""

    bands: int
    rows: int

    def probability(self, jaccard: float) -> float:
        """The chance that two texts with this Jaccard similarity become candidates."""
        return float(1.0 - (1.0 - jaccard**self.rows) ** self.bands)


def choose_lsh_params(threshold: float, num_perm: int, *, recall: float = 0.99) -> LSHParams:
    """The most selective banding that still finds a pair at ``threshold`` with ``recall``.

    Candidates are verified afterwards, so the cost of a lower S-curve is only
    verification time; missing true pairs cannot be undone.
    """
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], not {threshold}")
    best = LSHParams(num_perm, 1)
    for rows in range(1, num_perm + 1):
        params = LSHParams(num_perm // rows, rows)
        if params.probability(threshold) >= recall:
            best = params
    return best


def _band_multipliers(count: int) -> NDArray[np.uint64]:
    """Fixed odd 64-bit multipliers, one per row of a band."""
    rng = np.random.default_rng(0x5EED_1234)
    return rng.integers(0, 1 << 64, size=count, dtype=U64, endpoint=False) | U64(1)


def band_keys(signatures: NDArray[np.uint32], params: LSHParams) -> NDArray[np.uint64]:
    """A ``(n, bands)`` array: one 64-bit key per band of each signature."""
    n, num_perm = signatures.shape
    if params.bands * params.rows > num_perm:
        raise ConfigError(f"{params.bands} x {params.rows} bands need {num_perm}+ permutations")
    multipliers = _band_multipliers(params.rows)
    keys = np.zeros((n, params.bands), dtype=U64)
    width = params.bands * params.rows
    with np.errstate(over="ignore"):
        for j in range(params.rows):
            keys += signatures[:, j : width : params.rows] * multipliers[j]
    return fmix64(keys)


def _bucket_pairs(
    order: NDArray[np.intp], sorted_keys: NDArray[np.uint64], max_bucket: int
) -> NDArray[np.intp]:
    """All pairs inside each run of equal keys; a run above ``max_bucket`` is chained instead.

    Chaining (each member with the next one) keeps a huge bucket of identical texts
    connected for grouping without producing its quadratic number of pairs.
    """
    change = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
    run_starts = np.concatenate(([0], change))
    run_ends = np.concatenate((change, [len(sorted_keys)]))
    sizes = run_ends - run_starts
    big = sizes > max_bucket
    chained = [
        np.stack((order[s : e - 1], order[s + 1 : e]), axis=1)
        for s, e in zip(run_starts[big], run_ends[big], strict=True)
    ]
    # every position p of a small run pairs with each later position of its run
    run_end_of = np.repeat(run_ends, sizes)
    small_of = np.repeat((sizes >= 2) & ~big, sizes)
    positions = np.flatnonzero(small_of & (np.arange(len(order)) < run_end_of - 1))
    counts = run_end_of[positions] - positions - 1
    left = np.repeat(positions, counts)
    block_start = np.repeat(np.cumsum(counts) - counts, counts)
    right = np.repeat(positions + 1, counts) + (np.arange(len(left)) - block_start)
    pairs = np.stack((order[left], order[right]), axis=1)
    return np.concatenate([pairs, *chained]) if chained else pairs


def candidate_pairs(
    signatures: NDArray[np.uint32], params: LSHParams, *, max_bucket: int = 500
) -> NDArray[np.intp]:
    """Distinct row pairs ``(i, j)``, ``i < j``, that share at least one LSH band.

    Texts with no shingles never pair.
    """
    n = len(signatures)
    if n < 2:
        return np.empty((0, 2), dtype=np.intp)
    keys = band_keys(signatures, params)
    live = np.flatnonzero(~np.all(signatures == EMPTY_VALUE, axis=1))
    codes: list[NDArray[np.uint64]] = []
    for band in range(params.bands):
        column = keys[live, band]
        order = np.argsort(column, kind="stable")
        pairs = _bucket_pairs(live[order], column[order], max_bucket)
        if len(pairs):
            low = np.minimum(pairs[:, 0], pairs[:, 1]).astype(U64)
            high = np.maximum(pairs[:, 0], pairs[:, 1]).astype(U64)
            codes.append(low * U64(n) + high)
    if not codes:
        return np.empty((0, 2), dtype=np.intp)
    unique = np.unique(np.concatenate(codes))
    return np.stack(((unique // U64(n)).astype(np.intp), (unique % U64(n)).astype(np.intp)), 1)


def pair_similarity(
    signatures: NDArray[np.uint32], pairs: NDArray[np.intp], *, chunk: int = 65_536
) -> NDArray[np.float64]:
    """The Jaccard estimate of every pair of rows, in chunks to bound memory."""
    out = np.empty(len(pairs), dtype=np.float64)
    for lo in range(0, len(pairs), chunk):
        part = pairs[lo : lo + chunk]
        equal = signatures[part[:, 0]] == signatures[part[:, 1]]
        out[lo : lo + chunk] = equal.mean(axis=1)
    return out


def similar_pairs(
    signatures: NDArray[np.uint32],
    *,
    threshold: float = 0.8,
    params: LSHParams | None = None,
    margin: float = 0.0,
) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Candidate pairs whose Jaccard estimate is at least ``threshold - margin``.

    A ``margin`` of about two standard errors (0.07 for 128 permutations at 0.8) keeps
    pairs whose true similarity is just above the threshold; an exact check can then
    remove the ones below it.
    """
    params = params or choose_lsh_params(threshold, signatures.shape[1])
    pairs = candidate_pairs(signatures, params)
    similarity = pair_similarity(signatures, pairs)
    keep = similarity >= threshold - margin - 1e-12
    return pairs[keep], similarity[keep]


__all__ = [
    "EMPTY_VALUE",
    "LSHParams",
    "MinHasher",
    "band_keys",
    "batch_shingles",
    "candidate_pairs",
    "choose_lsh_params",
    "estimate_jaccard",
    "exact_jaccard",
    "fmix64",
    "pair_similarity",
    "similar_pairs",
]
