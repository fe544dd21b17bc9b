"""The check-worthiness model: how much a sentence deserves a fact-check, in [0, 1].

A logistic regression (class-balanced) over word TF-IDF n-grams (optionally character
n-grams too) and a few cues (``features.py``), trained by ``newsint train claims`` on the
CLEF 2019 CheckThat! task 1 debates (``training.py``). The fitted model is committed as
``models/checkworthiness.json.gz``: vocabularies, idf, coefficients and the decision
threshold, in JSON rather than a pickle so that it loads with the standard library alone,
cannot run code, and does not depend on the scikit-learn version. It is loaded once per
process (``load_model``).

``score`` is the model's probability. Because the classes were balanced in training it is
not the chance that a sentence is check-worthy (only about 3% of debate sentences are):
read it as a ranking score; ``threshold`` is the cut that maximised F1 of the positive class
in cross-validation over the training debates.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NewsintError
from ..loaded import LoadedOnce
from .features import CUE_NAMES, NgramBlock, cue_values

#: the committed model
DEFAULT_MODEL_PATH = Path(__file__).parent / "models" / "checkworthiness.json.gz"
FORMAT_VERSION = 1


class ClaimsModelError(NewsintError):
    """The check-worthiness model file is missing or unreadable."""


@dataclass(frozen=True)
class CheckworthinessModel:
    """A fitted check-worthiness model: n-gram blocks, their coefficients, the cues'."""

    blocks: tuple[NgramBlock, ...]
    coefficients: tuple[tuple[float, ...], ...]  # one tuple per block, in column order
    cue_coefficients: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    info: dict[str, Any] = field(default_factory=dict)

    def decision(self, text: str) -> float:
        """The linear score (log-odds) of one sentence."""
        total = self.intercept
        for block, coef in zip(self.blocks, self.coefficients, strict=True):
            total += sum(w * coef[i] for i, w in block.weights(text).items())
        total += sum(c * v for c, v in zip(self.cue_coefficients, cue_values(text), strict=True))
        return total

    def score_one(self, text: str) -> float:
        """The probability of one sentence, in [0, 1]."""
        return _sigmoid(self.decision(text))

    def score(self, texts: Sequence[str], *, docs: Sequence[object] | None = None) -> list[float]:
        """Probabilities for ``texts`` (``docs`` is accepted for a parse-aware model)."""
        del docs  # this model reads the text only; the argument keeps the interface stable
        return [self.score_one(text) for text in texts]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "kind": "checkworthiness-logreg",
            "blocks": [
                {
                    "kind": block.kind,
                    "vocabulary": sorted(block.vocabulary, key=block.vocabulary.__getitem__),
                    "idf": [round(x, 6) for x in block.idf],
                    "coefficients": [round(x, 6) for x in coef],
                }
                for block, coef in zip(self.blocks, self.coefficients, strict=True)
            ],
            "cues": dict(zip(CUE_NAMES, (round(c, 6) for c in self.cue_coefficients), strict=True)),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "info": self.info,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckworthinessModel:
        if data.get("format") != FORMAT_VERSION:
            raise ClaimsModelError(f"unknown check-worthiness model format {data.get('format')!r}")
        blocks, coefficients = [], []
        for entry in data["blocks"]:
            vocabulary = {gram: i for i, gram in enumerate(entry["vocabulary"])}
            blocks.append(NgramBlock(entry["kind"], vocabulary, tuple(entry["idf"])))
            coefficients.append(tuple(float(c) for c in entry["coefficients"]))
        cues = data["cues"]
        return cls(
            blocks=tuple(blocks),
            coefficients=tuple(coefficients),
            cue_coefficients=tuple(float(cues[name]) for name in CUE_NAMES),
            intercept=float(data["intercept"]),
            threshold=float(data.get("threshold", 0.5)),
            info=dict(data.get("info", {})),
        )

    def save(self, path: Path) -> None:
        """Write the model as gzipped JSON (parents created)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        # mtime=0: the same model gives the same bytes, so a rebuild shows no spurious diff
        with (
            path.open("wb") as raw,
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle,
        ):
            handle.write(payload.encode("utf-8"))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def read_model(path: Path) -> CheckworthinessModel:
    """Read a model file (no caching)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ClaimsModelError(
            f"{path}: check-worthiness model not found; rebuild it with `newsint train claims`"
        ) from None
    except (OSError, EOFError, ValueError) as exc:
        raise ClaimsModelError(f"{path}: unreadable check-worthiness model: {exc}") from exc
    try:
        return CheckworthinessModel.from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ClaimsModelError(f"{path}: malformed check-worthiness model: {exc!r}") from exc


_LOADED: LoadedOnce[CheckworthinessModel] = LoadedOnce(read_model, DEFAULT_MODEL_PATH)


def load_model(path: Path | None = None) -> CheckworthinessModel:
    """The model at ``path`` (default: the committed one), read once per process."""
    return _LOADED.get(path)


def clear_model_cache() -> None:
    """Forget loaded models (after ``newsint train claims`` rewrote the file)."""
    _LOADED.clear()


__all__ = [
    "DEFAULT_MODEL_PATH",
    "CheckworthinessModel",
    "ClaimsModelError",
    "clear_model_cache",
    "load_model",
    "read_model",
]
