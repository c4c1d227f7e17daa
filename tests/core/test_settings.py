"""Settings come from the environment, with safe defaults and a clean production check."""

import subprocess
import sys

from tests.helpers import ROOT


def run_check(env, *args):
    base = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "MASTHEAD_VAR_DIR": "/tmp/masthead-settings-test"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_check_deploy():
    result = run_check(
        {
            "MASTHEAD_ENV": "production",
            "SECRET_KEY": "x" * 30 + "-a-long-random-production-secret-key-" + "y" * 20,
            "SITE_URL": "https://news.example.com",
            "EMAIL_URL": "smtp://mail.example.com:587?tls=1",
            "DATABASE_URL": "sqlite:////tmp/masthead-settings-test/prod.sqlite3",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({"MASTHEAD_ENV": "production", "SITE_URL": "https://news.example.com"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_development_generates_and_keeps_a_secret_key(tmp_path):
    env = {"MASTHEAD_VAR_DIR": str(tmp_path)}
    assert run_check(env).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert run_check(env).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key, "the key is generated once and kept"
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_email_url_selects_smtp_or_an_anymail_provider():
    from masthead.core.email_config import email_settings_from_url

    smtp = email_settings_from_url("smtp://user:p%40ss@mail.example.com:587?tls=1")
    assert smtp["EMAIL_HOST"] == "mail.example.com" and smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_PASSWORD"] == "p@ss" and smtp["EMAIL_USE_TLS"] is True
    assert email_settings_from_url("anymail://postmark")["EMAIL_BACKEND"].endswith("postmark.EmailBackend")
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="unknown anymail provider"):
        email_settings_from_url("anymail://carrier-pigeon")
