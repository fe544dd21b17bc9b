"""Load test of the web workbench on a 100,000-article corpus, over loopback only.

    .venv/bin/python bench/web_load.py [--articles 100000] [--requests 3000] [--clients 20]
        [--corpus ptc|synthetic] [--db PATH] [--reuse] [--out bench/results/web.json]

1. **Corpus** (``--corpus``), written through the store's own ``add_many``:
   ``ptc`` (the default when ../shared/data/ptc is present) reuses the generator of
   ``bench/store_bench.py``: 40 PTC articles analysed by the real pipeline, then perturbed
   copies of them with real outlet names, dates, moved places and synthesised events;
   ``synthetic`` (no shared data needed) makes news-like texts from a Zipf vocabulary with
   real Syrian, Iraqi and Turkish place names, located events, dates, techniques and labels,
   every span a real slice of its text. ``--reuse`` serves an existing ``--db`` as it is
   (for instance the store benchmark's). Databases stay in /tmp.
2. **Server**: the database file is read once (into the OS page cache, as a server in use
   has it), then the workbench (``create_app`` under uvicorn, one process) on 127.0.0.1 and a
   free port, started in a subprocess.
3. **Load**, by ``--client``: ``wrk`` (the default when the ``wrk`` binary is on PATH;
   ``apt-get install wrk``) runs each kind of page for ``--seconds`` with ``--clients``
   keep-alive connections on one thread, each request a random path of that kind's list
   (``bench/wrk_paths.lua``), and reports wrk's latency percentiles. Being C, it leaves
   the cores to the server. ``httpx``: ``--requests`` requests split evenly between article pages
   (``/articles/{id}``, random stored ids), list pages (``/articles?page=N``, pages 1-200,
   30 % with a filter) and search pages (``/articles?q=...``: one or two words drawn from
   the texts of 300 random stored articles, so common words come up as often as they occur,
   or a stored place name), shuffled, sent by ``--clients`` concurrent asyncio + httpx
   clients on one keep-alive pool; it stops when all are answered. 60 warm-up requests are
   not counted. Reported per kind: p50/p95/p99/max latency in ms, and errors.

The target is p95 < 200 ms for each kind on a 100,000-article corpus. The load generator
runs on the same machine as the server (they share its cores). Only loopback addresses
are ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
WRK_SCRIPT = ROOT / "bench" / "wrk_paths.lua"
sys.path.insert(0, str(ROOT / "src"))

from newsint.ingest.ids import article_id  # noqa: E402
from newsint.model import (  # noqa: E402
    Analysis,
    Article,
    DateMention,
    Entity,
    Event,
    PipelineInfo,
    Place,
    Reliability,
    Signal,
    Technique,
)
from newsint.store import open_store  # noqa: E402

LOOPBACK = "127.0.0.1"
WORD = re.compile(r"[^\W\d_]+")
SEED = 7
INFO = PipelineInfo("bench", "synthetic", ("bench",))
PLACES = (
    ("Aleppo", 36.20124, 37.16117, "SY"), ("Raqqa", 35.95283, 39.00788, "SY"),
    ("Idlib", 35.93062, 36.63393, "SY"), ("Deir ez-Zor", 35.33588, 40.14084, "SY"),
    ("Al Hasakah", 36.50237, 40.74772, "SY"), ("Homs", 34.72682, 36.72339, "SY"),
    ("Damascus", 33.5102, 36.29128, "SY"), ("Qamishli", 37.05215, 41.23142, "SY"),
    ("Mosul", 36.335, 43.11889, "IQ"), ("Baghdad", 33.34058, 44.40088, "IQ"),
    ("Al Qaim", 34.39251, 40.98945, "IQ"), ("Kirkuk", 35.46806, 44.39222, "IQ"),
    ("Gaziantep", 37.05944, 37.3825, "TR"), ("Kilis", 36.71611, 37.115, "TR"),
    ("Akcakale", 36.71111, 38.9475, "TR"), ("Sanliurfa", 37.16708, 38.79392, "TR"),
    ("Ankara", 39.91987, 32.85427, "TR"), ("Istanbul", 41.01384, 28.94966, "TR"),
    ("Beirut", 33.89332, 35.50157, "LB"), ("Amman", 31.95522, 35.94503, "JO"),
)  # fmt: skip
EVENT_TYPES = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "SEIZE", "ACCUSE", "CONSULT")
TECHNIQUES = ("Loaded_Language", "Doubt", "Name_Calling,Labeling", "Flag-Waving", "Exaggeration")
ACTORS = ("militants", "government forces", "rebels", "officials", "protesters", "police")
VERBS = ("attacked", "shelled", "surrounded", "entered", "left", "reached", "crossed")
SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ne", "sa", "vo", "di", "pe", "qu", "zi", "ba", "ho")


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Writer:
    """Builds one text piece by piece and remembers where each piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synthetic_analysis(
    i: int, rng: random.Random, words: list[str], weights: list[float]
) -> Analysis:
    """One article: filler sentences with located events, dates and a technique."""
    out = Writer()
    places: list[Place] = []
    events: list[Event] = []
    dates: list[DateMention] = []
    entities: list[Entity] = []
    published = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    title = " ".join(rng.choices(words, weights, k=rng.randint(4, 9))).capitalize()
    out.add(f"{title}\n\n")
    for sentence in range(rng.randint(8, 20)):
        out.add(" ".join(rng.choices(words, weights, k=rng.randint(8, 18))).capitalize() + " ")
        if sentence % 3 == 0 and len(places) < 6:
            name, lat, lon, country = rng.choice(PLACES)
            actor = rng.choice(ACTORS)
            day = published - dt.timedelta(days=rng.randrange(4))
            a_start, a_end = out.add(actor)
            out.add(f" {rng.choice(VERBS)} ")
            p_start, p_end = out.add(name)
            out.add(" on ")
            d_start, d_end = out.add(day.strftime("%d %B %Y"))
            out.add(". ")
            place = Place(name, p_start, p_end, name, None, lat, lon, country, "city", 0.9)
            date = DateMention(
                out.text[d_start:d_end], d_start, d_end, day.isoformat(), None, "day"
            )
            places.append(place)
            dates.append(date)
            entities.append(Entity(actor, a_start, a_end, "NORP"))
            if rng.random() < 0.5 and len(events) < 3:
                events.append(
                    Event(
                        rng.choice(EVENT_TYPES),
                        out.text[a_start:d_end],
                        a_start,
                        d_end,
                        place=place,
                        date=date,
                        confidence=0.8,
                    )  # fmt: skip
                )
    text = out.text
    techniques = ()
    if rng.random() < 0.4:
        start = text.index(" ", len(title) + 5) + 1
        end = text.index(" ", start + 3)
        techniques = (Technique(rng.choice(TECHNIQUES), text[start:end], start, end, 0.7),)
    label = rng.choices(("low", "mixed", "high"), (0.3, 0.4, 0.3))[0]
    score = {"low": 0.2, "mixed": 0.5, "high": 0.85}[label]
    reliability = Reliability(score, label, (Signal("outlet_reputation", score, 1.0),))  # type: ignore[arg-type]
    outlet = f"Outlet {rng.randrange(300):03d}"
    article = Article(article_id(text), text, title, f"https://outlet{outlet[-3:]}.example/{i}",
                      outlet, None, published, "en", f"bench:{i}")  # fmt: skip
    return Analysis(article, INFO, entities=tuple(entities), dates=tuple(dates),
                    places=tuple(places), events=tuple(events), techniques=techniques,
                    reliability=reliability)  # fmt: skip


