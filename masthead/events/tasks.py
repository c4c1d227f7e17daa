"""Events' background jobs. Thin shells: services hold the logic."""

from django_tasks import task

from . import services
from .confirmation import send_confirmation_job as send_confirmation  # noqa: F401 - the job's old name


@task()
def expire_holds():
    """Release abandoned checkouts' holds and lapsed waitlist offers; offer freed tickets.
    Periodic (settings.MASTHEAD_PERIODIC_JOBS); safe to run twice."""
    services.expire_holds()
