"""The README stays true: its first commands are the set-up, and its examples run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_lines() -> list[str]:
    blocks = re.findall(r"```(?:bash|sh|console)\n(.*?)```", README, flags=re.S)
    return [
        line.strip().removeprefix("$ ")
        for block in blocks
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def test_first_commands_are_demo_then_test() -> None:
    lines = code_lines()
    assert lines[:2] == ["make demo", "make test"], lines[:2]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def make_example_inputs(folder: Path) -> None:
    """The files the README's examples name, made from the bundled sample."""
    from newsint.cli.demo import sample_text

    text = sample_text()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines()[1:])
    (folder / "article.html").write_text(
        f"<html><head><title>{text.splitlines()[0]}</title></head><body><article>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    (folder / "corpus").mkdir()
    for i in range(3):
        (folder / "corpus" / f"{i}.txt").write_text(text, encoding="utf-8")


def test_newsint_commands_in_readme_run(tmp_path: Path) -> None:
    # `newsint serve` runs until stopped; tests/web starts and checks it
    commands = [
        line
        for line in code_lines()
        if line.startswith("newsint ") and not line.startswith("newsint serve")
    ]
    assert commands, "the README shows no newsint command"
    make_example_inputs(tmp_path)
    for command in commands:
        args = shlex.split(command, comments=True)
        if any(a in ("|", ">") for a in args):
            args = args[: min(i for i, a in enumerate(args) if a in ("|", ">"))]
        result = subprocess.run(
            [sys.executable, "-m", "newsint", *args[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, (command, result.stderr)


def test_bench_figures_come_from_results_file() -> None:
    results = ROOT / "bench" / "results" / "throughput.json"
    assert results.exists(), "run `make bench` and commit bench/results/throughput.json"
    import json

    data = json.loads(results.read_text(encoding="utf-8"))
    ratio = f"{data['ratio_full_to_bare']:.2f}"
    assert ratio in README, f"README should quote the measured ratio {ratio}"
