"""Start-up checks (`manage.py check`, and every command that runs checks: migrate, worker, dev),
and the deploy checks `manage.py check --deploy` adds: settings that are valid Python but unsafe to
serve.

Settings that are malformed stop start-up in settings.py itself; what needs the database or the
network to judge is checked here.
"""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError

from . import email_webhooks, origin
from .storage import storage_reachable  # noqa: F401  (registers the storage check)


@checks.register("masthead")
def site_url_matches_site_record(app_configs, **kwargs):
    problems = []
    if not origin.representable():
        problems.append(
            checks.Error(
                "SITE_URL uses https on a port other than 443, which Wagtail's site record cannot express.",
                hint="Serve the site on https://host (port 443) behind the proxy, or use http:// for a test site.",
                id="masthead.E010",
            )
        )
    try:
        mismatch = origin.site_record_mismatch()
    except DatabaseError:
        return problems  # not migrated yet: `migrate` sets the record
    if mismatch:
        problems.append(
            checks.Warning(
                mismatch, hint="Run `manage.py set_site_url` (migrate also does it).", id="masthead.W010"
            )
        )
    return problems


@checks.register(checks.Tags.security, deploy=True)
def email_provider_webhooks_are_authenticated(app_configs=None, **kwargs):
    esp = email_webhooks.configured_esp()
    if not esp:
        return []
    problem = email_webhooks.authentication_problem(esp)
    if problem is None:
        return []
    return [
        checks.Error(
            f"The {esp} webhooks (bounces, complaints, replies by email) would be refused: {problem}.",
            hint="Set ANYMAIL_WEBHOOK_SECRET=user:password and give the provider webhook URLs with "
            "those credentials (or the signing key anymail names for this provider).",
            id="masthead.E001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def dev_mailbox_is_off(app_configs=None, **kwargs):
    if settings.PRODUCTION and settings.DEV_MAILBOX_ENABLED:
        return [checks.Error("The dev mailbox is enabled in production.", id="masthead.E002")]
    return []
