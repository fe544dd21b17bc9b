"""Throughput of the newsint pipeline against bare en_core_web_sm, in one run.

    .venv/bin/python bench/throughput.py [--articles DIR] [--repeats 3] [--out FILE]

All variants read the same PTC training articles (../shared/data/ptc/train-articles by
default): bare ``en_core_web_sm``; newsint with the foundation components only (lines,
sections, entities, dates, quantities); and newsint with every component. Each is warmed
up, then timed ``--repeats`` times, alternating, and the best run is kept. The time of
each newsint component is measured separately by running it alone over docs that have
been through the components before it. Also measured: latency of ``analyze`` on the
reference article after the model is loaded (median of 20), the wall time from process
start to the first output of ``newsint analyze``, and the peak RSS of a process that runs
the full pipeline over all articles. Results go to bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_ARTICLES = SHARED / "data" / "ptc" / "train-articles"
REFERENCE = SHARED / "samples" / "isis-flee-to-turkey.txt"


def load_texts(folder: Path) -> list[str]:
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {folder} (the PTC data lives in ../shared/data/ptc)")
    return [f.read_text(encoding="utf-8") for f in files]


def time_bare(nlp, texts: list[str], batch_size: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_full(pipeline, articles) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for result in pipeline.run(articles):
        if not hasattr(result, "article"):
            raise SystemExit(f"analysis failed: {result}")
    return time.perf_counter() - start


FOUNDATION = (
    "newsint_lines",
    "newsint_sections",
    "newsint_entities",
    "newsint_dates",
    "newsint_quantities",
)


def time_foundation(pipeline, articles) -> float:  # type: ignore[no-untyped-def]
    later = [n for n in pipeline.nlp.pipe_names if n.startswith("newsint_") and n not in FOUNDATION]
    with pipeline.nlp.select_pipes(disable=later):
        return time_full(pipeline, articles)


def component_seconds(pipeline, articles) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds each newsint component takes over all articles, run one after another."""
    nlp = pipeline.nlp
    ours = [n for n in nlp.pipe_names if n.startswith("newsint_") and n != "newsint_lines"]
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe(pipeline._make_doc(a) for a in articles))
    seconds = {}
    for name in ours:
        proc = nlp.get_pipe(name)
        start = time.perf_counter()
        docs = [proc(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    return seconds


def cold_start_seconds() -> float | None:
    """Process start to first output of ``newsint analyze`` on the reference article."""
    if not REFERENCE.exists():
        return None
    exe = Path(sys.executable).with_name("newsint")
    start = time.perf_counter()
    with subprocess.Popen(
        [str(exe), "analyze", str(REFERENCE), "--published", "2017-09-28"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.read(1)
        elapsed = time.perf_counter() - start
        proc.stdout.read()
    return elapsed


def peak_rss_mb(folder: Path) -> float:
    """Peak RSS (VmHWM, in a fresh process) of the full pipeline over every article."""
    code = (
        "import sys, resource, newsint\n"
        "from pathlib import Path\n"
        "texts=[p.read_text(encoding='utf-8') for p in sorted(Path(sys.argv[1]).glob('*.txt'))]\n"
        "for _ in newsint.analyze_many(texts): pass\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(next(l.split()[1] for l in status.splitlines() if l.startswith('VmHWM')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder)], check=True, capture_output=True, text=True
    ).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "throughput.json")
    args = parser.parse_args()

    import spacy

    from newsint import Config, analyze
    from newsint.ingest import article_from_text
    from newsint.pipeline import Pipeline

    texts = load_texts(args.articles)
    rss_mb = peak_rss_mb(args.articles)  # first, from a small parent process
    words = sum(len(t.split()) for t in texts)
    articles = [article_from_text(t, source=str(i)) for i, t in enumerate(texts)]
    bare = spacy.load(Config().model)
    full = Pipeline.load(Config(batch_size=args.batch_size))
    time_bare(bare, texts[:20], args.batch_size)
    time_full(full, articles[:20])
    bare_times, foundation_times, full_times = [], [], []
    for _ in range(args.repeats):
        bare_times.append(time_bare(bare, texts, args.batch_size))
        foundation_times.append(time_foundation(full, articles))
        full_times.append(time_full(full, articles))
    bare_s, foundation_s, full_s = min(bare_times), min(foundation_times), min(full_times)
    components = component_seconds(full, articles)

    latency_ms = None
    if REFERENCE.exists():
        reference = REFERENCE.read_text(encoding="utf-8")
        analyze(reference, published="2017-09-28")
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            analyze(reference, published="2017-09-28")
            runs.append((time.perf_counter() - start) * 1000)
        latency_ms = statistics.median(runs)

    result = {
        "articles": len(texts),
        "words": words,
        "corpus": str(args.articles),
        "bare_en_core_web_sm": {
            "seconds": bare_s,
            "articles_per_s": len(texts) / bare_s,
            "words_per_s": words / bare_s,
        },
        "newsint_full": {
            "seconds": full_s,
            "articles_per_s": len(texts) / full_s,
            "words_per_s": words / full_s,
        },
        "newsint_foundation": {
            "seconds": foundation_s,
            "articles_per_s": len(texts) / foundation_s,
            "words_per_s": words / foundation_s,
        },
        "ratio_foundation_to_bare": bare_s / foundation_s,
        "ratio_full_to_bare": bare_s / full_s,
        "component_seconds": components,
        "component_share_of_foundation_time": {
            name: seconds / foundation_s for name, seconds in components.items()
        },
        "pipeline_components": full.nlp.pipe_names,
        "reference_article_latency_ms": latency_ms,
        "cold_start_to_first_output_s": cold_start_seconds(),
        "peak_rss_mb_full_pipeline": rss_mb,
        "machine": {
            "python": platform.python_version(),
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
        },
        "command": "python bench/throughput.py " + " ".join(sys.argv[1:]),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
