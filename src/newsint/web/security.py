"""What keeps the workbench safe to run: response headers, the access token, the Host check.

One ASGI middleware wraps every response, static files and errors included:

- a Content-Security-Policy that allows scripts, styles and images from the server only
  (no inline scripts: article text that slips into the page still cannot run);
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` and no framing;
- with a token, every request needs it: ``Authorization: Bearer T``, or ``?token=T`` once,
  which sets an HttpOnly, SameSite=Strict cookie (a keyed hash of the token, not the token);
  every comparison is ``hmac.compare_digest``, so timing does not leak the token;
- without a token the server is for this machine only: a ``Host`` header other than a
  loopback name is refused, so a web page cannot reach it through DNS rebinding;
- requests that change something (POST) must come from the workbench's own pages.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from ..errors import ConfigError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "newsint_session"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_SESSION_CONTEXT = b"newsint web session v1"


class InsecureBindError(ConfigError):
    """Serving on a non-loopback address without an access token."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) only accepts connections from this machine."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token (anyone could read the corpus)."""
    if token is not None and not token.strip():
        raise InsecureBindError("--token must not be empty")
    if not is_loopback(host) and token is None:
        raise InsecureBindError(
            f"--host {host} accepts connections from other machines: give --token "
            "(then every request needs it), or leave --host at 127.0.0.1"
        )


def content_security_policy(tiles_url: str | None = None) -> str:
    """The CSP; an online tile server's origin is added to ``img-src`` only when one is set."""
    if not tiles_url:
        return CSP
    parts = urlsplit(tiles_url)
    if parts.scheme != "https" or not parts.hostname or any(c in tiles_url for c in " ;'\","):
        raise ConfigError(f"--tiles must be an https:// URL template, not {tiles_url!r}")
    origin = f"https://{parts.netloc.replace('{s}.', '*.')}"
    return CSP.replace("img-src 'self' data:", f"img-src 'self' data: {origin}")


def session_value(token: str) -> str:
    """The cookie value for ``token``: a keyed hash, so the cookie never holds the token."""
    return hmac.new(token.encode("utf-8"), _SESSION_CONTEXT, hashlib.sha256).hexdigest()


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _host_name(host_header: str) -> str:
    """``127.0.0.1:8000`` -> ``127.0.0.1``; ``[::1]:80`` -> ``[::1]``."""
    if host_header.startswith("["):
        return host_header.split("]")[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class SecurityMiddleware:
    """Headers on every response; token, Host and same-origin checks before the app runs."""

    def __init__(self, app: ASGIApp, *, token: str | None = None, csp: str = CSP) -> None:
        self.app = app
        self.token = token
        self.session = session_value(token) if token else None
        self.headers = [
            (b"content-security-policy", csp.encode("latin-1")),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra: list[tuple[bytes, bytes]] = []

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"server"]
                message["headers"] = headers + self.headers + extra
            await send(message)

        refusal = self._refusal(scope, extra)
        if refusal is not None:
            status, text, more = refusal
            await _plain(send_with_headers, status, text, more)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(
        self, scope: Scope, extra: list[tuple[bytes, bytes]]
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """(status, message, headers) when the request must not reach the app."""
        host = _header(scope, b"host") or ""
        if self.token is None and _host_name(host).lower() not in LOOPBACK_NAMES:
            return 421, "this workbench only answers requests for localhost", []
        if self.token is not None:
            verdict = self._authenticate(scope, extra)
            if verdict is not None:
                return verdict
        if scope["method"] in UNSAFE_METHODS and not _same_origin(scope, host):
            return 403, "cross-site request refused", []
        return None

    def _authenticate(
        self, scope: Scope, extra: list[tuple[bytes, bytes]]
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        assert self.token is not None and self.session is not None
        auth = _header(scope, b"authorization") or ""
        if auth[:7].lower() == "bearer " and _equal(auth[7:].strip(), self.token):
            return None
        cookie = SimpleCookie()
        try:
            cookie.load(_header(scope, b"cookie") or "")
        except CookieError:  # a malformed cookie header is just no cookie
            cookie = SimpleCookie()
        if COOKIE in cookie and _equal(cookie[COOKIE].value, self.session):
            return None
        query = parse_qsl(bytes(scope.get("query_string", b"")).decode("latin-1"))
        given = [value for key, value in query if key == "token"]
        if given and _equal(given[-1], self.token):
            extra.append((b"set-cookie", self._cookie(scope)))
            if scope["method"] == "GET" and "text/html" in (_header(scope, b"accept") or ""):
                rest = urlencode([(k, v) for k, v in query if k != "token"])
                location = _local_path(scope["path"]) + (f"?{rest}" if rest else "")
                return 303, "signed in", [(b"location", location.encode("utf-8"))]
            return None
        return 401, "this workbench needs its access token", [(b"www-authenticate", b"Bearer")]

    def _cookie(self, scope: Scope) -> bytes:
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        value = f"{COOKIE}={self.session}; Path=/; HttpOnly; SameSite=Strict{secure}"
        return value.encode("latin-1")


def _equal(given: str, expected: str) -> bool:
    """Constant-time comparison (bytes, so any text compares without error)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _local_path(path: str) -> str:
    """``path`` as a same-site redirect target ("//evil.example" would leave the site)."""
    quoted = quote(path, safe="/-._~")
    return "/" + quoted.lstrip("/\\")


def _same_origin(scope: Scope, host: str) -> bool:
    """A browser names the page that sent the request; it must be one of ours."""
    site = _header(scope, b"sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = _header(scope, b"origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == host.lower()


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = (text + "\n").encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"cache-control", b"no-store"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


__all__ = [
    "COOKIE",
    "CSP",
    "InsecureBindError",
    "SecurityMiddleware",
    "check_bind",
    "content_security_policy",
    "is_loopback",
    "session_value",
]
