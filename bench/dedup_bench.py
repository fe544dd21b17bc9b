"""Near-duplicate detection: newsint's NumPy MinHash/LSH against datasketch MinHashLSH.

    .venv/bin/python bench/dedup_bench.py [--copies 8] [--large 100000] [--repeats 3]
        [--skip-large] [--large-datasketch] [--stories] [--out bench/results/dedup.json]

1. **Comparison corpus**: the PTC train + dev articles (../shared/data/ptc) and, for each,
   up to ``2 * --copies`` synthetic near-copies (a quarter verbatim, the rest with
   random word substitutions, deletions and insertions at 0.2-4 %; some truncated to
   80-100 %, some with boilerplate lines before or after; copies of copies), so that
   true Jaccard similarities spread over 0.5-1.0 with many pairs on both sides of 0.8.
   Ground truth: the exact Jaccard of every pair of texts (sparse doc x shingle
   product) on a reference tokenisation (``casefold`` + ``[^\\W_]+`` words, 5-word
   shingles) that both systems approximate. Both run text -> signatures -> LSH ->
   pairs, timed alternately; the best of ``--repeats`` runs is kept, in wall seconds
   and in CPU seconds of this process (steadier on a shared machine, where other
   processes take turns on the cores). datasketch: ``MinHashLSH(threshold=0.8,
   num_perm=128)`` fed 5-word shingles of the reference tokenisation; its pairs are
   its LSH candidates (it does not verify). newsint: ``choose_lsh_params`` banding,
   candidates kept when their Jaccard estimate is >= 0.8 (and a variant with a
   2-sigma margin plus the exact check). Band settings 16x8, 21x6, 32x4 are also run.
2. **Large corpus** (``--large`` documents): 70 % distinct texts made of random PTC
   sentences, 30 % perturbed copies of them; timed end to end through
   ``find_duplicates`` (text -> groups). Recall is measured on the planted copy pairs
   whose exact Jaccard (newsint shingles) is >= 0.8.
3. ``--stories``: lede-embedding similarities that justify the story threshold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PTC = ROOT.parent / "shared" / "data" / "ptc"
THRESHOLD = 0.8
NUM_PERM = 128
WORD = re.compile(r"[^\W_]+")
BOILERPLATE = [
    "This article was originally published by our partners and is republished with permission.",
    "Subscribe to our newsletter to receive the latest news and analysis straight to your inbox.",
    "The views expressed in this article are the author's own and do not necessarily reflect "
    "the editorial policy of this outlet.",
    "Share this story on Facebook, Twitter and Telegram. Follow us for more updates.",
    "Support independent journalism: donate today and help us keep reporting the truth.",
    "Copyright all rights reserved. Reproduction without permission is prohibited.",
]


# --- corpus ------------------------------------------------------------------------------


def load_ptc(folder: Path) -> list[str]:
    files = sorted((folder / "train-articles").glob("*.txt")) + sorted(
        (folder / "dev-articles").glob("*.txt")
    )
    if not files:
        sys.exit(f"no PTC articles under {folder} (the data lives in ../shared/data/ptc)")
    return [f.read_text(encoding="utf-8") for f in files]


def perturb(text: str, rng: random.Random, vocabulary: Sequence[str]) -> str:
    """A near-copy: word edits, maybe truncated, maybe with boilerplate around it."""
    words = text.split()
    rate = 0.0 if rng.random() < 0.25 else rng.uniform(0.002, 0.04)
    for _ in range(int(len(words) * rate)):
        position = rng.randrange(max(len(words), 1))
        operation = rng.random()
        if operation < 0.4 and words:
            words[position] = rng.choice(vocabulary)
        elif operation < 0.7 and len(words) > 1:
            del words[position]
        else:
            words.insert(position, rng.choice(vocabulary))
    if rng.random() < 0.3:
        keep = int(len(words) * rng.uniform(0.8, 1.0))
        words = words[:keep] if rng.random() < 0.7 else words[len(words) - keep :]
    result = " ".join(words)
    if rng.random() < 0.4:
        before = " ".join(rng.sample(BOILERPLATE, rng.randint(1, 2)))
        result = f"{before}\n\n{result}" if rng.random() < 0.5 else f"{result}\n\n{before}"
    return result


def comparison_corpus(originals: Sequence[str], copies: int, seed: int) -> list[str]:
    """Originals and their copies (some copies of copies), shuffled with a fixed seed."""
    rng = random.Random(seed)
    vocabulary = [w for text in originals[:50] for w in text.split()]
    texts = list(originals)
    for original in originals:
        family = [original]
        for _ in range(rng.randint(0, 2 * copies)):
            family.append(perturb(rng.choice(family), rng, vocabulary))
        texts.extend(family[1:])
    rng.shuffle(texts)
    return texts


def large_corpus(originals: Sequence[str], size: int, seed: int) -> tuple[list[str], list[int]]:
    """``size`` texts: 70 % of random PTC sentences, 30 % copies; ``parent[i]`` or -1."""
    rng = random.Random(seed)
    sentences = [s for text in originals for s in text.splitlines() if len(s.split()) >= 5]
    vocabulary = [w for s in sentences[:5000] for w in s.split()]
    bases = int(size * 0.7)
    texts = [" ".join(rng.choices(sentences, k=rng.randint(8, 60))) for _ in range(bases)]
    parents = [-1] * bases
    while len(texts) < size:
        parent = rng.randrange(bases)
        texts.append(perturb(texts[parent], rng, vocabulary))
        parents.append(parent)
    return texts, parents


# --- ground truth --------------------------------------------------------------------------


def reference_shingles(text: str) -> set[str]:
    words = WORD.findall(text.casefold())
    if len(words) < 5:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}


def exact_pairs(shingles: Sequence[set[str]]) -> dict[tuple[int, int], float]:
    """Exact Jaccard of every pair of texts that share a shingle (sparse product)."""
    from scipy.sparse import csr_matrix, triu

    ids: dict[str, int] = {}
    rows, cols = [], []
    for row, items in enumerate(shingles):
        for item in items:
            rows.append(row)
            cols.append(ids.setdefault(item, len(ids)))
    data = np.ones(len(rows), dtype=np.int32)
    matrix = csr_matrix((data, (rows, cols)), shape=(len(shingles), len(ids)))
    shared = triu(matrix @ matrix.T, k=1).tocoo()
    sizes = np.array([len(s) for s in shingles], dtype=np.float64)
    jaccard = shared.data / (sizes[shared.row] + sizes[shared.col] - shared.data)
    return {
        (int(a), int(b)): float(j) for a, b, j in zip(shared.row, shared.col, jaccard, strict=True)
    }


def score(found: set[tuple[int, int]], truth: dict[tuple[int, int], float]) -> dict[str, float]:
    """Recall of true pairs (J >= 0.8), precision, and recall by similarity band."""
    positives = {p for p, j in truth.items() if j >= THRESHOLD}
    hits = len(found & positives)
    bands = {}
    for low, high in ((0.8, 0.85), (0.85, 0.9), (0.9, 0.95), (0.95, 1.01)):
        band = {p for p in positives if low <= truth[p] < high}
        bands[f"{low:.2f}-{min(high, 1.0):.2f}"] = len(found & band) / len(band) if band else None
    return {
        "true_pairs": len(positives),
        "reported_pairs": len(found),
        "recall": hits / len(positives) if positives else 1.0,
        "precision": hits / len(found) if found else 1.0,
        "recall_by_jaccard": bands,  # type: ignore[dict-item]
    }


# --- the two systems -----------------------------------------------------------------------


def run_datasketch(texts: Sequence[str]) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    hashes = []
    for i, text in enumerate(texts):
        minhash = MinHash(num_perm=NUM_PERM)
        minhash.update_batch([s.encode("utf-8") for s in reference_shingles(text)])
        lsh.insert(i, minhash)
        hashes.append(minhash)
    pairs = set()
    for i, minhash in enumerate(hashes):
        for j in lsh.query(minhash):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def run_newsint(
    texts: Sequence[str], bands: tuple[int, int] | None = None, exact: bool = False
) -> set[tuple[int, int]]:
    from newsint.corpus.minhash import LSHParams, MinHasher, exact_jaccard, similar_pairs

    hasher = MinHasher(NUM_PERM)
    signatures = hasher.signatures(texts)
    params = LSHParams(*bands) if bands else None
    margin = 2 * (THRESHOLD * (1 - THRESHOLD) / NUM_PERM) ** 0.5 if exact else 0.0
    pairs, _ = similar_pairs(signatures, threshold=THRESHOLD, params=params, margin=margin)
    found = {(int(a), int(b)) for a, b in pairs}
    if exact:
        needed = sorted({i for pair in found for i in pair})
        sets = dict(zip(needed, hasher.shingle_sets([texts[i] for i in needed]), strict=True))
        found = {(a, b) for a, b in found if exact_jaccard(sets[a], sets[b]) >= THRESHOLD}
    return found


def timed(function: Callable[[], Any]) -> tuple[dict[str, float], Any]:
    """Wall and CPU seconds of one call. On a shared machine CPU time is the steadier
    measure: it does not count the time other processes held the core."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}, result


