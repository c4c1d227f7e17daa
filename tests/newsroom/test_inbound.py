"""Replies by email: anymail's Postmark inbound webhook, routed by the Reply-To token."""

import base64
import json

import pytest

from masthead.newsroom import services
from masthead.newsroom.models import Message, Status

from .conftest import PDF

pytestmark = pytest.mark.django_db
URL = "/newsroom/inbound/postmark/inbound/"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    settings.MASTHEAD_ESP = "postmark"  # EMAIL_URL=anymail://postmark


def post(client, payload):
    auth = base64.b64encode(b"hook:s3cret").decode()
    return client.post(
        URL, json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=f"Basic {auth}"
    )


def payload(
    thread, *, sender="payer@example.com", text="Thanks — one more question.", message_id="<m1@mail>", **extra
):
    return {
        "FromFull": {"Email": sender, "Name": "Pay"},
        "ToFull": [{"Email": thread.reply_address, "Name": ""}],
        "Subject": "Re: " + thread.subject,
        "TextBody": text + "\n\nOn Mon, 1 Jun 2026 the newsroom wrote:\n> our earlier answer",
        "Headers": [{"Name": "Message-ID", "Value": message_id}],
        **extra,
    }


def test_a_reply_by_email_joins_the_thread_once(client, question, editor):
    services.thread_reply(thread=question, staff=editor, body="Our answer.")
    assert post(client, payload(question)).status_code == 200
    assert post(client, payload(question)).status_code == 200  # the provider retries
    incoming = question.messages.filter(via=Message.Via.EMAIL)
    assert incoming.count() == 1
    assert incoming.get().body == "Thanks — one more question."
    question.refresh_from_db()
    assert question.status == Status.IN_PROGRESS


def test_an_email_from_someone_else_is_ignored(client, question):
    post(client, payload(question, sender="intruder@example.org"))
    assert not question.messages.filter(via=Message.Via.EMAIL).exists()


def test_an_unknown_token_is_ignored(client, question):
    data = payload(question)
    data["ToFull"] = [{"Email": "newsroom+notarealtoken123@masthead.localhost"}]
    assert post(client, data).status_code == 200
    assert not Message.objects.filter(via=Message.Via.EMAIL).exists()


def test_emailed_attachments_are_checked_and_bad_ones_dropped_not_the_words(client, question):
    good = {"Name": "scan.pdf", "Content": base64.b64encode(PDF).decode(), "ContentType": "application/pdf"}
    bad = {
        "Name": "scan2.pdf",
        "Content": base64.b64encode(b"MZ\x90\x00").decode(),
        "ContentType": "application/pdf",
    }
    post(client, payload(question, message_id="<a@mail>", Attachments=[good]))
    post(client, payload(question, message_id="<b@mail>", Attachments=[bad], text="Second try."))
    first, second = question.messages.filter(via=Message.Via.EMAIL).order_by("pk")
    assert first.attachments.count() == 1
    assert second.attachments.count() == 0 and second.body.startswith("Second try.")


def test_the_webhook_refuses_wrong_credentials(client, question):
    response = client.post(URL, json.dumps(payload(question)), content_type="application/json")
    assert response.status_code in (400, 401, 403)
    assert not Message.objects.filter(via=Message.Via.EMAIL).exists()
