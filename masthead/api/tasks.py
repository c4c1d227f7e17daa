"""Background work of the api app: each webhook delivery is a task; a periodic sweep retries."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import WebhookDelivery
from .webhooks import delivery


@task()
def deliver_webhook(delivery_id):
    result = delivery.attempt(delivery_id=delivery_id)
    if result is not None and result.status == WebhookDelivery.Status.RETRYING:
        # Backends that can defer (database, RQ) run the retry on time; the periodic sweep
        # below catches it otherwise (and after a worker dies).
        if default_task_backend.supports_defer:
            deliver_webhook.using(run_after=_not_before(result.next_attempt_at)).enqueue(delivery_id)
    return result.status if result is not None else None


def _not_before(moment):
    # RQ schedules in whole seconds, truncating: a job deferred to 12:00:00.7 can start at
    # 12:00:00.0, find its delivery not yet due and do nothing. Deferring to the next whole
    # second means it never starts early on any backend.
    return moment.replace(microsecond=0) + timedelta(seconds=1)


@task()
def retry_due_webhooks():
    """Periodic (MASTHEAD_PERIODIC_JOBS): enqueue every delivery that is due. Safe to run twice:
    an attempt starts only if it can claim its delivery."""
    ids = delivery.due(timezone.now())
    for delivery_id in ids:
        deliver_webhook.enqueue(delivery_id)
    return len(ids)
