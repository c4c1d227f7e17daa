"""Events' background jobs. Thin shells: services hold the logic."""

from django_tasks import task

from . import services


@task()
def expire_holds():
    """Release abandoned checkouts' holds and lapsed waitlist offers; offer freed tickets.
    Periodic (settings.MASTHEAD_PERIODIC_JOBS); safe to run twice."""
    services.expire_holds()


@task()
def send_confirmation(order_id):
    services.send_confirmation(order_id=order_id)
