"""Real worker processes against a real SMTP server: a send killed midway resumes, and two
workers split a send, and every recipient gets the issue exactly once."""

import collections

import pytest
from django.utils import timezone

from masthead.newsletters.models import Delivery, Issue, Newsletter, Subscriber, Subscription
from tests.helpers import kill_group, start_manage, stop, wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECIPIENTS = 240


def make_send(n, *, slug):
    now = timezone.now()
    letter = Newsletter.objects.create(
        name=f"Worker {slug}", slug=slug, sender_name="Desk", sender_email="desk@example.com"
    )
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(email=f"{slug}-{i}@example.com", confirmed_at=now, created_at=now) for i in range(n)]
    )
    Subscription.objects.bulk_create(
        [Subscription(subscriber=s, newsletter=letter, started_at=now) for s in subscribers]
    )
    # Scheduled a moment ago: the worker's periodic job starts it, as in production.
    return Issue.objects.create(
        newsletter=letter,
        subject=f"Resumable {slug}",
        intro="<p>Hello from the worker test.</p>",
        status=Issue.Status.SCHEDULED,
        scheduled_at=now - timezone.timedelta(seconds=1),
    )


def worker_env(inbox, **extra):
    return {
        "EMAIL_URL": f"smtp://127.0.0.1:{inbox.port}",
        "NEWSLETTER_LEASE_SECONDS": "3",
        "NEWSLETTER_BATCH_SIZE": "20",
        **extra,
    }


def received(inbox, slug):
    """The issue's messages only: the worker also runs other apps' periodic jobs (e.g. the
    newsroom's daily digest to editors), which may mail staff meanwhile."""
    return collections.Counter(
        r for _f, rcpts, _c in inbox.messages for r in rcpts if r.startswith(f"{slug}-")
    )


def test_a_worker_killed_midway_resumes_and_nobody_gets_the_issue_twice(smtp_inbox):
    inbox = smtp_inbox
    inbox.delay = 0.01  # ~100 messages a second, so the kill lands mid-send
    issue = make_send(RECIPIENTS, slug="killed")
    worker = start_manage("worker", **worker_env(inbox))
    try:
        wait_for(
            lambda: sum(received(inbox, "killed").values()) >= RECIPIENTS // 3,
            timeout=90,
            message="a third sent",
        )
        kill_group(worker)  # the worker and any job process it forked, as a crash would
        worker.wait(timeout=10)
        at_kill = sum(received(inbox, "killed").values())
        assert at_kill < RECIPIENTS, "the send finished before the kill; slow the server down"
        assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENDING
        worker = start_manage("worker", **worker_env(inbox))
        wait_for(
            lambda: Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT,
            timeout=120,
            message="resumed send",
        )
    except AssertionError as error:
        raise AssertionError(f"{error}\nworker output:\n{stop(worker)}") from None
    finally:
        stop(worker)
    counts = received(inbox, "killed")
    expected = {f"killed-{i}@example.com" for i in range(RECIPIENTS)}
    assert set(counts) == expected, f"missed: {sorted(expected - set(counts))[:5]}"
    assert max(counts.values()) == 1, f"twice: {[a for a, n in counts.items() if n > 1][:5]}"
    issue.refresh_from_db()
    assert (issue.planned_count, issue.sent_count, issue.failed_count) == (RECIPIENTS, RECIPIENTS, 0)


def test_two_workers_split_a_send_without_sending_anything_twice(smtp_inbox):
    inbox = smtp_inbox
    inbox.delay = 0.005
    issue = make_send(RECIPIENTS, slug="split")
    env = worker_env(inbox, NEWSLETTER_SEND_WORKERS="2")
    workers = [start_manage("worker", **env), start_manage("worker", "--no-scheduler", **env)]
    try:
        wait_for(
            lambda: Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT,
            timeout=120,
            message="split send",
        )
    except AssertionError as error:
        raise AssertionError(f"{error}\noutput:\n{stop(workers[0])}\n{stop(workers[1])}") from None
    finally:
        for worker in workers:
            stop(worker)
    counts = received(inbox, "split")
    assert len(counts) == RECIPIENTS and max(counts.values()) == 1
    owners = set(Delivery.objects.filter(issue=issue).values_list("claimed_by", flat=True))
    assert len({o.split(":")[1] for o in owners if o}) == 2, "both worker processes took batches"
