"""The shipped ACLED sub-event classifier, and how the ACLED export uses it.

The model is :class:`newsint.events.classify.CaseModel` (word and character TF-IDF, the
wordllama sentence embedding and the rules' reading of the text, linear SVM) fitted by
``newsint train events`` on the CASE 2021 task 2 snippets, then made portable: the text
n-grams that matter least (lowest largest absolute weight over the labels) are dropped,
keeping :data:`KEEP_FRACTION` of them, and the weights are stored as float16 in a NumPy
``.npz`` file (``models/acled_subtype.npz``, no pickle: it loads with
``allow_pickle=False``). Scoring re-creates the TF-IDF weights from the stored vocabulary
and idf with scikit-learn's own n-gram analysers, so the n-grams are the ones it was
trained on. Cross-validation (``classify.cross_validate``) scores this portable form, the
thing that ships; the shipped file itself is never scored on CASE, its training data.

Why the ACLED export asks it (:func:`acled_label`): by 5-fold cross-validation on CASE,
for snippets whose rules find an ACLED-recordable event, the rules' PLOVER -> ACLED table
gets a weighted F1 of 0.62 and this classifier, reading the event's evidence sentence and
that event's rule reading, 0.77; restricting it to the sub-event types the rules' PLOVER
type can map to scores 0.65-0.69, so it chooses freely. A label outside ACLED (DIPLO,
ATTRIB, disasters, organised crime) means ACLED would not record the event.

The model is read once per process, on first use (:func:`load_model`), and predictions are
cached per (evidence text, rule reading), so a CSV export embeds each sentence once.
"""

from __future__ import annotations

import functools
import io
import json
import logging
import math
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NewsintError
from ..loaded import LoadedOnce
from ..model import Event

if TYPE_CHECKING:
    from .classify import CaseModel

#: the committed model
DEFAULT_MODEL_PATH = Path(__file__).parent / "models" / "acled_subtype.npz"
FORMAT_VERSION = 1
#: share of the text n-grams kept in the portable model (CV weighted F1 is unchanged)
KEEP_FRACTION = 0.5
#: longest evidence text read (a 5,000-word "sentence" is typed from its beginning)
MAX_CHARS = 5000

log = logging.getLogger(__name__)


class SubtypeModelError(NewsintError):
    """The ACLED sub-event model file is missing or unreadable."""


@functools.cache
def _analyzer(analyzer: str, low: int, high: int) -> Callable[[str], list[str]]:
    """scikit-learn's own n-gram analyser, so scoring sees the n-grams training saw."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    built: Callable[[str], list[str]] = TfidfVectorizer(
        analyzer=analyzer, ngram_range=(low, high)
    ).build_analyzer()
    return built


@dataclass(frozen=True)
class TextBlock:
    """A TF-IDF block (sublinear tf, l2 norm) over a fixed vocabulary."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: Any  # numpy float32, one per vocabulary entry

    def matrix(self, texts: Sequence[str]) -> Any:
        """Sparse (texts x vocabulary) TF-IDF rows, l2-normalised over the known n-grams."""
        import numpy as np
        from scipy.sparse import csr_matrix

        analyse = _analyzer(self.analyzer, *self.ngram_range)
        indptr, indices, values = [0], list[int](), list[float]()
        for text in texts:
            row: dict[int, float] = {}
            for gram, count in Counter(analyse(text)).items():
                column = self.vocabulary.get(gram)
                if column is not None:
                    row[column] = (1.0 + math.log(count)) * float(self.idf[column])
            norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
            indices.extend(row)
            values.extend(w / norm for w in row.values())
            indptr.append(len(indices))
        shape = (len(texts), len(self.vocabulary))
        return csr_matrix((np.asarray(values, dtype=np.float64), indices, indptr), shape=shape)