def build_synthetic(path: Path, count: int) -> dict[str, Any]:
    """The synthetic corpus at ``path`` (no shared data needed)."""
    rng = random.Random(SEED)
    words = vocabulary(rng)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    started = time.perf_counter()
    with open_store(path) as store:
        batch: list[tuple[Analysis, list[str]]] = []
        for i in range(count):
            analysis = synthetic_analysis(i, rng, words, weights)
            batch.append((analysis, [analysis.article.source or ""]))
            if len(batch) == 2000:
                store.add_many(batch)
                batch = []
                print(f"  {i + 1:,} articles stored", file=sys.stderr, end="\r")
        store.add_many(batch)
    return {"corpus": "synthetic", "seconds": round(time.perf_counter() - started, 1)}


def build_ptc(path: Path, count: int) -> dict[str, Any]:
    """The store benchmark's corpus: perturbed copies of real PTC analyses."""
    sys.path.insert(0, str(ROOT / "bench"))
    import store_bench

    texts, gold = store_bench.load_ptc()
    bases, _seconds = store_bench.real_analyses(texts, 40)
    built = store_bench.build_store(path, store_bench.Synthesiser(bases, texts, gold), count)
    return {"corpus": "ptc (bench/store_bench.py generator)", **built}


def prepare(path: Path, count: int, corpus: str, reuse: bool) -> dict[str, Any]:
    """The corpus to serve: reused as it is, or (re)built."""
    if reuse:
        if not path.exists():
            raise SystemExit(f"--reuse: {path} does not exist")
        return {"corpus": f"{corpus}, reused as it is (built earlier)", "seconds": 0.0}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_ptc(path, count) if corpus == "ptc" else build_synthetic(path, count)


