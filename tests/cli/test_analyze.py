"""``newsint analyze`` end to end, in a new process, including hostile inputs."""

from __future__ import annotations

import json
from pathlib import Path

from newsint.schema import validate_analysis

from ..conftest import REFERENCE, shared_file

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_reference_article_json(cli) -> None:  # type: ignore[no-untyped-def]
    path = shared_file(REFERENCE)
    result = cli("analyze", str(path), "--published", "2017-09-28")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate_analysis(data)
    assert data["article"]["author"] == "Sophie Mangal"
    assert data["article"]["outlet"] == "Inside Syria Media Center"
    assert data["article"]["text"] == path.read_text(encoding="utf-8")
    assert {"2017-09-25", "2017-08-01", "2017-03-01"} <= {d["value"] for d in data["dates"]}
    assert "Traceback" not in result.stderr


def write_hostile_inputs(folder: Path) -> dict[str, Path]:
    files = {
        "empty": folder / "empty.txt",
        "blank": folder / "blank.txt",
        "png": folder / "picture.txt",
        "big": folder / "big.txt",
        "latin1": folder / "latin1.txt",
        "utf16": folder / "utf16.txt",
        "html": folder / "page.html",
        "jsonl": folder / "records.jsonl",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b"  \n\t\n ")
    files["png"].write_bytes(PNG)
    files["big"].write_bytes(b"Police detained 3 men in Ankara on Monday.\n" * 500_000)
    files["latin1"].write_bytes(
        "Les forces ont arrêté 4 personnes à Alep, a déclaré le ministère. Café São Paulo.".encode(
            "latin-1"
        )
    )
    files["utf16"].write_bytes(
        "Soldiers detained 9 people in Raqqa on May 2, 2018.".encode("utf-16")
    )
    files["html"].write_text(
        "<html><head><title>Raid in Idlib</title><script>alert('x')</script></head><body>"
        "<nav>Home | About</nav><article><h1>Raid in Idlib</h1><p>Rebels captured 12 soldiers "
        "near Idlib on June 4, 2019, a monitoring group said.</p><p>The group said the raid "
        "lasted three hours and that several buildings were destroyed in the fighting.</p>"
        "</article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    files["jsonl"].write_text(
        json.dumps({"text": "Police arrested 5 people in Homs on March 3, 2016."})
        + "\n"
        + "{this is not json\n"
        + json.dumps(
            {"text": "Troops killed 7 militants in Deir ez-Zor.", "published": "2018-02-01"}
        )
        + "\n",
        encoding="utf-8",
    )
    return files


def test_hostile_inputs_reported_and_rest_analysed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = write_hostile_inputs(tmp_path)
    missing = tmp_path / "missing.txt"
    result = cli("analyze", *map(str, files.values()), str(missing), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    for data in lines:
        validate_analysis(data)
    texts = [d["article"]["text"] for d in lines]
    assert len(lines) == 5, texts  # latin1, utf16, html, two good JSONL records
    assert any("arrêté 4 personnes à Alep" in t for t in texts)
    assert any(t.startswith("Soldiers detained 9 people") for t in texts)
    html_text = next(t for t in texts if "Idlib" in t)
    assert "alert" not in html_text and "Copyright" not in html_text
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for name in (
        "empty.txt",
        "blank.txt",
        "picture.txt",
        "big.txt",
        "records.jsonl:2",
        "missing.txt",
    ):
        assert sum(name in line for line in errors) == 1, (name, result.stderr)
    assert "PNG" in next(line for line in errors if "picture.txt" in line)
    assert "warning:" in result.stderr


def test_big_input_accepted_with_raised_limit(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.txt"
    path.write_bytes(b"Police detained 3 men in Ankara on Monday, officials said.\n" * 2_000)
    refused = cli("analyze", str(path), "--max-bytes", "1000")
    assert refused.returncode == 1
    assert "long.txt" in refused.stderr and "--max-bytes" in refused.stderr
    accepted = cli("analyze", str(path), "--max-bytes", "1000000", "--published", "2020-01-07")
    assert accepted.returncode == 0, accepted.stderr
    data = json.loads(accepted.stdout)
    assert len([q for q in data["quantities"] if q["kind"] == "people"]) == 2_000


def test_nothing_analysable_exits_1(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("analyze", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_stdin_and_formats(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes in Aleppo\nOn June 3, rebels killed 4 soldiers in Aleppo, the army said.\n"
    result = cli("analyze", "-", "--format", "md", "--published", "2016-06-05", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    assert "Clashes in Aleppo" in result.stdout and "2016-06-03" in result.stdout
    out = tmp_path / "brief.html"
    result = cli("analyze", "-", "--format", "html", "--out", str(out), stdin=text.encode())
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_folder_streams_jsonl_and_html_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"a{i}.txt").write_text(
            f"Police detained {i + 2} people in Mosul.", encoding="utf-8"
        )
    result = cli("analyze", str(docs), "--quiet")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    refused = cli("analyze", str(docs), "--format", "html")
    assert refused.returncode == 1 and "--out" in refused.stderr
    briefs = tmp_path / "briefs"
    result = cli("analyze", str(docs), "--format", "html", "--out", str(briefs))
    assert result.returncode == 0, result.stderr
    assert len(list(briefs.glob("*.html"))) == 3


def test_bad_option_values(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("analyze", "-", "--published", "yesterday", stdin=b"Some text here.")
    assert result.returncode == 1
    assert "published" in result.stderr and "Traceback" not in result.stderr


def test_help_for_every_command(cli) -> None:  # type: ignore[no-untyped-def]
    for command in ("analyze", "demo", "schema", "version"):
        result = cli(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_user_ratings_override_the_builtin_table(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = shared_file(REFERENCE)
    builtin = json.loads(cli("analyze", str(path)).stdout)
    assert builtin["reliability"]["label"] == "low"
    ratings = tmp_path / "ratings.csv"
    ratings.write_text(
        "domain,name,factuality,bias,notes,source\n"
        ",Inside Syria Media Center,high,,test override,unit test\n",
        encoding="utf-8",
    )
    result = cli("analyze", str(path), "--ratings", str(ratings))
    assert result.returncode == 0, result.stderr
    outlet = next(
        s
        for s in json.loads(result.stdout)["reliability"]["signals"]
        if s["name"] == "outlet_reputation"
    )
    assert outlet["value"] == 1.0
    broken = tmp_path / "broken.csv"
    broken.write_text("domain,name,factuality\nx.com,X,excellent\n", encoding="utf-8")
    result = cli("analyze", str(path), "--ratings", str(broken))
    assert result.returncode == 1 and "broken.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_demonyms_are_places_only_when_asked(cli) -> None:  # type: ignore[no-untyped-def]
    text = "Border clash\nSyrian troops shelled a village near Aleppo on Monday.\n"
    default = cli("analyze", "-", "--format", "json", stdin=text.encode())
    asked = cli("analyze", "-", "--format", "json", "--demonyms", stdin=text.encode())
    assert default.returncode == 0 and asked.returncode == 0, default.stderr + asked.stderr
    plain = {p["text"]: p for p in json.loads(default.stdout)["places"]}
    with_demonyms = {p["text"]: p for p in json.loads(asked.stdout)["places"]}
    assert "Aleppo" in plain and "Syrian" not in plain
    assert with_demonyms["Syrian"]["country_code"] == "SY"
    assert with_demonyms["Aleppo"]["country_code"] == "SY"
