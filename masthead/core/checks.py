"""Checks `manage.py check --deploy` runs: settings that are valid Python but unsafe to serve."""

from django.conf import settings
from django.core import checks

from . import email_webhooks


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
