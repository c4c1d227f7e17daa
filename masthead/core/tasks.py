"""Site-wide background jobs. Thin shells around core services."""

from django_tasks import task


@task()
def deliver_email(message):
    """Send one message rendered in a request (core.mail.send_later). Not retried: like every
    notice, a failure is logged and the change it reports stands."""
    from .mail import message_from_data

    message_from_data(message).send()