@dataclass(frozen=True)
class SubtypeModel:
    """A portable linear model over CASE 2021 task 2 labels."""

    words: TextBlock
    chars: TextBlock
    rule_names: tuple[str, ...]
    embedding_weight: float
    classes: tuple[str, ...]
    coef: Any  # numpy (classes x features)
    intercept: Any  # numpy (classes,)
    info: dict[str, Any] = field(default_factory=dict)

    def decision(self, texts: Sequence[str], rules: Sequence[dict[str, float]]) -> Any:
        """Scores (texts x classes)."""
        import numpy as np
        from scipy.sparse import csr_matrix, hstack

        from .classify import embed

        columns = {name: i for i, name in enumerate(self.rule_names)}
        rule_rows = np.zeros((len(texts), len(self.rule_names)), dtype=np.float64)
        for i, features in enumerate(rules):
            for name, value in features.items():
                if name in columns:
                    rule_rows[i, columns[name]] = value
        parts = [
            self.words.matrix(texts),
            self.chars.matrix(texts),
            csr_matrix(rule_rows),
            csr_matrix(embed(texts) * self.embedding_weight),
        ]
        matrix = hstack(parts).tocsr()
        return matrix @ self.coef.T.astype(np.float64) + self.intercept

    def predict(self, texts: Sequence[str], rules: Sequence[dict[str, float]]) -> list[str]:
        """The best label of each text."""
        if not texts:
            return []
        return [self.classes[int(i)] for i in self.decision(texts, rules).argmax(axis=1)]

    @classmethod
    def from_case_model(
        cls, model: CaseModel, *, keep: float = KEEP_FRACTION, info: dict[str, Any] | None = None
    ) -> SubtypeModel:
        """The portable form of a fitted ``CaseModel``, keeping its strongest text n-grams."""
        import numpy as np

        from .classify import EMBEDDING_WEIGHT

        coef = np.asarray(model.svm.coef_, dtype=np.float64)
        intercept = np.asarray(model.svm.intercept_, dtype=np.float64)
        if coef.shape[0] == 1:  # two labels: one score for the second; argmax needs both
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        n_words, n_chars = len(model.words.vocabulary_), len(model.chars.vocabulary_)
        strength = np.abs(coef[:, : n_words + n_chars]).max(axis=0)
        n_keep = max(1, math.ceil(keep * strength.size))
        kept = np.sort(np.argsort(-strength, kind="stable")[:n_keep])
        word_cols = kept[kept < n_words]
        char_cols = kept[kept >= n_words] - n_words
        rest = np.arange(n_words + n_chars, coef.shape[1])
        columns = np.concatenate([word_cols, char_cols + n_words, rest])
        return cls(
            words=_block(model.words, word_cols),
            chars=_block(model.chars, char_cols),
            rule_names=tuple(str(n) for n in model.rules.feature_names_),
            embedding_weight=EMBEDDING_WEIGHT,
            classes=tuple(str(c) for c in model.svm.classes_),
            coef=coef[:, columns].astype(np.float16),
            intercept=intercept,
            info=dict(info or {}),
        )

    def save(self, path: Path) -> None:
        """Write the model as a compressed ``.npz`` (strings as unicode arrays, no pickle)."""
        import numpy as np

        header = {
            "format": FORMAT_VERSION,
            "kind": "acled-subtype-linear-svm",
            "blocks": [_block_header(self.words), _block_header(self.chars)],
            "embedding_weight": self.embedding_weight,
            "info": self.info,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            header=np.array(json.dumps(header, sort_keys=True)),
            word_vocab=np.array(_ordered(self.words.vocabulary)),
            word_idf=self.words.idf.astype(np.float32),
            char_vocab=np.array(_ordered(self.chars.vocabulary)),
            char_idf=self.chars.idf.astype(np.float32),
            rule_names=np.array(self.rule_names),
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float64),
        )
        path.write_bytes(buffer.getvalue())


def _block(vectorizer: Any, columns: Any) -> TextBlock:
    import numpy as np

    names = vectorizer.get_feature_names_out()
    low, high = vectorizer.ngram_range
    return TextBlock(
        analyzer=str(vectorizer.analyzer),
        ngram_range=(int(low), int(high)),
        vocabulary={str(names[c]): i for i, c in enumerate(columns)},
        idf=np.asarray(vectorizer.idf_, dtype=np.float32)[columns],
    )


