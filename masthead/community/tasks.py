"""Background jobs for the community; thin wrappers, safe to run twice."""

from django_tasks import task

from .notify import notify_post as send


@task()
def notify_post(post_id):
    """Email the notices a newly visible post calls for (see notify.notify_post)."""
    send(post_id=post_id)
