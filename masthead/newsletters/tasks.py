"""Newsletter jobs, and handing issues to them. Thin shells around sending; each is safe to run
twice. What the jobs run is below this module (sending.py), so services.py, which starts sends,
imports this one and not the other way round."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from masthead.core.audit import audit

from .models import Issue
from .sending import deliver_issue, lease, mark_sending


@task()
def send_issue(issue_id):
    """Send what is due of one issue (see sending.deliver_issue); several may run at once."""
    deliver_issue(issue_id=issue_id)


def enqueue_send(issue_id):
    """Enqueue NEWSLETTER_SEND_WORKERS copies of the send: each claims its own batches."""
    for _ in range(max(1, getattr(settings, "NEWSLETTER_SEND_WORKERS", 1))):
        send_issue.enqueue(issue_id)


def start_due_issues(*, now=None):
    """Scheduled issues whose time has come start sending (the periodic job). Safe to run twice."""
    now = now or timezone.now()
    started = []
    for pk in Issue.objects.filter(status=Issue.Status.SCHEDULED, scheduled_at__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            issue = Issue.objects.select_for_update().get(pk=pk)
            if issue.status != Issue.Status.SCHEDULED:
                continue
            mark_sending(issue, now)
            transaction.on_commit(lambda pk=pk: enqueue_send(pk))
            audit("newsletters.issue.send_started", target=issue, now=now, scheduled=True)
            started.append(issue.pk)
    return started


def resume_stalled_issues(*, now=None):
    """Re-enqueue sends whose worker went quiet for longer than the lease (killed, restarted)."""
    now = now or timezone.now()
    resumed = []
    stale = now - lease()
    for pk in Issue.objects.filter(status=Issue.Status.SENDING, heartbeat_at__lt=stale).values_list(
        "pk", flat=True
    ):
        # Claim the resumption by moving the heartbeat: a second scheduler sees it fresh.
        if Issue.objects.filter(pk=pk, status=Issue.Status.SENDING, heartbeat_at__lt=stale).update(
            heartbeat_at=now
        ):
            transaction.on_commit(lambda pk=pk: enqueue_send(pk))
            resumed.append(pk)
    return resumed


@task()
def run_newsletters():
    """The periodic job: start scheduled issues that are due, resume sends whose worker died."""
    start_due_issues()
    resume_stalled_issues()
