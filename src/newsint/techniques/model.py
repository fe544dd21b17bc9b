"""The trained technique model: load it once per process, predict spans and techniques.

``load_technique_model()`` reads the artifact shipped in ``newsint/techniques/models/ptc``
(rebuilt by ``newsint train techniques``). ``TechniqueModel.predict(doc)`` finds propaganda
spans and names their technique; ``classify_spans(doc, spans)`` only names techniques of
spans given by the caller (SemEval TC).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from ..errors import MissingExtraError
from ..loaded import LoadedOnce
from ..model import Technique
from .artifact import (
    FORMAT_VERSION,
    RATES,
    read_arrays,
    read_gzip_text,
    read_meta,
    write_arrays,
    write_gzip_text,
    write_json,
)
from .classifier import DenseSoftmax, SparseSoftmax, TechniqueClassifier
from .decoding import DecodeSettings, clip_to_ranges
from .features import Projection, RateTable
from .identifier import DocInputs, LexicalLayer, SpanIdentifier
from .lexical import LinearModel
from .lexicon import LoadedWords

DEFAULT_MODEL_DIR = Path(__file__).parent / "models" / "ptc"
SI_TREES = "si_trees.txt.gz"
LOADED_WORDS = "loaded_words.json.gz"
TC_TREES = "tc_trees.txt.gz"


@dataclass(frozen=True, slots=True)
class TechniqueModel:
    """Span identification plus technique classification, with what produced them."""

    identifier: SpanIdentifier
    classifier: TechniqueClassifier
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def techniques(self) -> tuple[str, ...]:
        return self.classifier.techniques

    def predict(self, doc: Doc, *, ranges: list[tuple[int, int]] | None = None) -> list[Technique]:
        """Propaganda spans of ``doc`` (inside ``ranges`` when given), each with its most
        likely technique. ``score`` = P(span is propaganda) x P(technique | span)."""
        text = doc.text  # Doc.text joins every token: read it once
        if not len(doc) or not text.strip():
            return []
        spans = self.identifier.spans(DocInputs.from_doc(doc))
        if ranges is not None:
            spans = clip_to_ranges(text, spans, ranges, self.identifier.decode.min_chars)
        if not spans:
            return []
        labels = self.classifier.classify(doc, [(start, end) for start, end, _ in spans])
        return [
            Technique(technique, text[start:end], start, end, _unit(p_span * p_technique))
            for (start, end, p_span), (technique, p_technique) in zip(spans, labels, strict=True)
        ]

    def classify_spans(self, doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float]]:
        """``(technique, probability)`` for each given span, in order. A span listed k times
        gets its k most likely techniques (the PTC convention for multi-technique spans).
        Offsets outside the text are clipped."""
        return self.classifier.classify(doc, list(spans))

    def save(self, folder: Path) -> None:
        """Write the artifact folder (created if needed)."""
        folder.mkdir(parents=True, exist_ok=True)
        si, tc = self.identifier, self.classifier
        write_arrays(folder, _arrays(si, tc))
        write_gzip_text(folder / RATES, _rates_json(si.lexical.tables))
        write_gzip_text(folder / LOADED_WORDS, json.dumps(si.loaded.to_json()))
        write_gzip_text(folder / SI_TREES, si.booster.model_to_string())
        write_gzip_text(folder / TC_TREES, tc.booster.model_to_string())
        meta = {
            "format": FORMAT_VERSION,
            "techniques": list(tc.techniques),
            "decode": {
                "threshold": si.decode.threshold,
                "low": si.decode.low,
                "gap": si.decode.gap,
                "min_chars": si.decode.min_chars,
                "loaded_rate": si.decode.loaded_rate,
                "loaded_count": si.decode.loaded_count,
                "valence_min": si.decode.valence_min,
            },
            "info": self.info,
        }
        write_json(folder / "meta.json", meta)


def _unit(value: float) -> float:
    return float(min(1.0, max(0.0, value)))


def _arrays(si: SpanIdentifier, tc: TechniqueClassifier) -> dict[str, Any]:
    lex = si.lexical
    return {
        "projection_mean": si.projection.mean,
        "projection_components": si.projection.components,
        "token_weights": lex.token_model.weights,
        "token_bias": np.array([lex.token_model.bias], dtype=np.float32),
        "sentence_weights": lex.sentence_model.weights,
        "sentence_bias": np.array([lex.sentence_model.bias], dtype=np.float32),
        "sparse_columns": tc.sparse_model.columns.astype(np.int32),
        "sparse_weights": tc.sparse_model.weights.astype(np.float16),
        "sparse_bias": tc.sparse_model.bias,
        "dense_mean": tc.dense_model.mean,
        "dense_scale": tc.dense_model.scale,
        "dense_weights": tc.dense_model.weights,
        "dense_bias": tc.dense_model.bias,
    }


def _rates_json(tables: dict[str, RateTable]) -> str:
    return json.dumps({key: table.to_json() for key, table in tables.items()})


def read_model(folder: Path) -> TechniqueModel:
    """Load the artifact folder written by ``TechniqueModel.save`` (a folder without loaded
    words, from before that layer, loads with the layer empty)."""
    try:
        lgb = import_lightgbm()
    except ImportError as exc:
        raise MissingExtraError("propaganda technique detection", "techniques") from exc
    meta = read_meta(folder)
    a = read_arrays(folder)
    rates = json.loads(read_gzip_text(folder / RATES))
    lexical = LexicalLayer(
        {key: RateTable.from_json(value) for key, value in rates.items()},
        LinearModel(a["token_weights"], float(a["token_bias"][0])),
        LinearModel(a["sentence_weights"], float(a["sentence_bias"][0])),
    )
    identifier = SpanIdentifier(
        lexical,
        Projection(a["projection_mean"], a["projection_components"]),
        lgb.Booster(model_str=read_gzip_text(folder / SI_TREES)),
        DecodeSettings(**meta["decode"]),
        _read_loaded(folder / LOADED_WORDS),
    )
    classifier = TechniqueClassifier(
        tuple(meta["techniques"]),
        SparseSoftmax(
            a["sparse_columns"].astype(np.int64),
            a["sparse_weights"].astype(np.float32),
            a["sparse_bias"],
        ),
        DenseSoftmax(a["dense_mean"], a["dense_scale"], a["dense_weights"], a["dense_bias"]),
        lgb.Booster(model_str=read_gzip_text(folder / TC_TREES)),
    )
    return TechniqueModel(identifier, classifier, dict(meta.get("info", {})))


def _read_loaded(path: Path) -> LoadedWords:
    if not path.is_file():
        return LoadedWords()
    return LoadedWords.from_json(json.loads(read_gzip_text(path)))


def import_lightgbm() -> Any:
    """``lightgbm``, imported without its optional scikit-learn wrappers when scikit-learn
    is not loaded yet: prediction needs only ``Booster``, and importing scikit-learn would
    add about a second to every ``newsint analyze``. Later imports of scikit-learn work."""
    import sys

    if "lightgbm" in sys.modules or "sklearn" in sys.modules:
        import lightgbm

        return lightgbm
    sys.modules["sklearn"] = None  # type: ignore[assignment]  # makes "import sklearn" fail
    try:
        import lightgbm
    finally:
        del sys.modules["sklearn"]
    return lightgbm


_LOADED: LoadedOnce[TechniqueModel] = LoadedOnce(read_model, DEFAULT_MODEL_DIR)


def load_technique_model(folder: Path | None = None) -> TechniqueModel:
    """The technique model of ``folder`` (default: the shipped one), loaded once per process."""
    return _LOADED.get(folder)
