"""Periodic jobs run without cron: the worker's scheduler claims each slot once."""

import pytest
from django.utils import timezone

from masthead.core.models import PeriodicSlot
from masthead.core.scheduler import claim_due_jobs
from tests.helpers import start_manage, stop, wait_for

JOB = "masthead.content.tasks.publish_scheduled_pages"


@pytest.mark.django_db
def test_a_slot_is_claimed_once_however_many_schedulers_try():
    now = timezone.now()
    assert claim_due_jobs(now=now, jobs={JOB: 30}) == [JOB]
    assert claim_due_jobs(now=now, jobs={JOB: 30}) == []
    assert PeriodicSlot.objects.filter(job=JOB).count() == 1
    later = now + timezone.timedelta(seconds=30)
    assert claim_due_jobs(now=later, jobs={JOB: 30}) == [JOB]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_publishes_scheduled_articles_with_no_cron(demo):
    """A real worker process, started as `make run` starts it, publishes a scheduled revision."""
    from masthead.content.models import ArticlePage
    from masthead.content.search import search_articles

    article = demo.article(access_level="public")
    article.unpublish()
    article.title = "Scheduled: the Quillfeather dispatch goes live on time"
    # Wagtail's scheduling: publishing a revision with a future go-live time only schedules it.
    article.go_live_at = timezone.now() + timezone.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert type(revision).objects.get(pk=revision.pk).approved_go_live_at is not None
    # An hour passes (we move the go-live time instead of the clock; the worker is a real process).
    revision.refresh_from_db()
    revision.approved_go_live_at = timezone.now()
    revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])

    worker = start_manage("worker")
    try:
        wait_for(lambda: ArticlePage.objects.get(pk=article.pk).live, timeout=60, message="scheduled publish")
        # Publishing enqueued the search reindex; the same worker runs it.
        wait_for(lambda: search_articles("Quillfeather").count() == 1, timeout=30, message="reindex")
    except AssertionError as error:
        raise AssertionError(f"{error}\nworker output:\n{stop(worker)}") from None
    finally:
        stop(worker)
    assert (
        ArticlePage.objects.get(pk=article.pk).title
        == "Scheduled: the Quillfeather dispatch goes live on time"
    )
