"""Security of the workbench: headers, no inline scripts, static paths, Host and origin
checks, the access token, SQL built from parameters only, and a corpus it cannot write."""

from __future__ import annotations

import hmac
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsint.web import create_app
from newsint.web import security as web_security
from newsint.web.db import open_reader
from newsint.web.security import COOKIE, CSP, InsecureBindError, check_bind, is_loopback

from .corpus import WebCorpus
from .server import LiveServer, raw_get

TOKEN = "correct-horse-battery-staple"
PAGES = ("/", "/articles", "/map", "/timeline", "/stories", "/network")


def assert_security_headers(headers: dict[str, str] | object) -> None:
    get = headers.get  # type: ignore[attr-defined]
    assert get("content-security-policy") == CSP
    assert get("x-content-type-options") == "nosniff"
    assert get("referrer-policy") == "no-referrer"
    assert get("x-frame-options") == "DENY"


def test_every_response_carries_the_headers(client: TestClient, corpus: WebCorpus) -> None:
    for path in (*PAGES, f"/articles/{corpus.hostile_id}", "/api/stats", "/static/css/app.css",
                 "/nope", "/api/nope", "/static/nope.js", "/openapi.json"):  # fmt: skip
        assert_security_headers(client.get(path).headers)
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)


def test_pages_have_no_inline_script_style_or_handlers(
    client: TestClient, corpus: WebCorpus
) -> None:
    for path in (*PAGES, f"/articles/{corpus.hostile_id}", f"/articles/{corpus.sample_id}",
                 "/articles?q=militants"):  # fmt: skip
        html = client.get(path).text
        scripts = SCRIPT.findall(html)
        assert scripts, path
        for attributes, body in scripts:
            assert re.search(r'src="/static/js/|src="/static/vendor/', attributes), attributes
            assert body.strip() == ""
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.I), path
        assert not re.search(r"<[^>]+\sstyle\s*=", html, re.I), path
        assert "<style" not in html.lower()


