"""Import jobs. Thin shells around the worker's side of a run (execution.py); each is safe to
run twice (a run is claimed)."""

from django.db import transaction
from django_tasks import task

from .errors import ExportError
from .execution import import_run_claim, import_run_execute, stalled_runs_requeue
from .models import ImportRun


@task()
def run_import(run_id):
    """Run or resume one import run, if nobody else holds it."""
    if not import_run_claim(run_id=run_id):
        return
    try:
        import_run_execute(run=ImportRun.objects.get(pk=run_id))
    except ExportError:
        pass  # recorded on the run


def resume_stalled_runs(*, now=None):
    """The periodic job's work: hand queued runs nobody took and runs whose worker died to a
    worker (after commit, so the worker sees them). Returns their ids."""
    resumed = stalled_runs_requeue(now=now)
    for pk in resumed:
        transaction.on_commit(lambda pk=pk: run_import.enqueue(str(pk)))
    return resumed


@task()
def resume_imports():
    """The periodic job: hand waiting runs and runs whose worker died to a worker."""
    resume_stalled_runs()
