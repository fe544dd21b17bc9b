"""The Dask engine: analyse a corpus on a cluster and write partitioned Parquet.

Input files are cut into partitions (whole files, about ``partition_bytes`` each, in
input order). Each partition is one task: a worker reads its files, runs the article
pipeline (loaded once per worker process and kept in a module-level cache keyed by
the ``Config``; ``client.run`` preloads it on every worker) and writes one Parquet
file per dataset::

    out_dir/analyses/part-00000.parquet   article_id, title, outlet, published, url,
                                          source, analysis_json (the output contract)
    out_dir/events/part-00000.parquet     one row per event, place and date flattened
    out_dir/places/part-00000.parquet     one row per place mention

``iter_parquet_analyses(out_dir)`` reads the analyses back, in input order, as
``Analysis`` objects; ``load_parquet_into_store(out_dir, store)`` hands each to
``store.add``.

Running on a real cluster
-------------------------
Every machine needs the same version of newsint and its spaCy model, plus the extra
``pip install 'newsint[dask]'`` (dask[distributed] and pyarrow; reading the Parquet
back needs only ``newsint[parquet]``). Input files and ``out_dir`` must be on a file
system that every worker sees at the same path (NFS, a shared volume), because the
workers read the inputs and write the partitions themselves::

    # on the scheduler machine: listens on tcp://HOST:8786
    dask scheduler
    # on each worker machine: one process per core, as the pipeline is single-threaded
    dask worker tcp://HOST:8786 --nworkers 8 --nthreads 1 --memory-limit 4GB
    # from any machine that reaches the scheduler
    newsint ingest --engine dask --scheduler tcp://HOST:8786 /shared/articles/ ...

or, from Python, ``ingest_to_parquet(paths, out_dir=..., scheduler="tcp://HOST:8786")``.
Without a scheduler a ``LocalCluster`` of ``n_workers`` single-threaded processes is
started on this machine and closed afterwards. Partitions are whole files, so one
large JSON Lines file is one task: split it (``split -l 10000``) to spread it out.
"""

from __future__ import annotations

import glob
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..config import Config
from ..errors import ConfigError, InputError, MissingExtraError, MissingInputError, NewsintError
from ..ingest.sources import SUFFIX_KINDS
from ..model import Analysis

if TYPE_CHECKING:
    from ..pipeline import Pipeline

DATASETS = ("analyses", "events", "places")
DEFAULT_PARTITION_BYTES = 16_000_000
_SUFFIXES = tuple(SUFFIX_KINDS)

_PIPELINES: dict[Config, Pipeline] = {}
_PIPELINE_LOCK = threading.Lock()


class Store(Protocol):
    """What ``load_parquet_into_store`` needs of a store."""

    def add(self, analysis: Analysis) -> object: ...


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one task did: its number, articles written, and one line per problem."""

    partition: int
    articles: int
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DaskIngestSummary:
    out_dir: Path
    partitions: int
    articles: int
    problems: tuple[str, ...] = field(default=())


def require_dask() -> None:
    """Raise ``MissingExtraError`` with the install command when Dask is absent."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("the Dask engine", "dask") from exc


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("Parquet files", "parquet") from exc


# --- inputs and partitions -----------------------------------------------------------


def expand_inputs(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[str], list[str]]:
    """Files named by ``paths`` (folders walked in sorted order, globs expanded), and problems."""
    files: list[str] = []
    problems: list[str] = []
    for item in (os.fspath(p) for p in paths):
        if item == "-":
            raise ConfigError("the Dask engine reads files, not standard input")
        if os.path.isdir(item):
            found = _walk(item)
            files.extend(found)
            if not found:
                problems.append(f"{item}: no article files in this directory")
        elif os.path.isfile(item):
            files.append(item)
        elif any(c in item for c in "*?["):
            matches = sorted(p for p in glob.glob(os.path.expanduser(item), recursive=True))
            files.extend(f for p in matches for f in (_walk(p) if os.path.isdir(p) else [p]))
            if not matches:
                problems.append(f"{item}: no files match this pattern")
        else:
            problems.append(str(MissingInputError(item, "no such file or directory")))
    return files, problems


def _walk(top: str) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(_SUFFIXES):
                found.append(os.path.join(dirpath, name))
    return sorted(found, key=lambda p: Path(os.path.relpath(p, top)).parts)


def partition_files(files: Sequence[str], partition_bytes: int) -> list[list[str]]:
    """Consecutive runs of files of about ``partition_bytes`` together (at least one each)."""
    partitions: list[list[str]] = []
    current: list[str] = []
    size = 0
    for path in files:
        try:
            length = os.path.getsize(path)
        except OSError:
            length = 0
        if current and size + length > partition_bytes:
            partitions.append(current)
            current, size = [], 0
        current.append(path)
        size += length
    if current:
        partitions.append(current)
    return partitions