def warm_page_cache(db: Path) -> None:
    """Read the database file once, so the run measures a server whose corpus is in the
    OS page cache (as after a while in use) rather than the first reads from disk."""
    with db.open("rb") as stream:
        while stream.read(16 << 20):
            pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


SERVER = (
    "import sys, uvicorn; from newsint.web import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning', server_header=False)"
)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((LOOPBACK, port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def search_terms(conn: sqlite3.Connection, rng: random.Random) -> tuple[list[str], list[str]]:
    """Words of 300 random stored texts (as often as they occur there) and place names."""
    texts = [r[0] for r in conn.execute("SELECT text FROM articles ORDER BY random() LIMIT 300")]
    words = [w for text in texts for w in WORD.findall(text) if len(w) >= 4]
    places = [r[0] for r in conn.execute("SELECT DISTINCT name FROM places LIMIT 500") if r[0]]
    rng.shuffle(words)
    return words[:20_000], places


def plan(db: Path, total: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, path) for every request, shuffled."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 5000")]
        outlets = [r[0] for r in conn.execute("SELECT name FROM outlets LIMIT 50")]
        types = [r[0] for r in conn.execute("SELECT DISTINCT type FROM events LIMIT 20")]
        words, places = search_terms(conn, rng)
    each = total // 3
    requests = [("article", f"/articles/{rng.choice(ids)}") for _ in range(each)]
    filters = [("outlet", o) for o in outlets] + [("event_type", t) for t in types]
    filters += [("reliability", "low"), ("country", "SY")]
    for _ in range(each):
        params: dict[str, Any] = {"page": rng.randint(1, 200)}
        if rng.random() < 0.3:
            name, value = rng.choice(filters)
            params[name] = value
        requests.append(("list", "/articles?" + urlencode(params)))
    for _ in range(each):
        if places and rng.random() < 0.25:
            query = rng.choice(places)
        else:
            query = " ".join(rng.choice(words) for _ in range(rng.randint(1, 2)))
        requests.append(("search", "/articles?" + urlencode({"q": query})))
    rng.shuffle(requests)
    return requests


async def run_load(
    port: int, requests: list[tuple[str, str]], clients: int
) -> list[dict[str, Any]]:
    import httpx

    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)
    results: list[dict[str, Any]] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            kind, path = queue.get_nowait()
            started = time.perf_counter()
            try:
                response = await http.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            ms = (time.perf_counter() - started) * 1000
            results.append({"kind": kind, "ms": ms, "ok": ok, "path": path})

    base = f"http://{LOOPBACK}:{port}"
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return results


