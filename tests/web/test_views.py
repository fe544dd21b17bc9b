"""The article page's view model against the HTML brief it mirrors."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

from newsint.export import html
from newsint.store import open_store
from newsint.web import views

from .corpus import WebCorpus


def test_article_page_highlights_like_the_brief_and_keeps_the_text(corpus: WebCorpus) -> None:
    with open_store(corpus.path, create=False) as store:
        analyses = [store.get(i) for i in [*corpus.pipeline_ids, *corpus.report_ids]]
    for analysis in analyses:
        text = analysis.article.text
        page = views.article_context(analysis, [])
        assert page["article_html"] == html.highlight(text, html.collect_marks(analysis))[0]
        assert unescape(re.sub(r"<[^>]+>", "", str(page["article_html"]))) == text
        kinds = [t.key for t in page["toggles"]]
        assert kinds == sorted(kinds, key=views.PAGE_KINDS.index)


def test_located_places_are_distinct_and_have_coordinates(corpus: WebCorpus) -> None:
    with open_store(corpus.path, create=False) as store:
        analysis = store.get(corpus.sample_id)
    located = views.located_places(analysis)
    assert len(located) == len(set(located)) > 0
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for _, lat, lon in located)


def test_page_links_keep_first_last_and_neighbours() -> None:
    assert views.page_links(1, 1) == [1]
    assert views.page_links(5, 10) == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert views.page_links(2, 4) == [1, 2, 3, 4]


def test_bars_scale_to_the_largest() -> None:
    bars = views.bars([["a", 10], ["b", 5], ["c", 0]])
    assert [b.share for b in bars] == [100.0, 50.0, 0.0]
    assert views.bars([]) == []


def test_result_cache_bounds_count_and_weight(corpus: WebCorpus) -> None:
    from newsint.web.corpus import ResultCache

    cache = ResultCache(3, weight=len, budget=10)
    calls: list[str] = []

    def compute(key: str, size: int) -> list[int]:
        calls.append(key)
        return [0] * size

    with open_store(corpus.path, create=False) as store:
        assert cache.get(store, "a", lambda: compute("a", 4)) == [0] * 4
        cache.get(store, "a", lambda: compute("a", 4))
        assert calls == ["a"]  # cached
        cache.get(store, "b", lambda: compute("b", 4))
        cache.get(store, "c", lambda: compute("c", 4))  # 12 > 10: "a" goes
        cache.get(store, "a", lambda: compute("a", 4))
        assert calls == ["a", "b", "c", "a"]
        cache.get(store, "big", lambda: compute("big", 50))  # kept alone, over budget
        cache.get(store, "big", lambda: compute("big", 50))
        assert calls[-1] == "big" and calls.count("big") == 1


def test_article_page_opens_with_the_key_findings(client: TestClient, corpus: WebCorpus) -> None:
    page = client.get(f"/articles/{corpus.report_ids[0]}").text
    panel = page[page.index('id="findings"') : page.index('id="reliability"')]
    assert "Key findings" in panel and "What happened:" in panel and "Aleppo" in panel
    hostile = client.get(f"/articles/{corpus.hostile_id}").text
    assert "<script>alert" not in hostile