# --- the worker side -------------------------------------------------------------------


def worker_pipeline(config: Config) -> Pipeline:
    """The pipeline for ``config`` in this process, loaded on first use and kept."""
    from ..pipeline import Pipeline

    with _PIPELINE_LOCK:
        pipeline = _PIPELINES.get(config)
        if pipeline is None:
            from ..parallel import one_native_thread

            one_native_thread()  # workers run one single-threaded process per core
            pipeline = _PIPELINES[config] = Pipeline.load(config)
    return pipeline


def _preload(config: Config) -> str:
    worker_pipeline(config)
    return "ok"


def analyse_partition(
    partition: int, files: Sequence[str], out_dir: str, config: Config
) -> PartitionResult:
    """Read ``files``, analyse every article, write the three Parquet files (a Dask task)."""
    from ..ingest import read_sources
    from ..pipeline import AnalysisFailedError

    problems: list[str] = []
    articles = []
    for item in read_sources(files, config=config):
        if isinstance(item, InputError):
            problems.append(str(item))
        else:
            articles.append(item)
    analyses = []
    for result in worker_pipeline(config).run(articles):
        if isinstance(result, AnalysisFailedError):
            problems.append(str(result))
        else:
            analyses.append(result)
    write_partition(Path(out_dir), partition, analyses)
    return PartitionResult(partition, len(analyses), tuple(problems))


# --- Parquet ---------------------------------------------------------------------------


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    text, integer, real = pa.string(), pa.int64(), pa.float64()
    return {
        "analyses": pa.schema(
            [("article_id", text), ("title", text), ("outlet", text), ("published", pa.date32()),
             ("url", text), ("source", text), ("analysis_json", text)]
        ),
        "events": pa.schema(
            [("article_id", text), ("event_index", integer), ("type", text), ("mode", text),
             ("text", text), ("start", integer), ("end", integer), ("confidence", real),
             ("negated", pa.bool_()), ("hypothetical", pa.bool_()), ("hedged", pa.bool_()),
             ("actor", text), ("target", text), ("count", real), ("place_name", text),
             ("geonameid", integer), ("lat", real), ("lon", real), ("country_code", text),
             ("date_value", text), ("date_end_value", text)]
        ),
        "places": pa.schema(
            [("article_id", text), ("place_index", integer), ("text", text), ("start", integer),
             ("end", integer), ("name", text), ("geonameid", integer), ("lat", real),
             ("lon", real), ("country_code", text), ("kind", text), ("confidence", real),
             ("metonymic", pa.bool_())]
        ),
    }  # fmt: skip


def _analysis_row(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    return {
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "source": article.source,
        "analysis_json": json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":")),
    }


def _event_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    for index, event in enumerate(analysis.events):
        place, date = event.place, event.date
        yield {
            "article_id": analysis.article.id,
            "event_index": index,
            "type": event.type,
            "mode": event.mode,
            "text": event.text,
            "start": event.start,
            "end": event.end,
            "confidence": event.confidence,
            "negated": event.negated,
            "hypothetical": event.hypothetical,
            "hedged": event.hedged,
            "actor": event.actor.text if event.actor else None,
            "target": event.target.text if event.target else None,
            "count": event.count.value if event.count else None,
            "place_name": place.name if place else None,
            "geonameid": place.geonameid if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "country_code": place.country_code if place else None,
            "date_value": date.value if date else None,
            "date_end_value": date.end_value if date else None,
        }


def _place_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    for index, place in enumerate(analysis.places):
        yield {
            "article_id": analysis.article.id,
            "place_index": index,
            "text": place.text,
            "start": place.start,
            "end": place.end,
            "name": place.name,
            "geonameid": place.geonameid,
            "lat": place.lat,
            "lon": place.lon,
            "country_code": place.country_code,
            "kind": place.kind,
            "confidence": place.confidence,
            "metonymic": place.metonymic,
        }


def partition_path(out_dir: Path, dataset: str, partition: int) -> Path:
    return out_dir / dataset / f"part-{partition:05d}.parquet"


