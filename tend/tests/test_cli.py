"""The `tend` command: dispatch, clean configuration errors, and one-process serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tend import cli
from tend.serve import embedded_worker_default


def run_tend(
    args: list[str], env: dict[str, str], **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tend.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def sqlite_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEND_", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(TEND_DATA_DIR=str(data_dir), **extra)
    return env


def test_it_refuses_to_serve_in_production_without_secrets_in_one_clean_line(
    tmp_path: Path,
) -> None:
    result = run_tend(["serve"], sqlite_env(tmp_path, TEND_ENV="production"))

    assert result.returncode == 2
    assert result.stderr.startswith("tend: cannot start: TEND_ENV=production needs")
    assert "TEND_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_it_hands_manage_arguments_to_django_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "_manage", lambda argv: seen.append(list(argv)))

    assert cli.main(["manage", "migrate", "--plan", "--help"]) == 0
    assert cli.main(["demo", "--help"]) == 0
    assert cli.main(["export", "--user", "a@example.com", "--output", "a.json"]) == 0

    assert seen == [
        ["migrate", "--plan", "--help"],
        ["demo", "--help"],
        ["export_data", "--user", "a@example.com", "--output", "a.json"],
    ]


def test_export_needs_a_user(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export"])
    assert "--user" in capsys.readouterr().err


def test_the_embedded_worker_is_on_for_sqlite_unless_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sqlite, postgres = "django.db.backends.sqlite3", "django.db.backends.postgresql"
    monkeypatch.delenv("TEND_EMBEDDED_WORKER", raising=False)
    assert embedded_worker_default(sqlite) is True
    assert embedded_worker_default(postgres) is False

    monkeypatch.setenv("TEND_EMBEDDED_WORKER", "false")
    assert embedded_worker_default(sqlite) is False
    monkeypatch.setenv("TEND_EMBEDDED_WORKER", "true")
    assert embedded_worker_default(postgres) is True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_and_runs_the_worker_in_the_same_process(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    assert run_tend(["manage", "migrate", "--no-input", "-v0"], env).returncode == 0
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "tend.cli", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        status = 0
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as r:
                    status = r.status
                break
            except OSError:
                time.sleep(0.1)
        assert status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)

    text = log.read_text()
    assert f"[{server.pid}] [INFO] Embedded worker started" in text
    assert "Embedded worker stopped" in text