def _block_header(block: TextBlock) -> dict[str, Any]:
    return {"analyzer": block.analyzer, "ngram_range": list(block.ngram_range)}


def _ordered(vocabulary: dict[str, int]) -> list[str]:
    return sorted(vocabulary, key=vocabulary.__getitem__)


def read_model(path: Path) -> SubtypeModel:
    """Read a model file (no caching)."""
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except FileNotFoundError:
        raise SubtypeModelError(
            f"{path}: ACLED sub-event model not found; rebuild it with `newsint train events`"
        ) from None
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise SubtypeModelError(f"{path}: unreadable ACLED sub-event model: {exc}") from exc
    try:
        return _from_arrays(arrays)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise SubtypeModelError(f"{path}: malformed ACLED sub-event model: {exc!r}") from exc


def _from_arrays(arrays: dict[str, Any]) -> SubtypeModel:
    header = json.loads(str(arrays["header"]))
    if header.get("format") != FORMAT_VERSION:
        raise ValueError(f"unknown format {header.get('format')!r}")
    blocks = []
    for spec, prefix in zip(header["blocks"], ("word", "char"), strict=True):
        vocab = [str(g) for g in arrays[f"{prefix}_vocab"]]
        low, high = spec["ngram_range"]
        blocks.append(
            TextBlock(
                str(spec["analyzer"]),
                (int(low), int(high)),
                {g: i for i, g in enumerate(vocab)},
                arrays[f"{prefix}_idf"],
            )
        )
    model = SubtypeModel(
        words=blocks[0],
        chars=blocks[1],
        rule_names=tuple(str(n) for n in arrays["rule_names"]),
        embedding_weight=float(header["embedding_weight"]),
        classes=tuple(str(c) for c in arrays["classes"]),
        coef=arrays["coef"],
        intercept=arrays["intercept"],
        info=dict(header.get("info", {})),
    )
    width = len(blocks[0].vocabulary) + len(blocks[1].vocabulary) + len(model.rule_names) + 256
    if model.coef.shape != (len(model.classes), width):
        raise ValueError(f"coefficients of shape {model.coef.shape}, expected {width} columns")
    return model


_LOADED: LoadedOnce[SubtypeModel] = LoadedOnce(read_model, DEFAULT_MODEL_PATH)


def load_model(path: Path | None = None) -> SubtypeModel:
    """The model at ``path`` (default: the committed one), read once per process."""
    return _LOADED.get(path)


def clear_model_cache() -> None:
    """Forget loaded models and predictions (after ``newsint train events`` rewrote it)."""
    _LOADED.clear()
    _predict_cached.cache_clear()
    _warn_once.cache_clear()


# --- use in the ACLED mapping -------------------------------------------------------------


def _rule_key(event: Event) -> tuple[tuple[str, float], ...]:
    from .classify import rule_features

    return tuple(sorted(rule_features([event]).items()))


@functools.lru_cache(maxsize=4096)
def _predict_cached(text: str, rules: tuple[tuple[str, float], ...]) -> str:
    return load_model().predict([text], [dict(rules)])[0]


@functools.cache
def _warn_once(message: str) -> None:
    log.warning("%s", message)


def acled_label(event: Event) -> str | None:
    """The CASE label the shipped model gives ``event`` (its evidence text and rule reading),
    or None when the model cannot be read (the caller keeps the rules' mapping)."""
    text = " ".join(event.text[:MAX_CHARS].split())
    if not text:
        return None
    try:
        return _predict_cached(text, _rule_key(event))
    except SubtypeModelError as exc:
        _warn_once(f"ACLED sub-event model unavailable, using the PLOVER table: {exc}")
        return None


__all__ = [
    "DEFAULT_MODEL_PATH",
    "KEEP_FRACTION",
    "SubtypeModel",
    "SubtypeModelError",
    "TextBlock",
    "acled_label",
    "clear_model_cache",
    "load_model",
    "read_model",
]
