"""Tiny CLEF-style CSVs written into a test's tmp_path."""

from __future__ import annotations

import csv
from pathlib import Path

CHECKWORTHY = [
    "Unemployment fell to 3.7 percent in 2018.",
    "We spent $6 billion on the wall last year.",
    "Crime went up 20 percent in Chicago since 2015.",
    "The deficit doubled to $1.2 trillion under his watch.",
    "Our exports to China grew by 40 percent in 2017.",
    "He voted for the war in Iraq in 2002.",
]
OTHER = [
    "Thank you very much, everybody.",
    "Good evening and welcome.",
    "I think that is a great question.",
    "Let me just say something here.",
    "We love our country and our people.",
    "It is wonderful to be here tonight.",
    "Well, you know, we will see.",
    "That is absolutely right.",
]


def write_clef_csv(path: Path, debates: int = 3) -> Path:
    """``debates`` debates, each with every check-worthy and every other sentence."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line_number", "speaker", "text", "label", "file_name"])
        for d in range(debates):
            rows = [(t, 1) for t in CHECKWORTHY] + [(t, 0) for t in OTHER]
            rows = rows[d:] + rows[:d]  # a different order in each debate
            for line, (text, label) in enumerate(rows, start=1):
                writer.writerow([line, "SPEAKER", text, label, f"debate{d}.tsv"])
    return path
