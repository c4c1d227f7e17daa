"""Newsletter jobs. Thin shells around services and sending; each is safe to run twice."""

from django.conf import settings
from django_tasks import task


@task()
def send_issue(issue_id):
    """Send what is due of one issue (see sending.deliver_issue); several may run at once."""
    from .sending import deliver_issue

    deliver_issue(issue_id=issue_id)


def enqueue_send(issue_id):
    """Enqueue NEWSLETTER_SEND_WORKERS copies of the send: each claims its own batches."""
    for _ in range(max(1, getattr(settings, "NEWSLETTER_SEND_WORKERS", 1))):
        send_issue.enqueue(issue_id)


@task()
def run_newsletters():
    """The periodic job: start scheduled issues that are due, resume sends whose worker died."""
    from .services import resume_stalled_issues, start_due_issues

    start_due_issues()
    resume_stalled_issues()
