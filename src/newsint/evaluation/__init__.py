"""Evaluation of newsint against annotated corpora (``newsint eval <task>``).

``common`` holds what every task shares (P/R/F1 counts, haversine distance, metric tables,
JSON/JSONL writers, the pipeline run); each task has its own module: ``geo`` scores
geoparsing on GeoWebNews and GeoVirus after Gritta et al. (2019).
"""

from __future__ import annotations

from .common import PRF, CorpusError, MetricTable, haversine_km, write_json, write_jsonl

__all__ = ["PRF", "CorpusError", "MetricTable", "haversine_km", "write_json", "write_jsonl"]
