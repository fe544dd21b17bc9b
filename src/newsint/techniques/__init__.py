"""Propaganda technique detection (SemEval-2020 Task 11: span identification + 14 techniques).

``load_technique_model()`` loads the shipped model once per process;
``TechniqueModel.predict(doc)`` gives ``Technique`` spans of a parsed doc and
``TechniqueModel.classify_spans(doc, spans)`` names the techniques of given spans.
``scorer`` holds the task's official-style scores; ``newsint train techniques`` rebuilds
the model from the PTC training split and ``newsint eval techniques`` measures it.
"""

from .data import TECHNIQUES, GoldSpan, PtcDataError, read_articles, read_labels
from .model import DEFAULT_MODEL_DIR, TechniqueModel, load_technique_model, read_model
from .scorer import SpanScore, TechniqueScore, merge_overlapping, score_si, score_tc

__all__ = [
    "DEFAULT_MODEL_DIR",
    "TECHNIQUES",
    "GoldSpan",
    "PtcDataError",
    "SpanScore",
    "TechniqueModel",
    "TechniqueScore",
    "load_technique_model",
    "merge_overlapping",
    "read_articles",
    "read_labels",
    "read_model",
    "score_si",
    "score_tc",
]
