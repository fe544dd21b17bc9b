"""The JSON API, through FastAPI's test client, against answers computed from the store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from newsint.store import SearchQuery, open_store
from newsint.store.export import ACLED_COLUMNS

from .corpus import WebCorpus


def stored_ids(corpus: WebCorpus, query: SearchQuery) -> set[str]:
    with open_store(corpus.path, create=False) as store:
        return {hit.article_id for hit in store.search(query)}


def test_articles_pages_through_every_match(client: TestClient, corpus: WebCorpus) -> None:
    seen: list[str] = []
    page = 1
    while True:
        body = client.get("/api/articles", params={"per_page": 2, "page": page}).json()
        seen += [a["id"] for a in body["articles"]]
        if page >= body["pages"]:
            break
        page += 1
    assert body["total"] == len(seen) == len(set(seen))
    assert set(seen) == stored_ids(corpus, SearchQuery(limit=None))
    published = [
        a["published"] for a in client.get("/api/articles?per_page=100").json()["articles"]
    ]
    assert published == sorted(published, reverse=True)


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"q": "smuggling"}, SearchQuery(text="smuggling", limit=None)),
        ({"q": '"border near Aleppo"'}, SearchQuery(text='"border near Aleppo"', limit=None)),
        ({"outlet": "outlet a"}, SearchQuery(outlet="outlet a", limit=None)),
        ({"country": "sy"}, SearchQuery(country="SY", limit=None)),
        ({"near": "36.2,37.16", "km": "5"}, None),
        ({"event_type": "assault"}, SearchQuery(event_type="assault", limit=None)),
        ({"technique": "Loaded_Language"}, SearchQuery(technique="Loaded_Language", limit=None)),
        ({"reliability": "mixed"}, SearchQuery(reliability="mixed", limit=None)),
        ({"since": "2019-03-05", "until": "2019-03-21"}, None),
    ],
)
def test_articles_filters_match_the_store(
    client: TestClient, corpus: WebCorpus, params: dict[str, str], query: SearchQuery | None
) -> None:
    if query is None:
        from newsint.web.filters import Filters

        query = Filters(**params).query()
    body = client.get("/api/articles", params={**params, "per_page": 100}).json()
    expected = stored_ids(corpus, query)
    assert {a["id"] for a in body["articles"]} == expected
    assert body["total"] == len(expected)


def test_search_hits_mark_the_matched_words(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "smuggling"}).json()
    assert body["articles"]
    for hit in body["articles"]:
        assert [m.lower() for m in hit["snippet_matches"]] == ["smuggling"] * len(
            hit["snippet_matches"]
        )


@pytest.mark.parametrize(
    ("params", "word"),
    [
        ({"since": "yesterday"}, "since"),
        ({"near": "north"}, "near"),
        ({"near": "36,37", "km": "-4"}, "km"),
        ({"reliability": "great"}, "reliability"),
        ({"since": "2020-01-02", "until": "2020-01-01"}, "since"),
    ],
)
def test_bad_filters_are_400_with_the_reason(
    client: TestClient, params: dict[str, str], word: str
) -> None:
    response = client.get("/api/articles", params=params)
    assert response.status_code == 400
    assert word in response.json()["error"]
    page = client.get("/articles", params=params)
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]


def test_article_is_the_full_analysis(client: TestClient, corpus: WebCorpus) -> None:
    with open_store(corpus.path, create=False) as store:
        expected = store.get(corpus.sample_id).to_dict()
    assert client.get(f"/api/articles/{corpus.sample_id}").json() == expected
    missing = client.get("/api/articles/0000000000000000")
    assert missing.status_code == 404 and "error" in missing.json()
    assert client.get("/articles/0000000000000000").status_code == 404


def test_duplicates_and_corroboration(client: TestClient, corpus: WebCorpus) -> None:
    group = client.get(f"/api/articles/{corpus.copy_id}/duplicates").json()["group"]
    assert group["original"]["article_id"] == corpus.sample_id
    assert group["republished_by"] == ["Mirror Daily"]
    alone = client.get(f"/api/articles/{corpus.report_ids[0]}/duplicates").json()
    assert alone["group"] is None
    first, second = corpus.report_ids
    events = client.get(f"/api/articles/{first}/corroboration").json()["events"]
    assert [[m["article_id"] for m in e["corroborated_by"]] for e in events] == [[second]]
    far = client.get(f"/api/articles/{first}/corroboration", params={"max_days": 0}).json()
    assert len(far["events"]) == 1  # same day
    assert client.get(f"/api/articles/{corpus.sample_id}/corroboration").json()["events"] == []


def test_stats_add_up(client: TestClient, corpus: WebCorpus) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(corpus.pipeline_ids) + 2
    assert sum(n for _, n in stats["by_reliability"]) == stats["articles"]
    assert sum(n for _, n in stats["by_month"]) + stats["undated"] == stats["articles"]
    with open_store(corpus.path, create=False) as store:
        types = dict(store.connection.execute("SELECT type, count(*) FROM events GROUP BY type"))
    assert dict(stats["by_event_type"]) == types and types["ASSAULT"] >= 2


def test_events_geojson_and_type_filter(client: TestClient, corpus: WebCorpus) -> None:
    collection = client.get("/api/events").json()
    assert collection["type"] == "FeatureCollection" and not collection["truncated"]
    ids = {f["properties"]["article_id"] for f in collection["features"]}
    assert set(corpus.report_ids) <= ids
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    none = client.get("/api/events", params={"type": "NO_SUCH_TYPE"}).json()
    assert none["features"] == []
    assault = client.get("/api/events", params={"type": "ASSAULT", "outlet": "Outlet A"}).json()
    assert [f["properties"]["article_id"] for f in assault["features"]] == [corpus.report_ids[0]]
    later = client.get("/api/events", params={"event_since": "2019-03-06", "outlet": "Outlet A"})
    assert later.json()["features"] == []  # the reported shelling happened on 2019-03-05
    one = client.get("/api/events", params={"limit": 1}).json()
    assert len(one["features"]) == 1 and one["truncated"]


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_export_formats_parse_and_follow_the_filters(
    client: TestClient, corpus: WebCorpus, fmt: str
) -> None:
    response = client.get("/api/export", params={"format": fmt, "outlet": "Outlet B"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    text = response.text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert tuple(rows[0]) == ACLED_COLUMNS
        # Outlet A reports the same shelling, same place and day: ACLED lists both sources
        assert [r["source"] for r in rows] == ["Outlet B; Outlet A"]
    elif fmt == "geojson":
        features = json.loads(text)["features"]
        assert {f["properties"]["article_id"] for f in features} == {corpus.report_ids[1]}
        backed = [f["properties"].get("corroborated_by") for f in features]
        assert any(b and b[0]["outlet"] == "Outlet A" for b in backed)
    else:
        lines = [json.loads(line) for line in text.splitlines()]
        assert [line["article"]["id"] for line in lines] == [corpus.report_ids[1]]
    whole = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(whole) == len(corpus.pipeline_ids) + 2
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


def test_outlet_graph_and_stories(client: TestClient, corpus: WebCorpus) -> None:
    graph = client.get("/api/outlets/graph").json()
    assert graph["edges"] == [{"source": "Frontier Ledger", "target": "Mirror Daily", "weight": 1}]
    assert graph["computed_over"] == graph["matching"] == len(corpus.pipeline_ids) + 2
    capped = client.get("/api/outlets/graph", params={"cap": 1}).json()
    assert capped["computed_over"] == 1 and capped["edges"] == []
    stories = client.get("/api/stories").json()["stories"]
    together = [set(m["article_id"] for m in s["members"]) for s in stories]
    assert {corpus.sample_id, corpus.copy_id} in together
    assert sum(len(s) for s in together) == len(corpus.pipeline_ids) + 2


def test_timeline_counts(client: TestClient, corpus: WebCorpus) -> None:
    body = client.get("/api/timeline").json()
    assert sum(m["count"] for m in body["articles"]) == len(corpus.pipeline_ids) + 2
    assert any(e["month"] == "2019-03" and e["type"] == "ASSAULT" for e in body["events"])
    narrowed = client.get("/api/timeline", params={"outlet": "Outlet A"}).json()
    assert narrowed["events"] == [{"month": "2019-03", "type": "ASSAULT", "count": 1}]


def test_country_outlines_for_the_offline_map(client: TestClient) -> None:
    response = client.get("/api/geo/countries")
    collection = response.json()
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Syria", "Turkey", "Iraq"} <= names and len(names) > 200


def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/articles/{article_id}/duplicates",
        "/api/stats",
        "/api/events",
        "/api/export",
        "/api/outlets/graph",
        "/api/stories",
    ):
        assert path in paths
    assert "/api/analyze" not in paths
    assert client.post("/api/analyze", json={"text": "x"}).status_code in (404, 405)
    assert client.get("/analyze").status_code == 404


def test_pages_answer(client: TestClient, corpus: WebCorpus) -> None:
    for path in ("/", "/articles", "/map", "/timeline", "/stories", "/network"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
    article = client.get(f"/articles/{corpus.sample_id}").text
    assert f'data-article-id="{corpus.sample_id}"' in article
    paged = client.get("/articles", params={"page": 9999}).text
    assert "No article matches" in paged


def test_analyze_api_stores_a_text(tmp_path, corpus: WebCorpus) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from newsint.web import create_app

    copy = tmp_path / "copy.db"
    shutil.copyfile(corpus.path, copy)
    app = create_app(copy, allow_analyze=True)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        text = "Protesters gathered in Aleppo on Friday, witnesses said."
        created = client.post("/api/analyze", json={"text": text, "outlet": "Witness"})
        assert created.status_code == 201
        again = client.post("/api/analyze", json={"text": text})
        assert again.status_code == 200 and again.json()["new"] is False
        article_id = created.json()["id"]
        assert client.get(f"/api/articles/{article_id}").json()["article"]["text"] == text
        assert client.post("/api/analyze", json={"text": ""}).status_code == 422
        assert client.post("/api/analyze", json={"text": "   "}).status_code == 400
        assert "/api/analyze" in client.get("/openapi.json").json()["paths"]
    with open_store(copy, create=False) as store:
        assert store.has(article_id)


def test_too_many_matches_are_listed_newest_first(
    client: TestClient, corpus: WebCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsint.web import queries

    ranked = client.get("/api/articles", params={"q": "Aleppo"}).json()
    assert ranked["ranked"] and not ranked["capped"] and ranked["total"] >= 3
    monkeypatch.setattr(queries, "RANK_CAP", 2)
    body = client.get("/api/articles", params={"q": "Aleppo", "per_page": 100}).json()
    assert body["capped"] and not body["ranked"] and body["total"] == 3
    with open_store(corpus.path, create=False) as store:
        order = {
            row[0]: row[1]
            for row in store.connection.execute("SELECT id, seq FROM articles").fetchall()
        }
    seqs = [order[a["id"]] for a in body["articles"]]
    assert seqs == sorted(seqs, reverse=True)
    assert {a["id"] for a in body["articles"]} == stored_ids(
        corpus, SearchQuery(text="Aleppo", limit=None)
    )
    page = client.get("/articles", params={"q": "Aleppo"}).text
    assert "More than" in page and "most recently added first" in page