def run_wrk(
    port: int, requests: list[tuple[str, str]], clients: int, seconds: int
) -> dict[str, Any]:
    """Each kind of page in turn under ``wrk -c clients``; wrk's percentiles per kind."""
    kinds: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("article", "list", "search"):
            paths = Path(tmp) / f"{kind}.txt"
            paths.write_text("\n".join(p for k, p in requests if k == kind) + "\n")
            done = subprocess.run(
                ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "-s", str(WRK_SCRIPT),
                 f"http://{LOOPBACK}:{port}"],
                env={**os.environ, "PATHS": str(paths)}, capture_output=True, text=True,
                check=True,
            )  # fmt: skip
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["errors"] = result["non200"] + result["socket_errors"]
            result["distinct_paths"] = len(set(paths.read_text().split()))
            kinds[kind] = result
    return {
        "pages": kinds,
        "requests": sum(k["requests"] for k in kinds.values()),
        "errors": sum(k["errors"] for k in kinds.values()),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    kinds: dict[str, Any] = {}
    for kind in ("article", "list", "search"):
        mine = [r for r in results if r["kind"] == kind]
        ms = [r["ms"] for r in mine]
        kinds[kind] = {
            "requests": len(mine),
            "errors": sum(not r["ok"] for r in mine),
            "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1),
            "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1),
            "mean_ms": round(statistics.fmean(ms), 1),
            "slowest": max(mine, key=lambda r: r["ms"])["path"],
        }
    return {
        "pages": kinds,
        "requests": len(results),
        "errors": sum(not r["ok"] for r in results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsint-web-bench/corpus.db"))
    parser.add_argument("--corpus", choices=("ptc", "synthetic"), default=None)
    parser.add_argument("--reuse", action="store_true", help="serve an existing --db as it is")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "web.json")
    parser.add_argument(
        "--client", choices=("wrk", "httpx"), default="wrk" if shutil.which("wrk") else "httpx"
    )
    parser.add_argument("--seconds", type=int, default=20, help="wrk: seconds per kind")
    args = parser.parse_args()
    ptc = (ROOT.parent / "shared" / "data" / "ptc" / "train-articles").is_dir()
    corpus = args.corpus or ("ptc" if ptc else "synthetic")
    db = args.db
    print(f"corpus: {db}", file=sys.stderr)
    built = prepare(db, args.articles, corpus, args.reuse)
    with open_store(db, create=False) as store:
        articles = store.count()
    warm_page_cache(db)
    port = free_port()
    server = start_server(db, port)
    try:
        rng = random.Random(SEED)
        warm = plan(db, 60, rng)
        asyncio.run(run_load(port, warm, args.clients))
        requests = plan(db, args.requests, rng)
        load_before = os.getloadavg()
        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        if args.client == "wrk":
            measured = run_wrk(port, requests, args.clients, args.seconds)
        else:
            measured = summarise(asyncio.run(run_load(port, requests, args.clients)))
        seconds = time.perf_counter() - started
        server_cpu = cpu_seconds(server.pid) - cpu_before
        load_after = os.getloadavg()
        measured["seconds"] = round(seconds, 2)
        measured["requests_per_second"] = round(measured["requests"] / seconds, 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {
        "what": "newsint serve under load: HTML pages over loopback",
        "command": "python bench/web_load.py " + " ".join(sys.argv[1:]),
        "corpus": {"articles": articles, "db_bytes": db.stat().st_size, "build": built},
        "clients": args.clients,
        "client": args.client,
        "target_p95_ms": 200,
        **measured,
        "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, measured["requests"]), 2),
        "load_average_1min": {"before": load_before[0], "after": load_after[0]},
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "note": "load generator and server share the machine's cores",
        },
        "date": dt.date.today().isoformat(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report["pages"], indent=2))
    print(f"errors: {report['errors']}, {report['requests_per_second']} requests/s; "
          f"written to {args.out}")  # fmt: skip


if __name__ == "__main__":
    main()
