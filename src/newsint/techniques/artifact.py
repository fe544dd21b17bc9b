"""Reading and writing the trained model folder without pickle.

The folder holds ``meta.json`` (settings, techniques, training report), ``arrays.npz``
(projections and linear weights), ``rates.json.gz`` (target-encoding tables) and one
gzipped LightGBM text model per booster. Plain formats keep the artifact loadable across
library versions and reviewable; nothing in it can run code when loaded.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import NewsintError

META = "meta.json"
ARRAYS = "arrays.npz"
RATES = "rates.json.gz"
FORMAT_VERSION = 1


class ArtifactError(NewsintError):
    """The technique model folder is missing, incomplete or from another format version."""


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def write_gzip_text(path: Path, text: str) -> None:
    # mtime=0 keeps the bytes identical between identical trainings
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def read_gzip_text(path: Path) -> str:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    except (OSError, EOFError) as exc:
        raise ArtifactError(f"{path}: cannot read the technique model: {exc}") from exc


def read_meta(folder: Path) -> dict[str, Any]:
    path = folder / META
    if not path.is_file():
        raise ArtifactError(
            f"{folder}: no technique model here (rebuild it with `newsint train techniques`)"
        )
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ArtifactError(f"{path}: model format {meta.get('format')!r}, need {FORMAT_VERSION}")
    return meta


def read_arrays(folder: Path) -> dict[str, NDArray[Any]]:
    try:
        with np.load(folder / ARRAYS, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    except (OSError, ValueError) as exc:
        raise ArtifactError(f"{folder / ARRAYS}: cannot read: {exc}") from exc


def write_arrays(folder: Path, arrays: dict[str, NDArray[Any]]) -> None:
    np.savez_compressed(folder / ARRAYS, **arrays)  # type: ignore[arg-type]
