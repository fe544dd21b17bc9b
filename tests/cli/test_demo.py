from __future__ import annotations

from pathlib import Path


def test_demo_prints_brief_and_writes_html(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "demo.html"
    result = cli("demo", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Frontier Ledger" in result.stdout
    assert "2019-03-14" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "Daniel Reyes" in html and "Synthetic sample" in html
    assert "<script src=" not in html and "https://" not in html
