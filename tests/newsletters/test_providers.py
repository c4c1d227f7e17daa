"""Sending through a django-anymail provider: its batch API, one call for many recipients.

The provider is Mailgun's HTTP API, served by a small local server that records each call."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from masthead.newsletters.models import Delivery, Issue
from masthead.newsletters.sending import deliver_issue

from .conftest import premium_secret

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailgun(settings):
    calls = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            calls.append((self.path, self.headers.get("Content-Type", ""), body))
            payload = json.dumps({"id": f"<{len(calls)}@mg.example.com>", "message": "Queued. Thank you."})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(payload.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
    settings.ANYMAIL = {
        "MAILGUN_API_KEY": "key-test",
        "MAILGUN_SENDER_DOMAIN": "mg.example.com",
        "MAILGUN_API_URL": f"http://127.0.0.1:{server.server_port}/v3",
    }
    yield calls
    server.shutdown()


def form_fields(content_type, body):
    """Parse the form anymail posts (urlencoded or multipart) into {name: [values]}."""
    from email.parser import BytesParser
    from urllib.parse import parse_qs

    if content_type.startswith("application/x-www-form-urlencoded"):
        return parse_qs(body.decode(), keep_blank_values=True)

    message = BytesParser().parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields = {}
    for part in message.get_payload():
        name = part.get_param("name", header="content-disposition")
        fields.setdefault(name, []).append(part.get_payload(decode=True).decode())
    return fields


def test_a_provider_with_batch_sending_gets_one_call_per_variant(
    mailgun, free_letter, email_only, make_member, subscribe_member, make_issue, articles
):
    for i in range(6):
        email_only(f"mg{i}@example.com", free_letter, name=f"Reader {i}")
    subscribe_member(make_member("mgpayer", paying=True), free_letter)
    issue = make_issue(free_letter)
    issue.status, issue.started_at = Issue.Status.SENDING, timezone.now()
    issue.save()

    deliver_issue(issue_id=issue.pk)

    assert len(mailgun) == 2  # the free variant (6 recipients) and the paying one (1)
    calls = [form_fields(ct, body) for _path, ct, body in mailgun]
    free = next(c for c in calls if len(c["to"]) == 6)
    variables = json.loads(free["recipient-variables"][0])
    assert variables["mg3@example.com"]["namet"] == " Reader 3"
    token = variables["mg3@example.com"]["token"]
    assert f"/newsletters/unsubscribe/{token}/" in variables["mg3@example.com"]["h:List-Unsubscribe"]
    assert "%recipient.nameh%" in free["html"][0] and "%recipient.token%" in free["text"][0]
    assert free["h:List-Unsubscribe-Post"] == ["List-Unsubscribe=One-Click"]
    secret = premium_secret(articles[1])
    assert secret not in free["html"][0]
    paying = next(c for c in calls if len(c["to"]) == 1)
    assert secret in paying["html"][0]
    assert Delivery.objects.filter(issue=issue, state="sent").count() == 7
