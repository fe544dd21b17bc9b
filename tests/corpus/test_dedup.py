"""Duplicate groups, originals and republishers, the outlet graph as CSV and GEXF, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsint.cli.dedup import dedup_command
from newsint.corpus.dedup import (
    GEXF_NS,
    RepublicationEdge,
    find_duplicates,
    republication_edges,
    write_edges_csv,
    write_gexf,
    write_groups_csv,
)
from newsint.model import Analysis, Article, PipelineInfo

INFO = PipelineInfo("0.1.0", "en_test-0", ())
VOCABULARY = [f"word{i}" for i in range(5_000)]


def story(seed: int, length: int = 300) -> str:
    return " ".join(random.Random(seed).choices(VOCABULARY, k=length))


def lightly_edited(text: str, seed: int) -> str:
    words = text.split()
    rng = random.Random(seed)
    words[rng.randrange(len(words))] = "changed"
    return "Republished with permission.\n\n" + " ".join(words)


def article(
    aid: str, text: str, outlet: str | None, day: int | None, title: str | None = None
) -> Article:
    published = dt.date(2017, 9, day) if day is not None else None
    return Article(id=aid, text=text, outlet=outlet, published=published, title=title)


@pytest.fixture
def corpus() -> list[Article]:
    first, second = story(1), story(2)
    return [
        article("c", lightly_edited(first, 1), "copycat.net", 26),
        article("a", first, "origin.com", 25, title="Militants flee"),
        article("u", lightly_edited(first, 2), "unknown-date.org", None),
        article("s", story(3), "origin.com", 20),  # unrelated
        article("b", lightly_edited(first, 3), "origin.com", 27),  # self-republication
        article("y", second, "mirror.ru", 12),
        article("x", lightly_edited(second, 4), "origin.com", 12),  # same day: id breaks the tie
        article("z", lightly_edited(second, 5), "mirror.ru", 13),
    ]


def test_groups_members_original_and_republishers(corpus: list[Article]) -> None:
    result = find_duplicates(corpus)
    assert len(result.groups) == 2
    second, first = result.groups  # ordered by the original's date
    assert first.article_ids == ("a", "c", "b", "u")  # by date, undated last
    assert first.original.article_id == "a"
    assert first.earliest_published == dt.date(2017, 9, 25)
    assert first.outlets == ("origin.com", "copycat.net", "unknown-date.org")
    assert first.republished_by == ("copycat.net", "unknown-date.org")
    assert second.original.article_id == "x"  # same day as "y": the smaller id is first
    assert second.republished_by == ("mirror.ru",)
    assert all(0.8 <= m.similarity <= 1.0 for g in result.groups for m in g.members)
    assert first.members[0].similarity == 1.0


def test_analyses_and_articles_give_the_same_groups(corpus: list[Article]) -> None:
    analyses = [Analysis(article=a, pipeline=INFO) for a in corpus]
    assert find_duplicates(analyses).groups == find_duplicates(corpus).groups


def test_exact_check_reads_sequences_again_and_streams_once(corpus: list[Article]) -> None:
    from_list = find_duplicates(corpus, exact=True)
    from_stream = find_duplicates(iter(corpus), exact=True)
    assert from_list.groups == from_stream.groups
    assert all(p.exact is not None and p.exact >= 0.8 for p in from_list.pairs)


def test_exact_check_drops_pairs_below_the_threshold() -> None:
    base = story(9, 200)
    words = base.split()
    for i in range(20, 200, 40):  # 5 edits break 25 of 196 shingles: Jaccard 171/221
        words[i] = "edited"
    texts = [article("p", base, "a.com", 1), article("q", " ".join(words), "b.com", 2)]
    assert find_duplicates(texts, threshold=0.8, exact=True).groups == ()
    (pair,) = find_duplicates(texts, threshold=0.75, exact=True).pairs
    assert pair.exact == pytest.approx(171 / 221)


def test_identical_ids_from_two_outlets_are_two_members() -> None:
    text = story(4)
    result = find_duplicates([article("same", text, "a.com", 1), article("same", text, "b.com", 2)])
    (group,) = result.groups
    assert group.article_ids == ("same", "same")
    assert group.republished_by == ("b.com",)


def test_no_pairs_for_empty_or_unique_inputs() -> None:
    assert find_duplicates([]).groups == ()
    texts = [article(str(i), story(100 + i), "o.com", 1) for i in range(5)]
    texts.append(article("empty", " ", "o.com", 1))
    texts.append(article("empty2", "", "o.com", 1))
    assert find_duplicates(texts).groups == ()


def test_republication_edges_count_groups(corpus: list[Article]) -> None:
    edges = republication_edges(find_duplicates(corpus).groups)
    assert edges == [
        RepublicationEdge("origin.com", "copycat.net", 1),
        RepublicationEdge("origin.com", "mirror.ru", 1),
        RepublicationEdge("origin.com", "unknown-date.org", 1),
    ]
    more = [*corpus, article("c2", lightly_edited(story(2), 8), "copycat.net", 14)]
    weights = {
        (e.source, e.target): e.weight for e in republication_edges(find_duplicates(more).groups)
    }
    assert weights[("origin.com", "copycat.net")] == 2


def test_edges_csv() -> None:
    stream = io.StringIO()
    write_edges_csv([RepublicationEdge("a, inc", "b", 3)], stream)
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows == [["source", "target", "weight"], ["a, inc", "b", "3"]]


def test_gexf_parses_with_the_right_nodes_and_edges() -> None:
    edges = [
        RepublicationEdge("origin & <co>", 'quote "site"', 3),
        RepublicationEdge("origin & <co>", "ctrl\x01char", 1),
        RepublicationEdge('quote "site"', "ctrl\x01char", 2),
    ]
    stream = io.StringIO()
    write_gexf(edges, stream)
    root = ET.fromstring(stream.getvalue().encode("utf-8"))
    ns = {"g": GEXF_NS}
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("defaultedgetype") == "directed"
    labels = {n.get("id"): n.get("label") for n in root.iterfind("g:graph/g:nodes/g:node", ns)}
    assert sorted(labels.values()) == sorted(["origin & <co>", 'quote "site"', "ctrl\ufffdchar"])
    found = {
        (labels[e.get("source")], labels[e.get("target")], float(e.get("weight") or 0))
        for e in root.iterfind("g:graph/g:edges/g:edge", ns)
    }
    assert found == {
        ("origin & <co>", 'quote "site"', 3.0),
        ("origin & <co>", "ctrl\ufffdchar", 1.0),
        ('quote "site"', "ctrl\ufffdchar", 2.0),
    }
    edge_ids = [e.get("id") for e in root.iterfind("g:graph/g:edges/g:edge", ns)]
    assert len(set(edge_ids)) == 3


def test_groups_csv_has_one_row_per_member(corpus: list[Article]) -> None:
    stream = io.StringIO()
    write_groups_csv(find_duplicates(corpus).groups, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == 7
    originals = [r["article_id"] for r in rows if r["original"] == "1"]
    assert originals == ["x", "a"]


# --- the command ------------------------------------------------------------------------------


def cli_app() -> typer.Typer:
    app = typer.Typer()
    app.command()(dedup_command)
    return app


def write_jsonl(path: Path, articles: list[Article], extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    lines = [json.dumps(Analysis(article=a, pipeline=INFO).to_dict()) for a in articles]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def test_command_writes_groups_and_gexf(tmp_path: Path, corpus: list[Article]) -> None:
    data = write_jsonl(tmp_path / "analyses.jsonl", corpus, ['{"broken json', '{"no": "article"}'])
    graph = tmp_path / "graph.gexf"
    result = CliRunner().invoke(cli_app(), [str(data), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [g["original"]["article_id"] for g in document["groups"]] == ["x", "a"]
    assert document["groups"][1]["republished_by"] == ["copycat.net", "unknown-date.org"]
    assert "analyses.jsonl:9" in result.stderr and "analyses.jsonl:10" in result.stderr
    root = ET.parse(graph).getroot()
    assert len(root.findall(f".//{{{GEXF_NS}}}edge")) == 3


def test_command_csv_output_and_csv_graph(tmp_path: Path, corpus: list[Article]) -> None:
    data = write_jsonl(tmp_path / "analyses.jsonl", corpus)
    out, graph = tmp_path / "groups.csv", tmp_path / "edges.csv"
    args = [str(data), "--format", "csv", "--out", str(out), "--graph", str(graph), "-q"]
    result = CliRunner().invoke(cli_app(), args)
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 7
    assert graph.read_text(encoding="utf-8").splitlines()[0] == "source,target,weight"


def test_command_fails_when_nothing_is_readable(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli_app(), [str(bad), str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1
    assert "missing.jsonl" in result.stderr and "bad.jsonl:1" in result.stderr


def test_command_rejects_an_unknown_graph_suffix(tmp_path: Path, corpus: list[Article]) -> None:
    data = write_jsonl(tmp_path / "analyses.jsonl", corpus)
    result = CliRunner().invoke(cli_app(), [str(data), "--graph", str(tmp_path / "g.txt")])
    assert result.exit_code != 0
    assert "--graph-format" in str(result.exception)
