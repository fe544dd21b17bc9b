"""The Markdown analyst brief."""

from __future__ import annotations

import dataclasses
import io
import re
from dataclasses import replace

import pytest

from newsint.export.markdown import date_value, fmt_num, render_markdown, truncate
from newsint.model import (
    Analysis,
    Article,
    Claim,
    DateMention,
    Entity,
    PipelineInfo,
    Reliability,
    Signal,
)

PIPELINE = PipelineInfo("0.1.0", "test", ())
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def test_title_and_article_facts(sample: Analysis) -> None:
    md = render_markdown(sample)
    assert md.startswith("# Drone strike hits Kyiv depot, officials say\n")
    assert "- **Article ID:** a1b2c3" in md
    assert "- **Outlet:** Example News" in md
    assert "- **Author:** Jane Doe (byline: “Jane Doe is a correspondent at Example News" in md
    assert "- **Published:** 2017-09-27" in md
    assert "- **Source:** tests/sample.txt" in md
    assert "- **URL:** https://example.org/news/1?a=1&b=2" in md


def test_reliability_line_lists_the_weightiest_signals_first(sample: Analysis) -> None:
    md = render_markdown(sample)
    line = next(x for x in md.splitlines() if x.startswith("**Reliability:**"))
    assert line.startswith("**Reliability:** 0.42 — **mixed** · top reasons: ")
    assert "unnamed officials" in line
    assert "## Reliability signals (2)" in md
    assert "“officials say”" in md


def test_reasons_explain_the_label(sample: Analysis) -> None:
    signals = (
        Signal("outlet_reputation", 0.0, 5.0),
        Signal("byline", 1.0, 0.5),
        Signal("technique_density", 0.4, 2.0),
    )
    low = replace(sample, reliability=Reliability(0.2, "low", signals))
    line = next(x for x in render_markdown(low).splitlines() if x.startswith("**Reliability:**"))
    assert line.index("outlet_reputation") < line.index("technique_density")
    assert "byline" not in line.split("top reasons:")[1].split(";")[0]
    high = replace(sample, reliability=Reliability(0.9, "high", signals[1:]))
    line = next(x for x in render_markdown(high).splitlines() if x.startswith("**Reliability:**"))
    assert line.index("technique_density") < line.index("byline")


def test_not_assessed_and_no_empty_tables(bare: Analysis) -> None:
    md = render_markdown(bare)
    assert "**Reliability:** not assessed" in md
    assert "## " not in md
    assert "|" not in md


def test_empty_analysis_renders(empty: Analysis) -> None:
    md = render_markdown(empty)
    assert md.startswith("# Untitled article")
    assert "not assessed" in md


@pytest.mark.parametrize(
    "heading",
    [
        "## Events (1)",
        "## Places (4)",
        "## Routes (1)",
        "## Dates (1)",
        "## Quantities (2)",
        "## Claims (1)",
        "## Techniques (2)",
        "## Entities (2)",
        "## Sections kept out of the analysis (2)",
    ],
)
def test_item_tables_present(sample: Analysis, heading: str) -> None:
    md = render_markdown(sample)
    assert heading in md
    after = md.split(heading, 1)[1].lstrip("\n").splitlines()
    assert after[0].startswith("| # |")
    assert re.fullmatch(r"(\|---)+\|", after[1])


@pytest.mark.parametrize(
    "row",
    [
        "| 1 | attack/drone | drones | a fuel depot (energy) | ≈12 people | Kyiv, UA (city) "
        "| 2017-09-25 (day), inferred | — | 0.90 | drones struck a fuel depot in Kyiv |",
        "| 1 | Kyiv | UA | city | 50.4501, 30.5234 | 0.93 | Kyiv |",
        "| 4 | Lviv | UA | city | 49.8397, 24.0297 | 0.88 | Lviv |",
        "| 1 | Kyiv → Lviv | from Kyiv to Lviv |",
        "| 1 | Monday, 25 September | 2017-09-25 | day | inferred |",
        "| 1 | at least 12 people | ≈12 | people | — | people | — |",
        "| 2 | $1.5 million | 1,500,000 | money | USD | — | — |",
        "| the governor | allegedly | 0.81 |",
        "| 1 | loaded_language | a shameful and cowardly act | 0.88 |",
        "| 2 | bandwagon | cowardly act that everyone knows | 0.64 |",
        "| 1 | GPE | 3 | Kyiv ×2, Lviv |",
        "| 2 | ORG | 1 | The ministry |",
        "| 1 | caption | Smoke rises over the depot |",
        "| 2 | signoff | Jane Doe is a correspondent at Example News",
    ],
)
def test_table_values(sample: Analysis, row: str) -> None:
    assert row in render_markdown(sample)


