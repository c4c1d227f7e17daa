"""The newsroom's periodic job (settings.MASTHEAD_PERIODIC_JOBS). A thin shell over digest.py."""

from django_tasks import task

from .digest import digest_send


@task()
def send_daily_digest():
    """Once a day after the digest hour; safe to run twice (a unique row per day)."""
    digest_send()
