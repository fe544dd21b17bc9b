"""The self-contained HTML analyst brief: safety, highlighting, tables."""

from __future__ import annotations

import dataclasses
import html
import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from newsint.export.html import collect_marks, highlight, render_html
from newsint.model import Analysis, Claim, Reliability

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "p", "span", "b", "a",
    "main", "section", "label", "input", "ul", "li", "article", "aside", "h1", "h2", "table",
    "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "footer", "script",
    # the offline SVG map
    "svg", "rect", "path", "g", "circle", "text", "polyline", "polygon",
}  # fmt: skip


class Page(HTMLParser):
    """Checks that tags balance; collects tags, the article text and the text of each item."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.article: list[str] = []
        self.item_text: dict[str, str] = defaultdict(str)
        self.segments: list[tuple[str, str, str]] = []  # (classes, data-ids, text)
        self._article_depth: int | None = None
        self._segment: dict[str, str | None] | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in VOID:
            return
        if self._article_depth is not None and tag == "span" and "data-ids" in dict(attrs):
            if self._segment is not None:
                self.errors.append("highlight span nested in a highlight span")
            self._segment = dict(attrs)
        self.stack.append(tag)
        if tag == "article" and dict(attrs).get("id") == "article":
            self._article_depth = len(self.stack)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if self._article_depth == len(self.stack):
            self._article_depth = None
        self.stack.pop()
        if tag == "span":
            self._segment = None

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        if self._article_depth is None:
            return
        self.article.append(data)
        if self._segment is not None:
            ids = self._segment.get("data-ids") or ""
            self.segments.append((self._segment.get("class") or "", ids, data))
            for item in ids.split():
                self.item_text[item] += data

    @property
    def article_text(self) -> str:
        return "".join(self.article)


def article_inner(source: str) -> str:
    match = re.search(r'<article id="article"[^>]*>(.*?)</article>', source, re.S)
    assert match, "no article container"
    return match.group(1)


@pytest.fixture
def page(sample: Analysis) -> Page:
    return Page(render_html(sample))


# --- structure and text ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sample", "hostile", "bare", "empty"])
def test_markup_is_well_formed(request: pytest.FixtureRequest, name: str) -> None:
    parsed = Page(render_html(request.getfixturevalue(name)))
    assert parsed.errors == []
    assert parsed.stack == []
    assert [t for t, _ in parsed.tags].count("article") == 1


@pytest.mark.parametrize("name", ["sample", "hostile", "bare", "empty"])
def test_article_text_round_trips_exactly(request: pytest.FixtureRequest, name: str) -> None:
    analysis: Analysis = request.getfixturevalue(name)
    source = render_html(analysis)
    assert Page(source).article_text == analysis.article.text
    stripped = re.sub(r"<[^>]*>", "", article_inner(source))
    assert html.unescape(stripped) == analysis.article.text


@pytest.mark.parametrize("name", ["sample", "hostile"])
def test_lxml_reads_the_same_text(request: pytest.FixtureRequest, name: str) -> None:
    lxml_html = pytest.importorskip("lxml.html")
    analysis: Analysis = request.getfixturevalue(name)
    doc = lxml_html.document_fromstring(render_html(analysis))
    assert doc.get_element_by_id("article").text_content() == analysis.article.text


def test_each_item_is_covered_by_its_segments(sample: Analysis, page: Page) -> None:
    """Overlapping items: the segments carrying an item's id spell exactly its text."""
    for kind, items in sample.spans().items():
        for i, item in enumerate(items):
            assert page.item_text[f"{kind}-{i}"] == item.text, (kind, i)
    assert page.item_text["hedges-0-0"] == "allegedly"
    assert page.item_text["routes-0"] == "from Kyiv to Lviv"
    assert page.item_text["signals-0-0"] == "officials say"
    assert page.item_text["sections-2"] == "Smoke rises over the depot"


def test_overlapping_techniques_share_segments(page: Page) -> None:
    both = [s for s in page.segments if {"techniques-0", "techniques-1"} <= set(s[1].split())]
    assert "".join(text for _, _, text in both) == "cowardly act"
    for classes, _, _ in both:
        assert {"hl", "k-techniques", "k-claims", "t-multi"} <= set(classes.split())
    nested = [s for s in page.segments if {"events-0", "places-1"} <= set(s[1].split())]
    assert [text for _, _, text in nested] == ["Kyiv"]
    assert {"k-events", "k-places", "k-entities"} <= set(nested[0][0].split())


def test_highlight_clips_and_skips_bad_offsets(hostile: Analysis) -> None:
    source = render_html(hostile)
    assert 'id="m-entities-1"' in source  # -5..3 clipped to 0..3
    assert 'id="m-entities-2"' not in source  # inverted
    assert 'id="m-entities-3"' in source  # clipped at the end
    assert 'id="m-entities-4"' not in source  # wholly outside
    marks = collect_marks(hostile)
    assert all(0 <= m.start < m.end <= len(hostile.article.text) for m in marks)
    assert highlight("", marks)[0] == ""


def test_hover_titles_say_what_the_item_is(page: Page, sample: Analysis) -> None:
    titles = [a.get("title") or "" for t, a in page.tags if t == "span" and "data-ids" in a]
    assert any("date: 2017-09-25 (day), inferred" in t for t in titles)
    assert any("place: Kyiv, UA (city) at 50.4501, 30.5234" in t for t in titles)
    assert any("technique: bandwagon (0.64)" in t for t in titles)
    assert any("hedge cue: allegedly" in t for t in titles)
    assert any("caption (kept out of the analysis)" in t for t in titles)


