"""A tiny synthetic PTC-style corpus written to a folder, with exact gold offsets."""

from __future__ import annotations

from pathlib import Path

SENTENCES = (
    ("The {evil regime} destroyed the town again.", "Loaded_Language"),
    ("Officials met on Monday to discuss the budget.", None),
    ("{How can anyone believe these people}?", "Doubt"),
    ("Rain is expected in the north later this week.", None),
    ("{Stop the invasion now}!", "Slogans"),
    ("The report was published by the ministry.", None),
    ("These {thugs} and {criminals} rule the streets.", "Name_Calling,Labeling"),
)


def article_text(index: int) -> tuple[str, list[tuple[str, int, int]]]:
    """Text of article ``index`` and its (technique, start, end) gold spans."""
    lines = [f"Synthetic headline number {index}", ""]
    spans: list[tuple[str, int, int]] = []
    offset = len("\n".join(lines)) + 1
    order = SENTENCES[index % 3 :] + SENTENCES[: index % 3]
    for template, technique in order:
        plain = ""
        rest = template
        while "{" in rest:
            before, _, after = rest.partition("{")
            inner, _, rest = after.partition("}")
            plain += before
            if technique is not None:
                start = offset + len(plain)
                spans.append((technique, start, start + len(inner)))
            plain += inner
        plain += rest
        lines.append(plain)
        offset += len(plain) + 1
    return "\n".join(lines) + "\n", spans


def write_corpus(root: Path, split: str, ids: range) -> Path:
    """``<split>-articles/`` and the SI and TC label files of the articles ``ids``."""
    folder = root / f"{split}-articles"
    folder.mkdir(parents=True, exist_ok=True)
    tc_lines, si_lines = [], []
    for index in ids:
        text, spans = article_text(index)
        (folder / f"article{1000 + index}.txt").write_text(text, encoding="utf-8")
        for technique, start, end in spans:
            assert text[start:end].strip() == text[start:end]
            tc_lines.append(f"{1000 + index}\t{technique}\t{start}\t{end}\n")
            si_lines.append(f"{1000 + index}\t{start}\t{end}\n")
    (root / f"{split}-task-flc-tc.labels").write_text("".join(tc_lines), encoding="utf-8")
    (root / f"{split}-task-si.labels").write_text("".join(si_lines), encoding="utf-8")
    return root
