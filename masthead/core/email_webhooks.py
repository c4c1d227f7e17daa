"""Email providers' webhooks (django-anymail): bounces and complaints, and replies by email.

anymail's own URL module mounts every provider it knows, and a provider's view accepts posts
without credentials when no webhook secret is set (it only warns). Anyone could then suppress any
address or add a reply to a newsroom thread. Here only the provider EMAIL_URL names is mounted
(`anymail://<esp>`), and only while anymail would authenticate its posts — the shared basic-auth
secret (ANYMAIL_WEBHOOK_SECRET) or, for providers that sign their posts, the signing key anymail
asks for. Otherwise the webhook is refused (404 for another or no provider, 403 unconfigured),
and in production `check --deploy` reports it (checks.py). A body the provider's parser cannot
read is a 400, never a 500.
"""

import functools
import importlib
import logging
import warnings

from anymail.exceptions import AnymailAPIError, AnymailConfigurationError, AnymailWebhookValidationFailure
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

# What a provider's parser raises on a body it cannot read (bad JSON, missing fields, wrong types;
# anymail's "you seem to have set the tracking URL as the inbound one" guess on a body of the
# wrong shape).
MALFORMED = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    LookupError,
    AnymailConfigurationError,
    # Amazon SES (with boto3 installed) reports an unreadable SNS body this way.
    AnymailAPIError,
)


@functools.cache
def anymail_views():
    """{(esp, "tracking" | "inbound"): anymail's view class}, read from anymail's own URL patterns.

    Read on first use, not at import: anymail's URL module imports every provider's webhook, and
    Amazon SES's imports boto3 (about 25 MB per process) whatever provider the site uses."""
    anymail_urls = importlib.import_module("anymail.urls")
    views = {}
    for pattern in anymail_urls.urlpatterns:
        view_class = pattern.callback.view_class
        name = pattern.name.removesuffix("_webhook")
        if name == "mandrill":  # one view for both kinds
            views[("mandrill", "tracking")] = views[("mandrill", "inbound")] = view_class
            continue
        esp, _, kind = name.rpartition("_")
        views[(esp, kind)] = view_class
    return views


_guarded = {}


def _guarded_view(view_class):
    """anymail's view, with unreadable bodies turned into a 400 (AnymailWebhookValidationFailure
    is a SuspiciousOperation) instead of an exception that Django answers with a 500."""
    if view_class not in _guarded:

        def guard(method):
            def guarded_method(self, request):
                try:
                    return method(self, request)
                except AnymailWebhookValidationFailure:
                    raise
                except MALFORMED as error:
                    raise AnymailWebhookValidationFailure(
                        f"{self.esp_name} webhook: the body could not be read ({type(error).__name__})"
                    ) from error

            return guarded_method

        # Signature checks read the body too (Mailgun's), so both steps are guarded.
        guarded = type(
            f"Guarded{view_class.__name__}",
            (view_class,),
            {
                "run_validators": guard(view_class.run_validators),
                "parse_events": guard(view_class.parse_events),
            },
        )
        _guarded[view_class] = guarded.as_view()
    return _guarded[view_class]


def configured_esp():
    return getattr(settings, "MASTHEAD_ESP", "") or ""


def authentication_problem(esp, kind="tracking"):
    """Why anymail would accept unauthenticated posts on this provider's webhook, or None."""
    view_class = anymail_views().get((esp, kind)) or anymail_views().get((esp, "tracking"))
    if view_class is None:
        return f"anymail has no {kind} webhook for {esp!r}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            view = view_class()
    except ImproperlyConfigured as error:
        return str(error)
    if getattr(view, "warn_if_no_basic_auth", False) and not view.basic_auth:
        return (
            "ANYMAIL_WEBHOOK_SECRET is not set (the user:password in the webhook URL you give the provider)"
        )
    return None


def webhook(*, kinds):
    """A view serving `<esp>/<kind>/` for the configured provider only, authenticated only."""

    @csrf_exempt
    def view(request, esp, kind):
        if (
            kind not in kinds
            or esp != configured_esp()
            or (esp, kind.removesuffix("_mime")) not in anymail_views()
        ):
            raise Http404
        problem = authentication_problem(esp, kind.removesuffix("_mime"))
        if problem:
            logger.error("Refused a %s %s webhook: %s", esp, kind, problem)
            return HttpResponseForbidden("This webhook is not configured.")
        return _guarded_view(anymail_views()[(esp, kind.removesuffix("_mime"))])(request)

    return view


tracking = webhook(kinds={"tracking"})
# Mailgun posts raw MIME to a URL containing "mime" (anymail reads the path to know which).
inbound = webhook(kinds={"inbound", "inbound_mime"})