def test_tables_before_footer_in_brief_order(sample: Analysis) -> None:
    md = render_markdown(sample)
    order = ["## Reliability", "## Events", "## Places", "## Routes", "## Dates"]
    order += ["## Quantities", "## Claims", "## Techniques", "## Entities", "## Sections"]
    positions = [md.index(h) for h in order]
    assert positions == sorted(positions)
    assert md.rstrip().endswith("components: sections, dates, places*")


def _cells_ok(md: str) -> None:
    """Every row of every table has as many cells as its header."""
    for block in md.split("\n\n"):
        rows = [r for r in block.splitlines() if r.startswith("|")]
        if rows:
            widths = {len(UNESCAPED_PIPE.findall(r)) for r in rows}
            assert len(widths) == 1, block


def test_pipes_and_newlines_are_escaped_in_cells() -> None:
    text = "Alpha|Beta\nGamma said a|b\r\nc."
    analysis = Analysis(
        article=Article(id="p", text=text),
        pipeline=PIPELINE,
        entities=(Entity("Alpha|Beta\nGamma", 0, 16, label="ORG|X"),),
        claims=(Claim("a|b\r\nc.", 22, len(text)),),
    )
    md = render_markdown(analysis)
    assert "Alpha\\|Beta Gamma" in md
    assert "ORG\\|X" in md
    assert "| a\\|b c. |" in md
    _cells_ok(md)


def test_long_evidence_is_truncated(sample: Analysis) -> None:
    claim_text = "word " * 80
    text = sample.article.text + "\n" + claim_text
    start = len(sample.article.text) + 1
    analysis = dataclasses.replace(
        sample,
        article=dataclasses.replace(sample.article, text=text),
        claims=(Claim(claim_text, start, start + len(claim_text)),),
    )
    md = render_markdown(analysis)
    row = next(r for r in md.splitlines() if r.startswith("| 1 | word"))
    cell = row.split(" | ")[1]
    assert cell.endswith("…")
    assert len(cell) <= 120
    assert truncate("x" * 500) == "x" * 119 + "…"
    assert truncate("short  text\n") == "short text"


def test_markdown_specials_are_escaped(hostile: Analysis) -> None:
    md = render_markdown(hostile)
    assert "<script>" not in md
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "**URL:** javascript:alert(1)" in md
    _cells_ok(md)


def test_dates_and_numbers_are_formatted() -> None:
    day = DateMention("x", 0, 1, value="2017-09-25", end_value=None, granularity="day")
    period = dataclasses.replace(day, value="2017-09-01", end_value="2017-09-30")
    since = dataclasses.replace(day, value="2015-01-01", end_value="2017-09-27", open_end=True)
    assert date_value(day) == "2017-09-25"
    assert date_value(period) == "2017-09-01 – 2017-09-30"
    assert date_value(since) == "2015-01-01 – 2017-09-27 (open end)"
    assert fmt_num(1_500_000) == "1,500,000"
    assert fmt_num(2.5) == "2.5"
    assert fmt_num(None) == "—"


def test_rich_displays_the_brief(sample: Analysis) -> None:
    console_mod = pytest.importorskip("rich.console")
    markdown_mod = pytest.importorskip("rich.markdown")
    out = io.StringIO()
    console = console_mod.Console(file=out, width=160, color_system=None)
    console.print(markdown_mod.Markdown(render_markdown(sample)))
    shown = out.getvalue()
    assert "Drone strike hits Kyiv depot" in shown
    assert "Kyiv → Lviv" in shown
