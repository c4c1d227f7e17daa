"""Site-wide background jobs. Thin shells around core services."""

from django_tasks import task

from .mail_data import message_from_data


@task()
def deliver_email(message):
    """Send one message rendered in a request (core.mail.send_later). Not retried: like every
    notice, a failure is logged and the change it reports stands."""
    message_from_data(message).send()
