"""The "Key findings" section: a selection of the items the tables list, in both briefs."""

from __future__ import annotations

from dataclasses import replace

from newsint.export.findings import findings, reported_events, sourced_figures
from newsint.export.html import render_html
from newsint.export.markdown import render_markdown
from newsint.model import Analysis, Attribution, Claim

from .conftest import TEXT, find


def test_findings_of_the_sample(sample: Analysis) -> None:
    found = dict(findings(sample))
    assert found["What happened"].startswith("attack/drone · ≈12 people · Kyiv · 2017-09-25")
    assert found["Route"] == "Kyiv → Lviv"
    assert found["Hedges (1)"] == "“allegedly”"
    assert found["Propaganda techniques (2 spans)"] == "loaded_language ×1, bandwagon ×1"
    assert not sourced_figures(sample)  # the governor's claim states no number


def test_hypothetical_and_denied_events_are_not_what_happened(sample: Analysis) -> None:
    (event,) = sample.events
    for flags in ({"hypothetical": True}, {"negated": True}):
        changed = replace(sample, events=(replace(event, **flags),))
        assert reported_events(changed) == []
        assert "What happened" not in dict(findings(changed))


def test_a_number_credited_to_a_named_source_is_a_figure(sample: Analysis) -> None:
    text = "The ministry said the repairs would cost $1.5 million."
    cue = "The ministry said"
    named = Claim(text, *find(TEXT, text), Attribution("The ministry", cue, *find(TEXT, cue)))
    with_figure = replace(sample, claims=(*sample.claims, named))
    assert sourced_figures(with_figure) == [named]
    assert dict(findings(with_figure))["Figure credited to The ministry"].startswith("“The min")
    assert named.attribution is not None
    unnamed = replace(named, attribution=replace(named.attribution, source="unnamed officials"))
    assert sourced_figures(replace(sample, claims=(unnamed,))) == []
    no_number = replace(sample, claims=(named,), quantities=())
    assert sourced_figures(no_number) == []


def test_briefs_show_the_section_only_when_there_is_something(
    sample: Analysis, empty: Analysis
) -> None:
    md = render_markdown(sample)
    assert md.index("## Key findings") < md.index("## Events")
    assert "**Route:** Kyiv → Lviv" in md
    assert "Key findings" in render_html(sample)
    assert "Key findings" not in render_markdown(empty)
    assert "Key findings" not in render_html(empty)


def test_hostile_text_in_findings_is_escaped(hostile: Analysis) -> None:
    html = render_html(hostile)
    section = html[html.index('id="findings"') :] if 'id="findings"' in html else ""
    assert "<script>alert(1)</script>" not in section and "<img src=x" not in section