def test_hostile_text_is_escaped_in_the_html(client: TestClient, corpus: WebCorpus) -> None:
    html = client.get(f"/articles/{corpus.hostile_id}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html.lower()


TRAVERSALS = (
    "/static/../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2E%2E/%2E%2E/etc/passwd",
    "/static/..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%5c..%5cetc%5cpasswd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/css/../../../../etc/passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/..;/..;/etc/passwd",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/static/../app.py",
    "/static/..%2fapp.py",
)


@pytest.mark.parametrize("target", TRAVERSALS)
def test_no_path_traversal_out_of_static(live_server: LiveServer, target: str) -> None:
    status, body = raw_get(live_server, target)
    assert status == 404, (target, status)
    assert b"root:" not in body and b"create_app" not in body


def test_static_files_are_served(live_server: LiveServer) -> None:
    status, body = raw_get(live_server, "/static/vendor/leaflet/leaflet.js")
    assert status == 200 and b"Leaflet" in body[:2000]


def test_requests_for_other_hosts_are_refused_without_a_token(live_server: LiveServer) -> None:
    assert raw_get(live_server, "/", host="evil.example")[0] == 421
    assert raw_get(live_server, "/api/stats", host=f"attacker.test:{live_server.port}")[0] == 421
    assert raw_get(live_server, "/", host=f"localhost:{live_server.port}")[0] == 200


@pytest.fixture
def analyze_client(corpus: WebCorpus, tmp_path: Path) -> TestClient:
    copy = tmp_path / "copy.db"
    shutil.copyfile(corpus.path, copy)
    return TestClient(create_app(copy, allow_analyze=True), base_url="http://127.0.0.1")


def test_cross_site_posts_are_refused(analyze_client: TestClient) -> None:
    body = {"text": "Talks resumed in Geneva on Monday."}
    with analyze_client as client:
        evil = client.post("/api/analyze", json=body, headers={"Origin": "https://evil.example"})
        assert evil.status_code == 403
        fetch = client.post("/api/analyze", json=body, headers={"Sec-Fetch-Site": "cross-site"})
        assert fetch.status_code == 403
        same = client.post("/api/analyze", json=body, headers={"Origin": "http://127.0.0.1"})
        assert same.status_code == 201


# --- the token ----------------------------------------------------------------------------


@pytest.fixture
def token_client(corpus: WebCorpus) -> TestClient:
    app = create_app(corpus.path, token=TOKEN)
    return TestClient(app, base_url="http://192.0.2.10:8765", follow_redirects=False)


def test_token_is_required_everywhere(token_client: TestClient) -> None:
    with token_client as client:
        for path in ("/", "/api/stats", "/static/css/app.css", "/openapi.json", "/nope"):
            response = client.get(path)
            assert response.status_code == 401, path
            assert response.headers["www-authenticate"] == "Bearer"
            assert_security_headers(response.headers)
        for wrong in ("", "x", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "é" * 10):
            auth = f"Bearer {wrong}".encode()
            response = client.get("/api/stats", headers={"Authorization": auth})  # type: ignore[dict-item]
            assert response.status_code == 401
        ok = client.get("/api/stats", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200  # any Host is fine once the token is given


def test_token_in_the_url_once_sets_a_cookie(token_client: TestClient) -> None:
    with token_client as client:
        response = client.get(f"/articles?q=aleppo&token={TOKEN}", headers={"Accept": "text/html"})
        assert response.status_code == 303
        assert response.headers["location"] == "/articles?q=aleppo"
        cookie = response.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
        assert client.cookies.get(COOKIE)
        assert client.get("/articles?q=aleppo").status_code == 200
        assert client.get("/static/js/common.js").status_code == 200
        client.cookies.clear()
        client.cookies.set(COOKIE, "forged")
        assert client.get("/").status_code == 401


def test_token_in_an_api_url_answers_directly(token_client: TestClient) -> None:
    with token_client as client:
        assert client.get(f"/api/stats?token={TOKEN}").status_code == 200
        assert client.cookies.get(COOKIE)  # later requests need no token
        assert client.get("/api/stats").status_code == 200
        client.cookies.clear()
        assert client.get("/api/stats?token=wrong").status_code == 401


def test_sign_in_redirect_stays_on_this_site(token_client: TestClient) -> None:
    with token_client as client:
        response = client.get(f"//evil.example/?token={TOKEN}", headers={"Accept": "text/html"})
        location = response.headers.get("location", "/")
        assert location.startswith("/") and not location.startswith("//")


def test_token_is_compared_in_constant_time(
    token_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(web_security.hmac, "compare_digest", spy)
    with token_client as client:
        client.get("/api/stats", headers={"Authorization": "Bearer guess"})
    assert (b"guess", TOKEN.encode()) in calls


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_needs_no_token(host: str) -> None:
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org", ""])
def test_other_addresses_need_a_token(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(InsecureBindError, match="--token"):
        check_bind(host, None)
    check_bind(host, TOKEN)
    with pytest.raises(InsecureBindError):
        check_bind(host, "  ")


# --- SQL and the read-only corpus ---------------------------------------------------------

INJECTIONS = (
    "x' OR '1'='1",
    'x" OR "1"="1',
    "'; DROP TABLE articles; --",
    "1) OR 1=1 --",
    "ASSAULT' --",
    "%",
    "*",
    "NEAR(militants border)",
    "title:aleppo OR text:*",
    '"unbalanced',
    "\x00",
)


@pytest.mark.parametrize("value", INJECTIONS)
def test_filter_values_are_data_not_sql(client: TestClient, corpus: WebCorpus, value: str) -> None:
    for name in ("outlet", "event_type", "technique", "country"):
        body = client.get("/api/articles", params={name: value}).json()
        assert body["total"] == 0, (name, value)
    response = client.get("/api/articles", params={"q": value})
    assert response.status_code == 200
    assert client.get("/api/stats").json()["articles"] == len(corpus.pipeline_ids) + 2


def test_the_workers_cannot_write_the_corpus(corpus: WebCorpus) -> None:
    store = open_reader(corpus.path)
    try:
        for statement in (
            "DELETE FROM articles",
            "UPDATE articles SET title = 'x'",
            "INSERT INTO meta (key, value) VALUES ('k', 'v')",
            "DROP TABLE sources",
            "CREATE TABLE evil (x)",
            "PRAGMA journal_mode = DELETE",
            f"ATTACH DATABASE '{corpus.path}.evil' AS evil",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
                store.connection.execute(statement)
        assert store.count() == len(corpus.pipeline_ids) + 2
    finally:
        store.close()


HOSTILE_REQUESTS = (
    "/articles/%00",
    "/articles/'%20OR%201=1",
    "/api/articles/%E2%80%AE",
    "/api/articles/" + "a" * 300,
    "/articles?page=0",
    "/articles?page=-1",
    "/articles?page=abc",
    "/api/articles?per_page=100000",
    "/articles?q=" + "x" * 600,
    "/api/events?limit=0",
    "/api/events?event_since=2030-01-01&event_until=2020-01-01",
    "/api/export?format=csv&since=tomorrow",
    "/api/articles/x/corroboration?max_km=-1",
    "/api/stories?cap=0",
)


@pytest.mark.parametrize("target", HOSTILE_REQUESTS)
def test_hostile_requests_get_a_client_error_not_a_crash(client: TestClient, target: str) -> None:
    response = client.get(target)
    assert 400 <= response.status_code < 500, (target, response.status_code)
    assert_security_headers(response.headers)


@pytest.mark.parametrize(
    "words", ["שלום \u202e", "💥 AND NOT", "ALL CAPS TEXT", "é" * 400, "a\tb\nc", "((("]
)
def test_odd_searches_are_answered(client: TestClient, words: str) -> None:
    assert client.get("/articles", params={"q": words}).status_code == 200
    assert client.get("/api/articles", params={"q": words}).json()["total"] >= 0


def test_online_tiles_are_off_unless_asked(client: TestClient, corpus: WebCorpus) -> None:
    from newsint.errors import ConfigError
    from newsint.web.security import content_security_policy

    assert 'data-tiles=""' in client.get("/map").text
    tiles = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    csp = content_security_policy(tiles)
    assert "img-src 'self' data: https://*.tile.openstreetmap.org;" in csp
    assert "script-src 'self';" in csp
    for bad in ("http://tiles.example/{z}/{x}/{y}.png", "https://x.example/'; script-src *"):
        with pytest.raises(ConfigError):
            content_security_policy(bad)
    app = create_app(corpus.path, tiles_url=tiles)
    with TestClient(app, base_url="http://127.0.0.1") as tiled:
        page = tiled.get("/map")
        assert page.headers["content-security-policy"] == csp
        assert f'data-tiles="{tiles}"' in page.text
