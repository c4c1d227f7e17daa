"""Import jobs. Thin shells around services; each is safe to run twice (a run is claimed)."""

from django_tasks import task

from .errors import ExportError
from .models import ImportRun


@task()
def run_import(run_id):
    """Run or resume one import run, if nobody else holds it."""
    from .services import import_run_claim, import_run_execute

    if not import_run_claim(run_id=run_id):
        return
    try:
        import_run_execute(run=ImportRun.objects.get(pk=run_id))
    except ExportError:
        pass  # recorded on the run


@task()
def resume_imports():
    """The periodic job: hand waiting runs and runs whose worker died to a worker."""
    from .services import resume_stalled_runs

    resume_stalled_runs()
