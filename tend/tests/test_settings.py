"""Production settings: refuse to start without secrets, and pass Django's deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

import tend.settings as base_settings

ROOT = Path(__file__).resolve().parents[2]


def _manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # DATABASE_URL too: `make test` runs the suite a second time against PostgreSQL.
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEND_", "DJANGO_")) and k != "DATABASE_URL"
    }
    clean.update(TEND_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="tend.settings", **env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=clean,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def _production_env() -> dict[str, str]:
    return {
        "TEND_ENV": "production",
        "TEND_SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-for-tests-only-0123",
        "TEND_ALLOWED_HOSTS": "tend.example.org",
        "TEND_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }


def test_the_deploy_check_is_clean_in_production_with_secrets(tmp_path: Path) -> None:
    result = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_each_secret(tmp_path: Path) -> None:
    for missing in ("TEND_SECRET_KEY", "TEND_ALLOWED_HOSTS", "TEND_ENCRYPTION_KEYS"):
        env = _production_env()
        del env[missing]
        result = _manage(tmp_path, "check", **env)
        assert result.returncode != 0
        assert missing in result.stderr


def test_production_refuses_a_short_secret_key(tmp_path: Path) -> None:
    env = {**_production_env(), "TEND_SECRET_KEY": "too-short"}
    result = _manage(tmp_path, "check", **env)
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_development_keeps_its_secrets_in_the_data_directory(tmp_path: Path) -> None:
    result = _manage(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret.key").exists()
    assert (tmp_path / "encryption.key").exists()
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path: Path) -> None:
    result = _manage(
        tmp_path,
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["wal", "IMMEDIATE"]


def test_passwords_are_hashed_with_argon2_outside_the_test_suite() -> None:
    assert base_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