def _rates(times: list[dict[str, float]], documents: int) -> dict[str, float]:
    """Best-of-runs seconds and the documents per second (wall and CPU) they give."""
    wall = min(t["seconds"] for t in times)
    cpu = min(t["cpu_seconds"] for t in times)
    return {"seconds": wall, "cpu_seconds": cpu, "docs_per_s": documents / wall,
            "docs_per_cpu_s": documents / cpu}  # fmt: skip


def compare(texts: Sequence[str], repeats: int) -> dict[str, Any]:
    """Throughput and recall of both systems on the same texts, timed alternately."""
    truth = exact_pairs([reference_shingles(t) for t in texts])
    ours_times, theirs_times = [], []
    ours = theirs = set()
    run_newsint(texts[:50])  # warm-up: imports, powers table
    for _ in range(repeats):
        times, ours = timed(lambda: run_newsint(texts))
        ours_times.append(times)
        times, theirs = timed(lambda: run_datasketch(texts))
        theirs_times.append(times)
    n = len(texts)
    result: dict[str, Any] = {
        "documents": n,
        "newsint": {**_rates(ours_times, n), **score(ours, truth)},
        "datasketch": {**_rates(theirs_times, n), **score(theirs, truth)},
    }
    for unit in ("docs_per_s", "docs_per_cpu_s"):
        speedup = result["newsint"][unit] / result["datasketch"][unit]
        result["speedup" if unit == "docs_per_s" else "speedup_cpu"] = speedup
    times, exact = timed(lambda: run_newsint(texts, exact=True))
    result["newsint_exact_check"] = {**_rates([times], n), **score(exact, truth)}
    for bands in ((16, 8), (21, 6), (32, 4)):
        times, found = timed(lambda b=bands: run_newsint(texts, b))  # type: ignore[misc]
        result[f"newsint_{bands[0]}x{bands[1]}"] = {**_rates([times], n), **score(found, truth)}
    return result


