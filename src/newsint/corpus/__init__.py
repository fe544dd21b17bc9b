"""Corpus-level analyses over many articles: near-duplicates and republication, story
clusters, cross-outlet corroboration of events, and the Dask engine.

These work on ``Analysis``/``Article`` objects and plain iterables, so they run the same
on a list in memory, a store's query results or the Parquet written by the Dask engine.
Dask and pyarrow are imported only when the engine runs.
"""

from .corroborate import CorroboratingEvent, corroborate
from .dask_engine import (
    DaskIngestSummary,
    ingest_to_parquet,
    iter_parquet_analyses,
    load_parquet_into_store,
)
from .dedup import (
    DedupResult,
    DocumentRef,
    DuplicateGroup,
    RepublicationEdge,
    find_duplicates,
    republication_edges,
    write_edges_csv,
    write_gexf,
)
from .minhash import LSHParams, MinHasher, choose_lsh_params, similar_pairs
from .store_corroboration import Corroboration, corroborate_in_store
from .stories import Story, cluster_stories

__all__ = [
    "CorroboratingEvent",
    "Corroboration",
    "DaskIngestSummary",
    "DedupResult",
    "DocumentRef",
    "DuplicateGroup",
    "LSHParams",
    "MinHasher",
    "RepublicationEdge",
    "Story",
    "choose_lsh_params",
    "cluster_stories",
    "corroborate",
    "corroborate_in_store",
    "find_duplicates",
    "ingest_to_parquet",
    "iter_parquet_analyses",
    "load_parquet_into_store",
    "republication_edges",
    "similar_pairs",
    "write_edges_csv",
    "write_gexf",
]
