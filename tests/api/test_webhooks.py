"""Outgoing webhooks against a real HTTP receiver started by the test: signed, logged, retried
with backoff (once with the real worker), a 410 turns the target off, and payloads carry no
premium text or secrets."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone

from masthead.api.errors import ApiRefused
from masthead.api.models import WebhookDelivery, WebhookTarget
from masthead.api.services import webhook_event_queue, webhook_target_create
from masthead.api.tasks import retry_due_webhooks
from masthead.api.webhooks import signing
from masthead.api.webhooks.addresses import check_target_url
from masthead.billing.providers.testmode import run_due
from masthead.billing.services import subscription_cancel, subscription_end
from masthead.content.body import plain_text, split_body
from masthead.content.models import ArticleAuthor, ArticlePage
from masthead.events.models import EventPage, Ticket
from masthead.events.services import order_pay, order_start
from masthead.members.services import member_create, member_delete
from masthead.newsroom.models import Kind
from masthead.newsroom.services import thread_open
from tests.billing.conftest import LATER_DECLINED_CARD
from tests.helpers import start_manage, stop, wait_for

Status = WebhookDelivery.Status


class Receiver:
    """An HTTP server on a free port that records every POST and answers with `codes` in turn
    (the last one repeats)."""

    def __init__(self, codes=(200,)):
        self.codes, self.calls = list(codes), []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.calls.append({"headers": dict(self.headers), "body": body, "at": time.time()})
                code = receiver.codes.pop(0) if len(receiver.codes) > 1 else receiver.codes[0]
                self.send_response(code)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/masthead"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self):
        return [json.loads(call["body"]) for call in self.calls]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def start(codes=(200,)):
        made.append(Receiver(codes))
        return made[-1]

    yield start
    for r in made:
        r.close()


def publish_new_article(demo, *, level, title="Webhook test article"):
    section = demo.sections["ai"]
    template = demo.article(access_level="premium", language="en")
    article = ArticlePage(
        title=title, slug=title.lower().replace(" ", "-"), dek="A dek anyone may read.",
        body=template.body.raw_data, access_level=level,
    )  # fmt: skip
    section.add_child(instance=article)
    ArticleAuthor.objects.create(article=article, author=next(iter(demo.authors.values())))
    # pytest-django's django_capture_on_commit_callbacks is this, for a helper outside a test.
    with TestCase.captureOnCommitCallbacks(execute=True):
        article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


pytestmark = pytest.mark.django_db


def test_publishing_delivers_a_signed_event_and_logs_it(receiver, demo, django_capture_on_commit_callbacks):
    hook = receiver()
    target = webhook_target_create(
        name="Slack", url=hook.url, events=["article.published", "article.updated"]
    )
    article = publish_new_article(demo, level="public")

    assert len(hook.calls) == 1
    call = hook.calls[0]
    assert call["headers"]["Masthead-Event"] == "article.published"
    assert signing.verify(target.secret, call["headers"][signing.HEADER], call["body"], now=time.time())
    assert not signing.verify(
        "another-secret", call["headers"][signing.HEADER], call["body"], now=time.time()
    )
    assert not signing.verify(
        target.secret, call["headers"][signing.HEADER], call["body"] + b" ", now=time.time()
    )
    event = json.loads(call["body"])
    assert event["event"] == "article.published" and event["id"] == call["headers"]["Masthead-Delivery"]
    assert event["data"]["id"] == article.pk and event["data"]["visibility"] == "public"
    assert event["data"]["section"] == "ai" and event["data"]["url"].endswith(article.url)

    delivery = WebhookDelivery.objects.get(target=target)
    assert delivery.status == Status.SUCCEEDED and delivery.response_code == 200
    assert delivery.attempts == 1 and delivery.duration_ms is not None

    article.title = "Webhook test article, corrected"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert [e["event"] for e in hook.events()] == ["article.published", "article.updated"]


def test_a_premium_articles_event_carries_no_premium_text(receiver, demo):
    hook = receiver()
    webhook_target_create(name="Partner", url=hook.url, events=["article.published"])
    article = publish_new_article(demo, level="premium", title="Premium webhook article")
    preview, rest = split_body(article.body)
    below, above = plain_text(rest), plain_text(preview)
    sent = hook.calls[0]["body"].decode()
    assert json.loads(sent)["data"]["visibility"] == "paid"
    for sentence in (below[:40], below[len(below) // 2 : len(below) // 2 + 40], above[:40]):
        assert sentence and sentence not in sent  # no body text at all, above or below the break
    assert WebhookTarget.objects.get().secret not in sent


def test_only_targets_that_chose_the_event_get_it_and_targets_off_get_nothing(
    receiver, demo, django_capture_on_commit_callbacks
):
    wants, other, off = receiver(), receiver(), receiver()
    webhook_target_create(name="wants", url=wants.url, events=["article.unpublished"])
    webhook_target_create(name="other", url=other.url, events=["member.created"])
    silent = webhook_target_create(name="off", url=off.url, events=["article.unpublished"])
    WebhookTarget.objects.filter(pk=silent.pk).update(active=False)
    with django_capture_on_commit_callbacks(execute=True):
        demo.article(access_level="public").unpublish()
    assert [e["event"] for e in wants.events()] == ["article.unpublished"]
    assert other.calls == [] and off.calls == []


def test_a_failed_delivery_is_retried_with_backoff_until_it_succeeds(
    receiver, django_capture_on_commit_callbacks
):
    hook = receiver(codes=(500, 503, 200))
    webhook_target_create(name="flaky", url=hook.url, events=["member.created"])
    t0 = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = webhook_event_queue(event="member.created", payload={"id": 1}, now=t0)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Status.RETRYING, 1, 500)
    wait = (delivery.next_attempt_at - t0).total_seconds()
    assert settings.WEBHOOK_RETRY_BASE_SECONDS <= wait < settings.WEBHOOK_RETRY_BASE_SECONDS + 5

    assert retry_due_webhooks.call() == 0  # not due yet: nothing is sent early
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert retry_due_webhooks.call() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Status.RETRYING, 2, 503)
    # The second wait is four times the first (exponential backoff).
    assert delivery.next_attempt_at - timezone.now() > timezone.timedelta(
        seconds=settings.WEBHOOK_RETRY_BASE_SECONDS * 3
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    retry_due_webhooks.call()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Status.SUCCEEDED, 3, 200)
    assert len(hook.calls) == 3 and len({c["headers"]["Masthead-Delivery"] for c in hook.calls}) == 1


@override_settings(WEBHOOK_MAX_ATTEMPTS=2)
def test_a_delivery_fails_for_good_after_the_last_attempt(receiver, django_capture_on_commit_callbacks):
    hook = receiver(codes=(500,))
    webhook_target_create(name="down", url=hook.url, events=["member.created"])
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = webhook_event_queue(event="member.created", payload={"id": 1})
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    retry_due_webhooks.call()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (Status.FAILED, 2, None)
    assert retry_due_webhooks.call() == 0


def test_a_target_that_answers_410_is_turned_off(receiver, django_capture_on_commit_callbacks):
    hook = receiver(codes=(410,))
    target = webhook_target_create(name="gone", url=hook.url, events=["member.created", "member.updated"])
    with django_capture_on_commit_callbacks(execute=True):
        [first] = webhook_event_queue(event="member.created", payload={"id": 1})
    target.refresh_from_db()
    first.refresh_from_db()
    assert target.active is False and "410" in target.disabled_reason
    assert first.status == Status.FAILED and first.response_code == 410
    assert webhook_event_queue(event="member.updated", payload={"id": 1}) == []
    assert len(hook.calls) == 1


def test_an_unreachable_target_is_logged_and_retried(receiver, django_capture_on_commit_callbacks):
    hook = receiver()
    url = hook.url
    hook.close()  # nothing listens there any more
    webhook_target_create(name="closed", url=url, events=["member.created"])
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = webhook_event_queue(event="member.created", payload={"id": 1})
    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING and delivery.response_code is None
    assert "ConnectionError" in delivery.error


def test_member_and_newsroom_events_name_people_and_threads_but_carry_no_message(
    receiver, django_capture_on_commit_callbacks
):
    hook = receiver()
    webhook_target_create(
        name="crm", url=hook.url, events=["member.created", "member.deleted", "newsroom.message_received"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        user = member_create(email="crm@example.com", name="Cee")
    with django_capture_on_commit_callbacks(execute=True):
        thread_open(
            kind=Kind.TIP,
            subject="A confidential tip",
            body="The secret source text",
            sender=user,
            confidential=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        member_delete(user=user)
    events = hook.events()
    assert [e["event"] for e in events] == ["member.created", "newsroom.message_received", "member.deleted"]
    assert events[0]["data"]["email"] == "crm@example.com" and events[0]["data"]["name"] == "Cee"
    sent = json.dumps(events[1])
    assert (
        "The secret source text" not in sent
        and "crm@example.com" not in sent
        and "confidential tip" not in sent
    )
    assert events[2]["data"] == {"id": events[0]["data"]["id"], "email": "crm@example.com"}


@override_settings(WEBHOOK_ALLOW_PRIVATE_TARGETS=False)
def test_targets_on_private_or_metadata_addresses_are_refused():
    for url in (
        "http://127.0.0.1/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest/meta-data/",
    ):
        with pytest.raises(ApiRefused) as refused:
            webhook_target_create(name="bad", url=url, events=["member.created"])
        assert refused.value.code == "url_forbidden"
    with pytest.raises(ApiRefused) as refused:
        check_target_url("ftp://example.com/x")
    assert refused.value.code == "url_scheme"


def test_link_local_is_refused_even_where_private_targets_are_allowed():
    assert settings.WEBHOOK_ALLOW_PRIVATE_TARGETS  # tests deliver to 127.0.0.1
    with pytest.raises(ApiRefused):
        check_target_url("http://169.254.169.254/latest/meta-data/")


def test_staff_register_a_webhook_in_the_admin_and_read_the_delivery_log(
    client, staff_user, receiver, django_capture_on_commit_callbacks
):
    hook = receiver()
    client.force_login(staff_user)
    refused = client.post(
        "/admin/api/webhooks/", {"name": "x", "url": "http://169.254.169.254/", "events": ["member.created"]}
    )
    assert refused.status_code == 400 and "link-local" in refused.content.decode()
    made = client.post(
        "/admin/api/webhooks/", {"name": "CRM", "url": hook.url, "events": ["member.created"], "active": "on"}
    )
    target = WebhookTarget.objects.get(name="CRM")
    assert made.status_code == 302 and target.events == ["member.created"]
    with django_capture_on_commit_callbacks(execute=True):
        webhook_event_queue(event="member.created", payload={"id": 7})
    log = client.get("/admin/api/deliveries/", {"target": target.pk}).content.decode()
    assert 'data-status="succeeded"' in log and "member.created" in log
    page = client.get(f"/admin/api/webhooks/{target.pk}/").content.decode()
    assert target.secret in page and "Masthead-Signature" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_real_worker_retries_a_failed_delivery(receiver):
    hook = receiver(codes=(503, 200))
    webhook_target_create(name="worker", url=hook.url, events=["member.created"])
    backend = (
        {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
        if settings.REDIS_URL
        else {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    )
    worker = start_manage("worker", "--no-scheduler", WEBHOOK_RETRY_BASE_SECONDS="1")
    try:
        with override_settings(TASKS={"default": backend}):
            [delivery] = webhook_event_queue(event="member.created", payload={"id": 42})
        wait_for(
            lambda: WebhookDelivery.objects.get(pk=delivery.pk).status == Status.SUCCEEDED,
            timeout=60,
            message="the retried delivery",
        )
    except AssertionError as error:
        raise AssertionError(f"{error}\nworker output:\n{stop(worker)}") from None
    finally:
        stop(worker)
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and delivery.response_code == 200
    assert len(hook.calls) == 2
    assert hook.calls[1]["at"] - hook.calls[0]["at"] >= 0.9  # it waited for the backoff


def test_membership_and_payment_events_follow_the_subscription(
    receiver, make_member, monthly, subscribe, django_capture_on_commit_callbacks
):
    hook = receiver()
    webhook_target_create(
        name="billing",
        url=hook.url,
        events=[
            "membership.started",
            "membership.renewed",
            "membership.canceled",
            "membership.ended",
            "payment.failed",
        ],
    )
    now = timezone.now()
    member = make_member("subscriber@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscribe(member, monthly, now=now)
    trial_over = sub.trial_end + timezone.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now=trial_over)  # the first charge: not a renewal
    sub.refresh_from_db()
    renewal = sub.current_period_end + timezone.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now=renewal)
    sub.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        subscription_cancel(subscription=sub, now=renewal + timezone.timedelta(minutes=1))
    sub.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        subscription_end(subscription=sub, now=renewal + timezone.timedelta(minutes=2))
    events = hook.events()
    assert [e["event"] for e in events] == [
        "membership.started",
        "membership.renewed",
        "membership.canceled",
        "membership.ended",
    ]
    assert events[0]["data"]["member"] == {"id": member.pk, "email": "subscriber@example.com"}
    assert events[-1]["data"]["status"] == "expired"

    declined = make_member("declined@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        failing = subscribe(declined, monthly, card=LATER_DECLINED_CARD, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now=failing.trial_end + timezone.timedelta(minutes=1))
    failed = [e for e in hook.events() if e["event"] == "payment.failed"]
    assert len(failed) == 1 and failed[0]["data"]["member"]["email"] == "declined@example.com"
    assert "card" not in json.dumps(failed[0]).lower()


def test_a_free_rsvp_is_a_ticket_ordered_event_without_ticket_codes(
    receiver, reader_user, django_capture_on_commit_callbacks
):
    hook = receiver()
    webhook_target_create(name="events", url=hook.url, events=["ticket.ordered"])
    event = next(e for e in EventPage.objects.live() if e.ticket_types.filter(price=0).exists())
    ticket_type = event.ticket_types.filter(price=0).first()
    with django_capture_on_commit_callbacks(execute=True):
        order = order_start(event=event, ticket_type=ticket_type, user=reader_user, quantity=1)
    assert hook.calls == []  # a hold is not an order yet
    with django_capture_on_commit_callbacks(execute=True):
        order_pay(order=order)
    [sent] = hook.events()
    assert sent["event"] == "ticket.ordered" and sent["data"]["quantity"] == 1
    codes = Ticket.objects.filter(order__user=reader_user).values_list("code", flat=True)
    assert codes and not any(code in json.dumps(sent) for code in codes)