# --- large corpus ----------------------------------------------------------------------------


def large_run(
    originals: Sequence[str], size: int, seed: int, with_datasketch: bool
) -> dict[str, Any]:
    from newsint.corpus import find_duplicates
    from newsint.corpus.minhash import MinHasher, exact_jaccard
    from newsint.model import Article

    texts, parents = large_corpus(originals, size, seed)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    times, result = timed(lambda: find_duplicates(articles, threshold=THRESHOLD, num_perm=NUM_PERM))
    found = {(min(p.left, p.right), max(p.left, p.right)) for p in result.pairs}
    hasher = MinHasher(NUM_PERM)
    planted = {(min(i, p), max(i, p)) for i, p in enumerate(parents) if p >= 0}
    planted |= _sibling_pairs(parents)
    sets: dict[int, Any] = {}
    truth = {}
    for a, b in planted | found:
        for i in (a, b):
            if i not in sets:
                sets[i] = hasher.shingle_set(texts[i])
        truth[(a, b)] = exact_jaccard(sets[a], sets[b])
    out: dict[str, Any] = {
        "documents": size,
        "words": words,
        **_rates([times], size),
        "groups": len(result.groups),
        **score(found, truth),
        "truth": "planted copy/sibling pairs and reported pairs, exact Jaccard on newsint shingles",
    }
    if with_datasketch:
        times, theirs = timed(lambda: run_datasketch(texts))
        out["datasketch"] = {**_rates([times], size), **score(theirs, truth)}
    return out


