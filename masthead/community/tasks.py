"""Background jobs for the community; thin wrappers, safe to run twice."""

from django_tasks import task


@task()
def notify_post(post_id):
    """Email the notices a newly visible post calls for (see notify.notify_post)."""
    from .notify import notify_post as send

    send(post_id=post_id)
