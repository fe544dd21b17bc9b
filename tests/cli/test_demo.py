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


def test_demo_of_a_given_article(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(
        "Arrests in Samsun\n\nOn September 25, police detained 12 people in Samsun, officials "
        "said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "a.html"
    result = cli("demo", str(article), "--published", "2017-09-28", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Samsun" in result.stdout and "2017-09-25" in result.stdout
    assert "Frontier Ledger" not in result.stdout
    assert "Arrests in Samsun" in out.read_text(encoding="utf-8")
    missing = cli("demo", str(tmp_path / "nope.txt"), "--out", str(out))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr
