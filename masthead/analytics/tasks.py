"""Background jobs for analytics: thin wrappers, safe to run twice."""

from django_tasks import task

from .rollups import roll_up as roll_up_service


@task()
def roll_up():
    """Roll the counters and the other apps' facts up into DailyMetric (every 5 minutes, see
    settings.MASTHEAD_PERIODIC_JOBS). Each run replaces the rows of yesterday and today."""
    roll_up_service()
