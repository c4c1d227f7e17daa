"""Background jobs for content. Each is a thin wrapper safe to run twice."""

from django.core.management import call_command
from django_tasks import task

from .search_index import index_article


@task()
def publish_scheduled_pages():
    """Publish pages whose go-live time has passed and unpublish expired ones (Wagtail's own command).

    Run every 30 seconds by the worker's scheduler (settings.MASTHEAD_PERIODIC_JOBS), so
    scheduled publishing needs no cron. Running it twice publishes nothing twice: Wagtail clears
    each revision's approved_go_live_at as it publishes it.
    """
    call_command("publish_scheduled", verbosity=0)


@task()
def reindex_article(page_id):
    """Bring one article's public search entry in step with its published state."""
    index_article(page_id=page_id)
