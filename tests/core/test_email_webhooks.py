"""Email providers' webhooks: only the configured provider, only authenticated, never a 500."""

import base64
import importlib.util
import json

import pytest
from django.test import Client

from masthead.core.email_config import ANYMAIL_BACKENDS
from masthead.newsletters.models import Suppression
from masthead.newsroom.models import Message

pytestmark = pytest.mark.django_db

AUTH = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(b"hook:s3cret").decode()}
BOUNCE = {
    "RecordType": "Bounce",
    "Type": "HardBounce",
    "TypeCode": 1,
    "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
    "Email": "victim@example.com",
    "BouncedAt": "2026-01-01T10:00:00Z",
    "Description": "The server was unable to deliver your message",
}
TRACKING = "/newsletters/anymail/{esp}/tracking/"
INBOUND = "/newsroom/inbound/{esp}/inbound/"
# Keys anymail needs before it will check a signing provider's posts (values are only for tests).
SIGNING_KEYS = {
    "MAILGUN_WEBHOOK_SIGNING_KEY": "key-test",
    "MANDRILL_WEBHOOK_KEY": "key-test",
    "POSTAL_WEBHOOK_KEY": "dGVzdA==",
    "RESEND_SIGNING_SECRET": "whsec_dGVzdA==",
    "BREVO_API_KEY": "key-test",
    "RESEND_API_KEY": "key-test",
}
# anymail needs optional packages (boto3, svix) for these; without them the webhook is refused.
# boto3 comes with object storage (django-storages[s3]); svix is not installed.
NEEDS_PACKAGES = {
    webhook
    for webhook, package in (
        (("amazon_ses", "tracking"), "boto3"),
        (("amazon_ses", "inbound"), "boto3"),
        (("resend", "tracking"), "svix"),
    )
    if importlib.util.find_spec(package) is None
}


def post(url, body, **extra):
    return Client().post(url, body, content_type="application/json", **extra)


def test_without_a_configured_provider_no_webhook_is_mounted(settings):
    settings.MASTHEAD_ESP = ""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    for esp in ("postmark", "sendgrid", "mailgun"):
        assert post(TRACKING.format(esp=esp), json.dumps(BOUNCE), **AUTH).status_code == 404
        assert post(INBOUND.format(esp=esp), "{}", **AUTH).status_code == 404
    assert not Suppression.objects.exists()


def test_only_the_configured_provider_is_mounted(settings):
    settings.MASTHEAD_ESP = "postmark"
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    assert post(TRACKING.format(esp="sendgrid"), "[]", **AUTH).status_code == 404
    assert post(TRACKING.format(esp="postmark"), json.dumps(BOUNCE), **AUTH).status_code == 200
    assert Suppression.objects.filter(email="victim@example.com").exists()


def test_a_provider_without_its_webhook_secret_refuses_every_post(settings, paying_user):
    """Unauthenticated, anyone could suppress any address or add a reply to a newsroom thread."""
    from masthead.newsroom.services import thread_open

    settings.MASTHEAD_ESP = "postmark"
    settings.ANYMAIL = {}
    thread = thread_open(kind="question", subject="Q", body="A question.", sender=paying_user)
    assert post(TRACKING.format(esp="postmark"), json.dumps(BOUNCE)).status_code == 403
    reply = {
        "FromFull": {"Email": paying_user.email},
        "ToFull": [{"Email": thread.reply_address}],
        "Subject": "Re: Q",
        "TextBody": "Injected reply",
        "Headers": [{"Name": "Message-ID", "Value": "<x@mail>"}],
    }
    assert post(INBOUND.format(esp="postmark"), json.dumps(reply)).status_code == 403
    assert not Suppression.objects.exists()
    assert not Message.objects.filter(thread=thread, body__contains="Injected").exists()


def test_a_signing_provider_without_its_key_is_refused_not_a_500(settings):
    settings.MASTHEAD_ESP = "mailgun"
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    assert post(TRACKING.format(esp="mailgun"), "{}", **AUTH).status_code == 403


@pytest.mark.parametrize("esp", sorted(ANYMAIL_BACKENDS))
@pytest.mark.parametrize(
    "body", [b"{not json", b"\xff\xfe", b"[]", b'{"unexpected": {"shape": 1}}', b'[{"event": 7}]', b"null"]
)
def test_malformed_bodies_on_every_provider_webhook_are_never_a_500(settings, esp, body):
    """Unreadable bodies are a 400; a readable one of an unexpected shape is a 400, or a 200 when
    the provider's format reads it as no events (an empty batch)."""
    settings.MASTHEAD_ESP = esp
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret", **SIGNING_KEYS}
    for kind, url in (("tracking", TRACKING.format(esp=esp)), ("inbound", INBOUND.format(esp=esp))):
        response = post(url, body, **AUTH)
        if (esp, kind) in NEEDS_PACKAGES:
            assert response.status_code == 403, (url, body)
        elif body in (b"{not json", b"\xff\xfe"):
            assert response.status_code == 400, (url, body, response.status_code)
        else:
            assert response.status_code in (200, 400), (url, body, response.status_code)
    assert not Suppression.objects.exists()


def test_check_deploy_reports_an_unauthenticated_provider_webhook(settings):
    from masthead.core.checks import email_provider_webhooks_are_authenticated

    settings.MASTHEAD_ESP = "postmark"
    settings.ANYMAIL = {}
    [error] = email_provider_webhooks_are_authenticated()
    assert error.id == "masthead.E001" and "ANYMAIL_WEBHOOK_SECRET" in error.msg
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    assert email_provider_webhooks_are_authenticated() == []


def test_the_stripe_webhook_answers_a_malformed_body_with_a_400(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_test_x", "whsec_test"
    for body in (b"{not json", b"[]", b"\xff"):
        response = post("/webhooks/stripe/", body, HTTP_STRIPE_SIGNATURE="t=1,v1=deadbeef")
        assert response.status_code == 400
