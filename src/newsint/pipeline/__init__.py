"""The article pipeline: one spaCy ``Language`` with newsint's registered components.

Pipeline components never import the store, the web app or a batch engine.
"""

from .components import COMPONENTS
from .runner import AnalysisFailedError, Pipeline, load_nlp

__all__ = ["COMPONENTS", "AnalysisFailedError", "Pipeline", "load_nlp"]