def _sibling_pairs(parents: Sequence[int]) -> set[tuple[int, int]]:
    children: dict[int, list[int]] = {}
    for i, parent in enumerate(parents):
        if parent >= 0:
            children.setdefault(parent, []).append(i)
    return {(a, b) for kids in children.values() for a in kids for b in kids if a < b}


# --- story threshold -------------------------------------------------------------------------


def stories_report(originals: Sequence[str], seed: int) -> dict[str, Any]:
    """Lede similarity of copies vs distinct articles, and clustering outcomes by threshold."""
    from newsint.corpus.stories import lede, wordllama_embedder
    from newsint.model import Article

    rng = random.Random(seed)
    vocabulary = [w for text in originals[:50] for w in text.split()]
    articles = [Article(id=f"o{i}", text=t) for i, t in enumerate(originals)]
    copies = [
        Article(id=f"c{i}_{k}", text=perturb(t, rng, vocabulary))
        for i, t in enumerate(originals)
        for k in range(2)
    ]
    everything = [*articles, *copies]
    embed = wordllama_embedder()
    base = embed([lede(a) for a in articles])
    copy_vectors = embed([lede(a) for a in copies])
    copy_similarity = np.einsum("ij,ij->i", copy_vectors, np.repeat(base, 2, axis=0))
    pairwise = base @ base.T
    upper = np.triu_indices(len(base), k=1)
    return {
        "copy_lede_similarity": _quantiles(copy_similarity),
        "distinct_lede_similarity": _quantiles(pairwise[upper]),
        "by_threshold": _threshold_grid(everything, embed, pairwise[upper]),
        "pair_samples": _pair_samples(originals, pairwise, upper, rng),
    }


def _threshold_grid(
    everything: Sequence[Any], embed: Callable[..., Any], distinct: np.ndarray
) -> dict[str, dict[str, float]]:
    """Clustering outcomes at each candidate threshold, with and without duplicate groups."""
    from newsint.corpus import cluster_stories, find_duplicates

    groups = find_duplicates(everything).groups
    grid = {}
    for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        plain = cluster_stories(
            everything, threshold=threshold, embedder=embed, duplicate_groups=()
        )
        joined = cluster_stories(
            everything, threshold=threshold, embedder=embed, duplicate_groups=groups
        )
        grid[str(threshold)] = {
            "copies_with_original": _together(plain),
            "duplicate_groups_whole_without_groups": _whole(plain, groups),
            "duplicate_groups_whole_given_groups": _whole(joined, groups),
            "originals_sharing_a_story": _shared_originals(plain),
            "distinct_pairs_above": float(np.mean(distinct >= threshold)),
        }
    return grid


def _pair_samples(
    originals: Sequence[str], pairwise: np.ndarray, upper: Any, rng: random.Random
) -> dict[str, list[str]]:
    """16 random distinct-article pairs per similarity band, by title, to judge by hand."""
    values = pairwise[upper]
    samples = {}
    for low, high in ((0.8, 1.01), (0.75, 0.8), (0.7, 0.75), (0.6, 0.7)):
        chosen = np.flatnonzero((values >= low) & (values < high)).tolist()
        picked = rng.sample(chosen, min(16, len(chosen)))
        samples[f"{low}-{min(high, 1.0)}"] = [
            f"{values[k]:.3f} | {_title(originals[a])} || {_title(originals[b])}"
            for k in picked
            for a, b in [(upper[0][k], upper[1][k])]
        ]
    return samples


def _title(text: str) -> str:
    return text.strip().splitlines()[0][:70] if text.strip() else ""


