"""Outlet reputation and the article reliability score.

>>> from newsint.reliability import load_ratings, score_reliability
>>> ratings = load_ratings(["my-outlets.csv"])        # built-in table + your overrides
>>> result = score_reliability(article, byline=byline, sections=sections, ratings=ratings)
>>> result.label, [(s.name, s.value, s.weight) for s in result.signals]
"""

from __future__ import annotations

from .outlets import (
    FACTUALITY_LEVELS,
    Factuality,
    OutletMatch,
    OutletRating,
    OutletRatings,
    RatingsFileError,
    default_ratings,
    identify_outlet,
    load_baly_tsv,
    load_ratings,
    normalise_host,
    normalise_name,
    read_ratings_csv,
    registrable_domain,
)
from .score import HIGH_FROM, LOW_BELOW, label_for, score_analysis, score_reliability

__all__ = [
    "FACTUALITY_LEVELS",
    "HIGH_FROM",
    "LOW_BELOW",
    "Factuality",
    "OutletMatch",
    "OutletRating",
    "OutletRatings",
    "RatingsFileError",
    "default_ratings",
    "identify_outlet",
    "label_for",
    "load_baly_tsv",
    "load_ratings",
    "normalise_host",
    "normalise_name",
    "read_ratings_csv",
    "registrable_domain",
    "score_analysis",
    "score_reliability",
]