def write_partition(out_dir: Path, partition: int, analyses: Sequence[Analysis]) -> None:
    """The three Parquet files of one partition (written even when empty, for the schema)."""
    _require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas()
    rows = {
        "analyses": [_analysis_row(a) for a in analyses],
        "events": [row for a in analyses for row in _event_rows(a)],
        "places": [row for a in analyses for row in _place_rows(a)],
    }
    for dataset in DATASETS:
        path = partition_path(out_dir, dataset, partition)
        path.parent.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(rows[dataset], schema=schemas[dataset])
        temporary = path.with_suffix(".parquet.tmp")
        pq.write_table(table, temporary)
        os.replace(temporary, path)  # a reader never sees half a file


def iter_parquet_analyses(out_dir: str | os.PathLike[str]) -> Iterator[Analysis]:
    """Every analysis in ``out_dir/analyses``, partition by partition, in input order."""
    _require_pyarrow()
    import pyarrow.parquet as pq

    folder = Path(out_dir) / "analyses"
    if not folder.is_dir():
        raise NewsintError(f"{folder}: no analyses dataset here (run the Dask engine first)")
    for path in sorted(folder.glob("part-*.parquet")):
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches(columns=["analysis_json"], batch_size=256):
            for value in batch.column(0).to_pylist():
                yield Analysis.from_dict(json.loads(value))


def load_parquet_into_store(out_dir: str | os.PathLike[str], store: Store) -> int:
    """``store.add`` each analysis in ``out_dir``; returns how many were added."""
    count = 0
    for analysis in iter_parquet_analyses(out_dir):
        store.add(analysis)
        count += 1
    return count


# --- the driver ------------------------------------------------------------------------


def ingest_to_parquet(
    paths: Sequence[str | os.PathLike[str]],
    *,
    out_dir: str | os.PathLike[str],
    scheduler: str | None = None,
    n_workers: int = 2,
    config: Config | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    on_partition: Callable[[PartitionResult], None] | None = None,
) -> DaskIngestSummary:
    """Analyse every input on a Dask cluster into partitioned Parquet under ``out_dir``.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without
    it a LocalCluster of ``n_workers`` single-threaded processes is started and stopped.
    """
    require_dask()
    _require_pyarrow()
    if n_workers < 1:
        raise ConfigError(f"n_workers must be at least 1, not {n_workers}")
    config = config or Config.from_env()
    files, problems = expand_inputs(paths)
    partitions = partition_files(files, partition_bytes)
    out = Path(out_dir)
    _prepare_out_dir(out)
    with _client(scheduler, n_workers) as client:
        results = _run_partitions(client, partitions, out, config, on_partition)
    for result in results:
        problems.extend(result.problems)
    articles = sum(r.articles for r in results)
    return DaskIngestSummary(out, len(partitions), articles, tuple(problems))


def _prepare_out_dir(out: Path) -> None:
    """``out`` created; old partition files removed so that a re-run is not mixed with them."""
    try:
        for dataset in DATASETS:
            (out / dataset).mkdir(parents=True, exist_ok=True)
            for old in (out / dataset).glob("part-*.parquet*"):
                old.unlink()
    except OSError as exc:
        raise NewsintError(
            f"{out}: cannot prepare the output folder: {exc.strerror or exc}"
        ) from exc


@contextmanager
def _client(scheduler: str | None, n_workers: int) -> Iterator[Any]:
    """A Client on ``scheduler``, or on a LocalCluster that is closed afterwards."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # no dashboard; the scheduler's small HTTP server (health checks) on a free port
    # rather than 8787, which another cluster on this machine may hold
    cluster = LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},
    )
    with cluster, Client(cluster) as client:
        yield client


def _run_partitions(
    client: Any,
    partitions: Sequence[Sequence[str]],
    out: Path,
    config: Config,
    on_partition: Callable[[PartitionResult], None] | None,
) -> list[PartitionResult]:
    from distributed import as_completed

    if not partitions:
        return []
    client.run(_preload, config)
    futures = {
        client.submit(analyse_partition, i, list(files), str(out), config, pure=False): i
        for i, files in enumerate(partitions)
    }
    results = []
    for future in as_completed(futures):
        index = futures[future]
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost partition is reported, the rest go on
            first = partitions[index][0]
            reason = f"partition {index} (from {first}) failed: {type(exc).__name__}: {exc}"
            result = PartitionResult(index, 0, (reason,))
        results.append(result)
        if on_partition is not None:
            on_partition(result)
    return sorted(results, key=lambda r: r.partition)


__all__ = [
    "DATASETS",
    "DaskIngestSummary",
    "PartitionResult",
    "Store",
    "analyse_partition",
    "expand_inputs",
    "ingest_to_parquet",
    "iter_parquet_analyses",
    "load_parquet_into_store",
    "partition_files",
    "partition_path",
    "require_dask",
    "worker_pipeline",
    "write_partition",
]
