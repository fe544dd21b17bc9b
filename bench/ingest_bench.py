"""Ingest throughput with ``-j 1`` and ``-j 2``, and memory of the whole process tree.

    .venv/bin/python bench/ingest_bench.py [--articles 371] [--jobs 1 2] [--out PATH]

Input: the PTC training articles (``../shared/data/ptc/train-articles``, real news and
propaganda articles, 371 of them, 344k words), copied as .txt files into a temporary
folder. For each ``-j`` value, ``newsint ingest FOLDER --db NEW.db -j J --quiet`` runs in a
new process on a new database (so the pipeline's load time is included, as a user sees
it); the resident memory of the process and all its children (``/proc``, VmRSS) is
sampled every 0.25 s. Reported: seconds, articles/s, the speed-up over the first ``-j``,
peak tree RSS, and the peak tree RSS in each quarter of the run (flat means bounded: memory
does not grow with the number of articles). Run it on a quiet machine: the ratio needs
both cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PTC = ROOT.parent / "shared" / "data" / "ptc" / "train-articles"
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and every descendant (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            resident = int((Path("/proc") / str(current) / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += resident * PAGE
        todo.extend(children.get(current, ()))
    return total


def run_ingest(folder: Path, db: Path, jobs: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "newsint", "ingest", str(folder), "--db", str(db),
               "-j", str(jobs), "--quiet"]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        samples.append((time.perf_counter() - started, tree_rss_bytes(proc.pid)))
        time.sleep(0.25)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"ingest -j {jobs} failed: {stderr}")
    peak = max((rss for _, rss in samples), default=0)
    quarters = []
    for q in (0.25, 0.5, 0.75, 1.0):
        inside = [rss for t, rss in samples if (q - 0.25) * seconds <= t < q * seconds]
        quarters.append(round(max(inside) / 2**20) if inside else None)
    return {"seconds": round(seconds, 1), "peak_tree_rss_mb": round(peak / 2**20),
            "tree_rss_mb_at_quarters": quarters}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=371)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()
    if not PTC.is_dir():
        raise SystemExit(f"{PTC}: the PTC articles are needed (../shared/data/ptc)")
    files = sorted(PTC.glob("article*.txt"))[: args.articles]
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    load_before = os.getloadavg()[0]
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
        for jobs in args.jobs:
            result = run_ingest(folder, Path(tmp) / f"j{jobs}.db", jobs)
            result["articles_per_s"] = round(len(files) / result["seconds"], 2)
            runs[str(jobs)] = result
            print(f"-j {jobs}: {result}", file=sys.stderr)
    first = runs[str(args.jobs[0])]["articles_per_s"]
    for result in runs.values():
        result["speedup"] = round(result["articles_per_s"] / first, 2)
    report = {
        "what": "newsint ingest FOLDER --db NEW.db -j J (new process each, model load included)",
        "command": "python bench/ingest_bench.py " + " ".join(sys.argv[1:]),
        "data": f"{len(files)} PTC training articles, {words:,} words",
        "runs": runs,
        "target": "-j 2 at least 1.7x -j 1; memory bounded",
        "load_average_1min": {"before": load_before, "after": os.getloadavg()[0]},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "date": dt.date.today().isoformat(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(runs, indent=2))


if __name__ == "__main__":
    main()
