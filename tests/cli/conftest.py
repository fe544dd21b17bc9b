from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``newsint`` as a user would: a new process, real exit code, stdout and stderr."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_cli