def _quantiles(values: np.ndarray) -> dict[str, float]:
    points = (0.01, 0.05, 0.5, 0.95, 0.99)
    return {f"p{int(q * 100)}": float(np.quantile(values, q)) for q in points}


def _together(stories: Sequence[Any]) -> float:
    story_of = {m.article_id: s.story_id for s in stories for m in s.members}
    copies = [aid for aid in story_of if aid.startswith("c")]
    same = sum(story_of[c] == story_of["o" + c[1:].split("_")[0]] for c in copies)
    return same / len(copies)


def _whole(stories: Sequence[Any], groups: Sequence[Any]) -> float:
    """The fraction of near-duplicate groups that lie inside one story."""
    story_of = {m.article_id: s.story_id for s in stories for m in s.members}
    whole = sum(len({story_of[a] for a in g.article_ids}) == 1 for g in groups)
    return whole / len(groups) if groups else 1.0


def _shared_originals(stories: Sequence[Any]) -> float:
    counts = [sum(m.article_id.startswith("o") for m in s.members) for s in stories]
    originals = sum(counts)
    return sum(c for c in counts if c > 1) / originals


# --- report ------------------------------------------------------------------------------------


def print_table(result: dict[str, Any]) -> None:
    comparison = result["comparison"]
    print(f"\ncomparison corpus: {comparison['documents']} documents (PTC + near-copies)")
    print(
        f"{'system':<22}{'docs/s':>8}{'docs/cpu-s':>12}{'recall':>8}{'precision':>11}{'pairs':>7}"
    )
    for name in ("newsint", "newsint_exact_check", "newsint_16x8", "newsint_21x6",
                 "newsint_32x4", "datasketch"):  # fmt: skip
        row = comparison[name]
        print(
            f"{name:<22}{row['docs_per_s']:>8.0f}{row['docs_per_cpu_s']:>12.0f}"
            f"{row['recall']:>8.3f}{row['precision']:>11.3f}{row['reported_pairs']:>7}"
        )
    print(
        f"speed-up newsint / datasketch: {comparison['speedup']:.1f}x wall, "
        f"{comparison['speedup_cpu']:.1f}x CPU"
    )
    stories = result.get("stories")
    if stories:
        print("\nstory threshold (PTC ledes): threshold, originals sharing a story, "
              "duplicate groups whole without / with grouping")  # fmt: skip
        for threshold, row in stories["by_threshold"].items():
            print(
                f"  {threshold:<6}{row['originals_sharing_a_story']:>8.3f}"
                f"{row['duplicate_groups_whole_without_groups']:>8.3f}"
                f"{row['duplicate_groups_whole_given_groups']:>8.3f}"
            )
    large = result.get("large")
    if large:
        print(
            f"\nlarge corpus: {large['documents']} documents in {large['seconds']:.1f} s "
            f"({large['cpu_seconds']:.1f} s CPU; {large['docs_per_s']:.0f} docs/s), "
            f"recall {large['recall']:.3f}, "
            f"precision {large['precision']:.3f}, {large['groups']} groups"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ptc", type=Path, default=PTC)
    parser.add_argument("--copies", type=int, default=8, help="mean near-copies per article")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--large-datasketch", action="store_true")
    parser.add_argument("--stories", action="store_true", help="also measure story thresholds")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "dedup.json")
    args = parser.parse_args()

    originals = load_ptc(args.ptc)
    texts = comparison_corpus(originals, args.copies, args.seed)
    result: dict[str, Any] = {"comparison": compare(texts, args.repeats)}
    if not args.skip_large:
        result["large"] = large_run(originals, args.large, args.seed, args.large_datasketch)
    if args.stories:
        result["stories"] = stories_report(originals, args.seed)
    result["machine"] = {
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "load_average_1min": os.getloadavg()[0],
        "platform": platform.platform(),
        "date": dt.date.today().isoformat(),
    }
    result["command"] = "python bench/dedup_bench.py " + " ".join(sys.argv[1:])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)


if __name__ == "__main__":
    main()