def test_captions_and_signoff_are_greyed(page: Page) -> None:
    greyed = {text for classes, _, text in page.segments if "sec-caption" in classes}
    assert greyed == {"Smoke rises over the depot"}
    assert any("sec-signoff" in classes for classes, _, _ in page.segments)


# --- controls, panels, tables ----------------------------------------------------------------


def test_toggles_switch_kinds_with_classes(page: Page) -> None:
    boxes = {a["data-kind"]: "checked" in a for t, a in page.tags if t == "input"}
    assert boxes == {
        "entities": True, "dates": True, "quantities": True, "places": True, "events": True,
        "claims": True, "hedges": True, "techniques": True, "routes": False, "signals": False,
    }  # fmt: skip
    article = next(a for t, a in page.tags if t == "article")
    classes = set((article.get("class") or "").split())
    assert {"show-dates", "show-techniques", "show-hedges"} <= classes
    assert "show-routes" not in classes
    assert any("classList.toggle" in s for s in page.scripts)


def test_technique_legend(page: Page) -> None:
    swatches = [(a.get("class") or "").split() for t, a in page.tags if t == "span"]
    assert [c for c in swatches if "tech" in c] == [
        ["swatch", "tech", "t-0"],
        ["swatch", "tech", "t-1"],
    ]


def test_tables_link_rows_to_highlights(page: Page) -> None:
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    links = [a["href"] for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#")]
    for key in ["events", "places", "routes", "dates", "quantities", "claims", "techniques"]:
        assert f"tbl-{key}" in ids
        assert f"#m-{key}-0" in links
    assert {"tbl-entities", "tbl-sections", "map", "reliability", "facts"} <= ids
    assert "#m-signals-0-0" in links
    for link in links:
        assert link[1:] in ids, link


def test_reliability_header_and_signals(sample: Analysis) -> None:
    source = render_html(sample)
    assert 'class="badge badge-mixed"' in source
    assert "anonymous_sourcing" in source
    assert "unnamed officials" in source
    for label in ("low", "high"):
        other = dataclasses.replace(sample, reliability=Reliability(0.5, label))  # type: ignore[arg-type]
        assert f'class="badge badge-{label}"' in render_html(other)


def test_not_assessed_and_no_tables(bare: Analysis) -> None:
    source = render_html(bare)
    assert 'class="badge badge-none"' in source
    assert "not assessed" in source
    assert "<table" not in source
    assert 'type="checkbox"' not in source
    assert "Nothing was highlighted" in source


def test_empty_analysis_renders(empty: Analysis) -> None:
    source = render_html(empty)
    assert "The article text is empty." in source
    assert "No mapped places" in source


def test_map_drawn_from_places_or_given(sample: Analysis, empty: Analysis) -> None:
    assert re.search(r'<section[^>]*id="map".*?No mapped places', render_html(empty), re.S)
    drawn = render_html(sample)
    assert re.search(r'<section[^>]*id="map".*?<svg class="newsint-map"', drawn, re.S)
    located = [p for p in sample.places if p.lat is not None]
    assert located and all(f"<title>{p.name} (" in drawn for p in located)
    source = render_html(sample, map_html='<div class="offline-map">MAP</div>')
    assert re.search(r'<section[^>]*id="map".*?<div class="offline-map">MAP</div>', source, re.S)
    assert "No mapped places" not in source


def test_long_cells_are_truncated(sample: Analysis) -> None:
    claim_text = "word " * 100
    text = sample.article.text + "\n" + claim_text
    start = len(sample.article.text) + 1
    analysis = dataclasses.replace(
        sample,
        article=dataclasses.replace(sample.article, text=text),
        claims=(Claim(claim_text, start, start + len(claim_text)),),
    )
    source = render_html(analysis)
    cell = re.search(r'<td class="ev">(word [^<]*)</td>', source)
    assert cell and cell.group(1).endswith("…") and len(cell.group(1)) <= 240


# --- safety ------------------------------------------------------------------------------------


def test_no_external_resources(sample: Analysis, page: Page) -> None:
    source = render_html(sample)
    url = sample.article.url
    assert url is not None
    assert not [a for _, a in page.tags if "src" in a]
    assert "link" not in {t for t, _ in page.tags}
    hrefs = {a["href"] for t, a in page.tags if "href" in a}
    assert {h for h in hrefs if not (h or "").startswith("#")} == {url}
    link = next(a for t, a in page.tags if a.get("href") == url)
    assert link["rel"] == "noopener noreferrer nofollow"
    rest = source.replace(str(escape(url)), "")
    assert "http://" not in rest and "https://" not in rest
    assert "url(" not in source and "@import" not in source


def test_hostile_content_is_never_live(hostile: Analysis) -> None:
    source = render_html(hostile)
    for raw in (
        "<script>alert",
        "<img src=x",
        "<svg onload",
        'javascript:alert(1)"',
        '<a href="java',
    ):
        assert raw not in source
    assert 'href="javascript:' not in source.lower()
    parsed = Page(source)
    assert parsed.errors == []
    assert {t for t, _ in parsed.tags} <= OUR_TAGS
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert "src" not in attrs
        assert (attrs.get("href") or "#").startswith("#"), attrs
    assert [t for t, _ in parsed.tags].count("script") == 1
    assert not any("alert" in s for s in parsed.scripts)
    assert "javascript:alert(1)</span>" in source  # the URL is shown, as text
    assert '<html lang="und">' in source


def test_hostile_text_shows_escaped(hostile: Analysis) -> None:
    source = render_html(hostile)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in source
    assert "text &amp;amp; entities." in source
