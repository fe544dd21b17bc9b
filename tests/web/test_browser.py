"""The workbench in a real browser: Playwright (PyPI) driving Debian's headless chromium.

The browser is found with ``shutil.which("chromium")``; when it is missing the setup
installs it with apt (as root), or the tests skip saying why. Screenshots of the main
pages go to ``test-artifacts/screenshots/`` (not committed).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsint.store import SearchQuery, open_store
from newsint.store.export import ACLED_COLUMNS

from .corpus import HOSTILE_IMG, HOSTILE_LINK, HOSTILE_SCRIPT, WebCorpus
from .server import LiveServer

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TRANSPARENT = "rgba(0, 0, 0, 0)"


def chromium_path() -> str:
    """Debian's chromium, installed with apt when missing and allowed; else skip."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "chromium"], check=False, capture_output=True)
        found = shutil.which("chromium")
        if found:
            return found
        pytest.skip("chromium is missing and 'apt-get install -y chromium' did not install it")
    pytest.skip("chromium is missing: install Debian's chromium (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    with playwright_api.sync_playwright() as driver:
        instance = driver.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


class PageProblems:
    """Dialogs, page errors and console errors (CSP violations are console errors)."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, PageProblems]]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    problems = PageProblems(tab)
    yield tab, problems
    context.close()


def shot(tab: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def located_places(corpus: WebCorpus, article_id: str) -> tuple[int, int]:
    """(distinct located places, routes with a line) of a stored article."""
    with open_store(corpus.path, create=False) as store:
        analysis = store.get(article_id)
    places = {
        (p.name, p.lat, p.lon) for p in analysis.places if p.lat is not None and p.lon is not None
    }
    routes = [r for r in analysis.routes if len(r.geometry.get("coordinates") or []) >= 2]
    return len(places), len(routes)


# --- article page -------------------------------------------------------------------------


BACKGROUNDS = """els => els.map(el => getComputedStyle(el).backgroundColor)"""


def test_highlight_toggles_hide_and_show_a_kind(
    live_server: LiveServer, corpus: WebCorpus, page: Any
) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/articles/{corpus.sample_id}")
    toggles = tab.locator("input[data-kind]")
    kinds = [toggles.nth(i).get_attribute("data-kind") for i in range(toggles.count())]
    assert {"places", "entities", "dates"} <= set(kinds)
    for kind in ("places", "entities", "dates"):
        for other in kinds:  # only this kind on, so no other colour hides the change
            tab.locator(f"input[data-kind={other}]").set_checked(other == kind)
        marks = tab.locator(f"#article-text .k-{kind}")
        assert marks.count() > 0
        shown = marks.evaluate_all(BACKGROUNDS)
        assert TRANSPARENT not in shown
        tab.locator(f"input[data-kind={kind}]").uncheck()
        assert set(marks.evaluate_all(BACKGROUNDS)) == {TRANSPARENT}
        tab.locator(f"input[data-kind={kind}]").check()
        assert marks.evaluate_all(BACKGROUNDS) == shown
    assert problems.errors == [] and problems.dialogs == []


def test_article_map_draws_one_marker_per_located_place(
    live_server: LiveServer, corpus: WebCorpus, page: Any
) -> None:
    tab, problems = page
    article = corpus.reference_id or corpus.sample_id
    places, routes = located_places(corpus, article)
    assert places > 0
    tab.goto(f"{live_server.url}/articles/{article}")
    tab.wait_for_selector("#article-map[data-markers]")
    markers = tab.locator("#article-map .leaflet-marker-icon.place-marker")
    assert markers.count() == places
    assert tab.locator("#article-map path.route-line").count() == routes
    tab.wait_for_selector("#article-map[data-outlines=loaded] canvas")
    tab.wait_for_selector("#duplicates[data-loaded]")
    tab.wait_for_selector("#corroboration[data-loaded]")
    shot(tab, "article")
    tab.locator("#map-panel").scroll_into_view_if_needed()
    shot(tab, "article-panels")
    assert problems.errors == []


def test_article_panels_show_duplicates_and_corroboration(
    live_server: LiveServer, corpus: WebCorpus, page: Any
) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/articles/{corpus.sample_id}")
    tab.wait_for_selector("#duplicates[data-loaded]")
    links = tab.locator("#duplicates a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert f"/articles/{corpus.copy_id}" in links
    first, second = corpus.report_ids
    tab.goto(f"{live_server.url}/articles/{first}")
    tab.wait_for_selector("#corroboration[data-loaded]")
    links = tab.locator("#corroboration a").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    assert links == [f"/articles/{second}"]
    shot(tab, "article-events")
    assert problems.errors == []


# --- list, search, filters, export --------------------------------------------------------


def result_ids(tab: Any) -> list[str]:
    hrefs = tab.locator(".hits .hit-title").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    return [h.removeprefix("/articles/") for h in hrefs]


def expected_ids(corpus: WebCorpus, query: SearchQuery) -> set[str]:
    with open_store(corpus.path, create=False) as store:
        return {hit.article_id for hit in store.search(query)}


def test_search_and_filters(live_server: LiveServer, corpus: WebCorpus, page: Any) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/articles")
    assert len(result_ids(tab)) == len(expected_ids(corpus, SearchQuery(limit=None)))
    tab.fill("input[name=q]", "smuggling")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**/articles?q=smuggling*")
    found = set(result_ids(tab))
    assert found == expected_ids(corpus, SearchQuery(text="smuggling", limit=None))
    assert corpus.sample_id in found and corpus.hostile_id not in found
    assert tab.locator(".snippet mark").count() >= 1
    tab.fill("input[name=q]", "")
    tab.select_option("select[name=event_type]", "ASSAULT")
    tab.click("form.filters button[type=submit]")
    assault = expected_ids(corpus, SearchQuery(event_type="ASSAULT", limit=None))
    assert set(result_ids(tab)) == assault and set(corpus.report_ids) <= assault
    tab.select_option("select[name=event_type]", "")
    tab.select_option("select[name=reliability]", "mixed")
    tab.click("form.filters button[type=submit]")
    mixed = expected_ids(corpus, SearchQuery(reliability="mixed", limit=None))
    assert set(result_ids(tab)) == mixed and mixed
    shot(tab, "articles")
    assert problems.errors == []


def test_export_buttons_download_the_filtered_corpus(
    live_server: LiveServer, corpus: WebCorpus, page: Any
) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/articles?event_type=ASSAULT&outlet=Outlet+B")
    downloads = {}
    for fmt in ("csv", "geojson", "jsonl"):
        with tab.expect_download() as info:
            tab.click(f"a[data-export={fmt}]")
        downloads[fmt] = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(downloads["csv"])))
    assert tuple(csv.DictReader(io.StringIO(downloads["csv"])).fieldnames or ()) == ACLED_COLUMNS
    # Outlet A reports the same shelling (same place and day): ACLED's source lists both
    assert [(r["source"], r["location"], r["event_date"]) for r in rows] == [
        ("Outlet B; Outlet A", "Aleppo", "2019-03-05")
    ]
    collection = json.loads(downloads["geojson"])
    assert collection["type"] == "FeatureCollection"
    ids = {f["properties"]["article_id"] for f in collection["features"]}
    assert ids == {corpus.report_ids[1]}
    lines = [json.loads(line) for line in downloads["jsonl"].splitlines()]
    assert [line["article"]["id"] for line in lines] == [corpus.report_ids[1]]
    assert problems.errors == []


# --- hostile content ----------------------------------------------------------------------

INERT_CHECK = """() => ({
  scripts: [...document.scripts].map(s => s.getAttribute('src') || 'INLINE:' + s.textContent),
  handlers: [...document.querySelectorAll('*')].flatMap(el =>
      [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
  hrefs: [...document.querySelectorAll('[href]')].map(el => el.getAttribute('href')),
  images: [...document.querySelectorAll('img')].map(img => img.getAttribute('src')),
})"""


def assert_inert(tab: Any) -> None:
    found = tab.evaluate(INERT_CHECK)
    assert all(src.startswith("/static/") for src in found["scripts"]), found["scripts"]
    assert found["handlers"] == []
    assert not [h for h in found["hrefs"] if h.strip().lower().startswith("javascript:")]
    assert "x" not in found["images"]


def test_hostile_article_renders_inert(
    live_server: LiveServer, corpus: WebCorpus, page: Any
) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/articles/{corpus.hostile_id}")
    tab.wait_for_selector("#duplicates[data-loaded]")
    text = tab.locator("#article-text").text_content() or ""
    for payload in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_LINK):
        assert payload in text  # shown as text, not markup
    assert HOSTILE_IMG in (tab.locator("#article-title").text_content() or "")
    assert_inert(tab)
    shot(tab, "hostile-article")
    tab.goto(f"{live_server.url}/articles?q=militants")
    assert corpus.hostile_id in result_ids(tab)
    assert_inert(tab)
    for path in ("/", "/stories", "/network", "/map"):
        tab.goto(live_server.url + path)
        tab.wait_for_load_state("networkidle")
        assert_inert(tab)
    assert problems.dialogs == []
    assert problems.errors == []


# --- the corpus pages ---------------------------------------------------------------------


def test_map_page_shows_every_located_event_and_filters_by_type(
    live_server: LiveServer, corpus: WebCorpus, page: Any
) -> None:
    tab, problems = page
    with open_store(corpus.path, create=False) as store:
        located = store.connection.execute(
            "SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"
        ).fetchone()[0]
        types = [r[0] for r in store.connection.execute("SELECT DISTINCT type FROM events")]
    tab.goto(f"{live_server.url}/map")
    tab.wait_for_selector("#events-map[data-events]")
    assert int(tab.get_attribute("#events-map", "data-events") or -1) == located
    assert tab.locator("#events-map .marker-cluster, #events-map .event-marker").count() >= 1
    shot(tab, "map")
    tab.check(f"input[name=type][value={types[0]}]")
    tab.fill("input[name=event_since]", "2030-01-01")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_selector("#events-map[data-events]")
    assert tab.get_attribute("#events-map", "data-events") == "0"
    assert problems.errors == []


def test_corpus_pages_render(live_server: LiveServer, corpus: WebCorpus, page: Any) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/")
    assert tab.locator(".tile-value").first.text_content() == str(len(corpus.pipeline_ids) + 2)
    shot(tab, "overview")
    tab.goto(f"{live_server.url}/timeline")
    tab.wait_for_selector("#events-chart svg rect.bar")
    shot(tab, "timeline")
    tab.goto(f"{live_server.url}/stories")
    tab.wait_for_selector("#stories .story")
    story_links = tab.locator("#stories .story a").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    assert f"/articles/{corpus.copy_id}" in story_links
    shot(tab, "stories")
    tab.goto(f"{live_server.url}/network")
    tab.wait_for_selector("#network-graph svg .edge", state="attached")
    edge = tab.locator("#network-graph .edge").first
    assert (edge.get_attribute("data-source"), edge.get_attribute("data-target")) == (
        "Frontier Ledger",
        "Mirror Daily",
    )
    shot(tab, "network")
    assert problems.errors == []


def test_analyse_a_text_stores_it_and_opens_it(analyze_server: LiveServer, page: Any) -> None:
    tab, problems = page
    tab.goto(f"{analyze_server.url}/analyze")
    shot(tab, "analyze")
    tab.fill("input[name=title]", "Convoy reaches Idlib")
    tab.fill(
        "textarea[name=text]", "A convoy of 30 trucks reached Idlib on Monday, officials said."
    )
    tab.click("#analyze-form button[type=submit]")
    tab.wait_for_url("**/articles/*", timeout=120_000)
    assert tab.locator("#article-title").text_content() == "Convoy reaches Idlib"
    assert problems.errors == []
