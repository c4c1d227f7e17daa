"""Settings come from the environment, with safe defaults and a clean production check."""

import subprocess
import sys

import pytest

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


PRODUCTION = {
    "MASTHEAD_ENV": "production",
    "SECRET_KEY": "x" * 30 + "-a-long-random-production-secret-key-" + "y" * 20,
    "SITE_URL": "https://news.example.com",
    "EMAIL_URL": "smtp://mail.example.com:587?tls=1",
    "DATABASE_URL": "sqlite:////tmp/masthead-settings-test/prod.sqlite3",
    "STRIPE_SECRET_KEY": "sk_live_example",
    "STRIPE_WEBHOOK_SECRET": "whsec_example",
}


def test_production_mode_passes_check_deploy():
    result = run_check(
        PRODUCTION,
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


def without(env, *names):
    return {key: value for key, value in env.items() if key not in names}


def test_production_refuses_to_start_without_stripe_unless_test_mode_is_chosen():
    result = run_check(without(PRODUCTION, "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"), "--deploy")
    assert result.returncode != 0
    assert "Payments need STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET in production" in result.stderr
    assert "PAYMENTS_TEST_MODE=1" in result.stderr


def settings_value(env, name):
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            f"from django.conf import settings; print(settings.{name})",
        ],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "MASTHEAD_VAR_DIR": "/tmp/masthead-settings-test",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_test_mode_chosen_in_production_starts_and_shows_a_banner():
    env = {**without(PRODUCTION, "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"), "PAYMENTS_TEST_MODE": "1"}
    assert run_check(env, "--deploy").returncode == 0
    assert settings_value(env, "PAYMENTS_TEST_MODE_BANNER") == "True"
    assert settings_value(PRODUCTION, "PAYMENTS_TEST_MODE_BANNER") == "False"
    assert settings_value({}, "PAYMENTS_TEST_MODE") == "True", "development runs the test mode by default"
    assert settings_value({}, "PAYMENTS_TEST_MODE_BANNER") == "False"


def test_stripe_and_test_mode_together_are_refused():
    result = run_check({**PRODUCTION, "PAYMENTS_TEST_MODE": "1"})
    assert result.returncode != 0 and "choose one" in result.stderr


def test_the_forwarded_scheme_is_believed_only_from_a_configured_proxy():
    code = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"

    def proxy_header(env):
        base = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "MASTHEAD_VAR_DIR": "/tmp/masthead-settings-test"}
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env={**base, **PRODUCTION, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]

    assert proxy_header({}) == "None", "no proxy configured: any client could claim https"
    assert proxy_header({"TRUSTED_PROXY_COUNT": "1"}) == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert proxy_header({"TRUSTED_PROXIES": "10.0.0.0/8"}) == "('HTTP_X_FORWARDED_PROTO', 'https')"
