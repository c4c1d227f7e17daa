"""A hung mail server never holds up a reader: mail written in a request is sent by the worker.

The "mail server" here is a real TCP listener that accepts connections and never says a word
(an SMTP client then waits for the greeting until its timeout), started by each test on a free
port. The task backend is the real database queue, so a request only records the job.
"""

import socket
import threading
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from masthead.core import mail as core_mail
from masthead.core.email_config import email_settings_from_url
from masthead.newsletters.models import Newsletter

pytestmark = pytest.mark.django_db


@pytest.fixture
def hung_smtp(settings):
    """A server that accepts connections and never answers; the site's mail goes there."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    for name, value in email_settings_from_url(f"smtp://127.0.0.1:{port}?timeout=20").items():
        setattr(settings, name, value)
    yield held
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def letter(db):
    return Newsletter.objects.create(
        name="Faults Briefing",
        slug="faults-briefing",
        audience="everyone",
        sender_name="Desk",
        sender_email="desk@example.com",
        in_signup_box=True,
    )


def timed(fn):
    started = time.monotonic()
    result = fn()
    return result, time.monotonic() - started


def queued_mail():
    return [
        r.args_kwargs["args"][0]
        for r in DBTaskResult.objects.filter(task_path="masthead.core.tasks.deliver_email")
    ]


def test_sign_ups_and_sign_in_codes_are_queued_and_pages_stay_fast_while_smtp_hangs(
    hung_smtp, database_queue, letter, reader_user, demo
):
    reader = Client()
    response, took = timed(
        lambda: reader.post(
            reverse("newsletters:signup"), {"email": "new@example.com", "newsletter": [letter.pk]}
        )
    )
    assert response.status_code == 302 and took < 2
    response, took = timed(
        lambda: Client().post(reverse("account_request_login_code"), {"email": reader_user.email})
    )
    assert response.status_code == 302 and took < 2
    for path in ["/", demo.article(access_level="public").url, "/membership/"]:
        response, took = timed(lambda path=path: Client().get(path))
        assert response.status_code == 200 and took < 2, path
    # Nothing was sent from the requests; the worker has both messages to send.
    assert not hung_smtp, "no request connected to the mail server"
    recipients = sorted(m["to"][0] for m in queued_mail())
    assert recipients == ["new@example.com", reader_user.email]
    confirm = next(m for m in queued_mail() if m["to"] == ["new@example.com"])
    assert "/newsletters/confirm/" in confirm["body"]


def test_a_queued_message_is_sent_whole_by_the_worker(settings, letter):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = core_mail.render_templated(
        "newsletters/email/confirm",
        to="someone@example.com",
        context={"newsletters": [letter], "confirm_url": "https://x.example/c/"},
        attachments=[
            ("ticket.png", b"\x89PNG\x00\xff", "image/png"),
            ("event.ics", "BEGIN:VCALENDAR", "text/calendar"),
        ],
    )
    core_mail.send_later(message)  # the test settings' immediate backend runs the task now
    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.to) == (message.subject, message.body, ["someone@example.com"])
    assert sent.alternatives == message.alternatives
    assert [(name, content) for name, content, _type in sent.attachments] == [
        ("ticket.png", b"\x89PNG\x00\xff"),
        ("event.ics", "BEGIN:VCALENDAR"),
    ]


def test_with_the_queue_down_too_the_reader_is_told_the_email_did_not_go(
    hung_smtp, settings, monkeypatch, letter
):
    # A job queue nobody can reach (a closed port) and a mail server that hangs: the signup tries
    # to send inline with a short timeout, fails, and says so instead of "check your inbox".
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:9/0"}}
    monkeypatch.setattr(core_mail, "INLINE_SEND_TIMEOUT", 1)
    response, took = timed(
        lambda: Client().post(
            reverse("newsletters:signup"), {"email": "late@example.com", "newsletter": [letter.pk]}
        )
    )
    assert response.status_code == 400 and took < 4
    assert "could not send the confirmation email" in response.content.decode()
