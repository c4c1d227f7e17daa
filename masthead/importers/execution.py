"""The worker's side of an import run: claiming it and running it to its end.

Below both the jobs (tasks.py) and services.py, so a job calls these without importing the
services that enqueue it.
"""

from django.db.models import Q
from django.utils import timezone

from masthead.core.audit import audit

from . import runner
from .errors import ExportError
from .models import ImportRun


def import_run_claim(*, run_id, now=None):
    """Take `run_id` for this process if it is waiting or its worker went quiet. True if taken."""
    now = now or timezone.now()
    stale = now - runner.lease()
    return bool(
        ImportRun.objects.filter(pk=run_id)
        .filter(
            Q(status=ImportRun.Status.QUEUED) | Q(status=ImportRun.Status.RUNNING, heartbeat_at__lt=stale)
        )
        .update(status=ImportRun.Status.RUNNING, heartbeat_at=now, started_at=now)
    )


def import_run_execute(*, run, progress=None, now=None):
    """Run (or resume) a claimed run to its end. Per-object failures are in its report; a file
    that cannot be read fails the run with the reason. Returns the run."""
    now = now or timezone.now()
    persisted = not run._state.adding
    run.status = ImportRun.Status.RUNNING
    try:
        report = runner.execute(run, progress=progress, now=now)
    except ExportError as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
        run.finished_at = timezone.now()
        if persisted:
            run.save(update_fields=["status", "error", "finished_at"])
        raise
    run.status = ImportRun.Status.FINISHED
    run.finished_at = timezone.now()
    run.report = report
    if persisted:
        run.save(update_fields=["status", "finished_at", "counts", "position", "total"])
        audit(
            "importers.run.finished", actor=run.created_by, target=run, now=run.finished_at, counts=run.counts
        )
    return run


def stalled_runs_requeue(*, now=None):
    """Put queued runs nobody took and runs whose worker died back in the queue; their ids.

    The caller hands each to the worker (tasks.resume_stalled_runs)."""
    now = now or timezone.now()
    stale = now - runner.lease()
    due = ImportRun.objects.filter(
        Q(status=ImportRun.Status.QUEUED, created_at__lt=now - runner.lease())
        | Q(status=ImportRun.Status.RUNNING, heartbeat_at__lt=stale)
    ).values_list("pk", flat=True)
    requeued = []
    for pk in due:
        # Move the heartbeat as a claim of the resumption: a second scheduler sees it fresh.
        if (
            ImportRun.objects.filter(pk=pk)
            .filter(Q(status=ImportRun.Status.QUEUED) | Q(heartbeat_at__lt=stale))
            .update(heartbeat_at=now)
        ):
            ImportRun.objects.filter(pk=pk, status=ImportRun.Status.RUNNING).update(
                status=ImportRun.Status.QUEUED
            )
            requeued.append(pk)
    return requeued
