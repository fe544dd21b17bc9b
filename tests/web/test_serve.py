"""``newsint serve``: refuses unsafe or impossible set-ups, and serves when asked."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
from typer.testing import CliRunner

from newsint.cli.serve import serve_command
from newsint.store import StoreError
from newsint.web.security import CSP, InsecureBindError

from .corpus import WebCorpus

#: ``newsint serve`` as the lead registers it (main.py adds the same function)
SERVE_SCRIPT = (
    "import sys, typer; from newsint.cli.serve import serve_command; "
    "app = typer.Typer(); app.command('serve')(serve_command); app.command('x')(lambda: None); "
    "app(sys.argv[1:])"
)


def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("serve")(serve_command)
    app.command("noop")(lambda: None)
    return app


def test_refuses_a_public_address_without_a_token(corpus: WebCorpus) -> None:
    result = CliRunner().invoke(cli(), ["serve", "--db", str(corpus.path), "--host", "0.0.0.0"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InsecureBindError)
    assert "--token" in str(result.exception)


def test_refuses_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli(), ["serve", "--db", str(missing)])
    assert isinstance(result.exception, StoreError)
    assert "no such corpus database" in str(result.exception)
    assert not missing.exists()


def test_help_names_every_option() -> None:
    result = CliRunner().invoke(cli(), ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--port", "--host", "--token", "--allow-analyze", "--tiles"):
        assert option in result.output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serves_the_workbench_on_loopback(corpus: WebCorpus) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SERVE_SCRIPT,
            "serve",
            "--db",
            str(corpus.path),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        response = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert response is not None, proc.stdout.read().decode() if proc.stdout else ""
        assert response.status_code == 200 and "newsint workbench" in response.text
        assert response.headers["content-security-policy"] == CSP
        assert "server" not in response.headers
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    if proc.stdout is not None:
        assert f"http://127.0.0.1:{port}/" in proc.stdout.read().decode()
