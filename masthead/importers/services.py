"""Every state change of an import run: creating it (with its file), running it, resuming it.

The admin, the management commands and the worker all go through these. A run is executed by
whoever claims it: the command in its own process, or the worker (through tasks.run_import).
Claims are leases: a run whose worker has been silent longer than IMPORT_LEASE_SECONDS is
taken over and resumes from its last committed chunk.

Claiming and executing a run live below the jobs (execution.py), and handing stalled runs back
to the worker in tasks.py, so the jobs import nothing from here; their names are here too for
every other caller.
"""

import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from masthead.core.audit import audit

from .errors import ExportError
from .execution import import_run_claim, import_run_execute  # noqa: F401
from .files import ExportFiles
from .models import ImportRun
from .sources import open_source
from .tasks import resume_stalled_runs, run_import  # noqa: F401


def imports_dir():
    return Path(getattr(settings, "IMPORTS_DIR", settings.VAR_DIR / "imports"))


def store_upload(uploaded):
    """Keep an uploaded export outside MEDIA_ROOT (nothing serves it) for the worker to read."""
    folder = imports_dir() / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(uploaded.name).name or "export"
    path = folder / name
    with path.open("wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    return path


def check_export(*, kind, source, path, options=None):
    """Open the export as a run would; raises ExportError with what is wrong. Returns the count
    of objects it holds."""
    files = ExportFiles(path)
    try:
        return open_source(kind, source, files, options or {}).count()
    except ValueError as error:
        if isinstance(error, ExportError):
            raise
        raise ExportError(str(error)) from error


def import_run_create(*, kind, source, path, options=None, dry_run=False, actor=None, now=None, save=True):
    """A run for the export at `path`. The file is checked first: a file we cannot read gives
    ExportError and no run. `save=False` makes an unsaved run (the command's dry run: nothing
    is written, not even the report)."""
    now = now or timezone.now()
    total = check_export(kind=kind, source=source, path=path, options=options)
    run = ImportRun(
        kind=kind,
        source=source,
        file_path=str(path),
        file_name=Path(path).name,
        options=options or {},
        dry_run=dry_run,
        total=total,
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=now,
    )
    if save:
        with transaction.atomic():
            run.save()
            audit(
                "importers.run.created",
                actor=actor,
                target=run,
                now=now,
                source=source,
                kind=kind,
                dry_run=dry_run,
            )
    return run


def import_run_from_dry_run(*, run, actor=None, now=None):
    """The real import of what `run` dry-ran: same file, same options."""
    return import_run_create(
        kind=run.kind,
        source=run.source,
        path=run.file_path,
        options=run.options,
        dry_run=False,
        actor=actor,
        now=now,
    )


def import_run_enqueue(*, run):
    """Hand a saved run to the worker (after commit, so the worker sees it)."""
    transaction.on_commit(lambda: run_import.enqueue(str(run.pk)))


def import_run_resume(*, run, actor=None, now=None):
    """Put a failed run back in the queue; it resumes from its last committed chunk."""
    now = now or timezone.now()
    if run.status != ImportRun.Status.FAILED:
        return run
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, error="", heartbeat_at=None)
    audit("importers.run.resumed", actor=actor, target=run, now=now)
    run.refresh_from_db()
    import_run_enqueue(run=run)
    return run


def import_run_delete_file(*, run):
    """Remove an uploaded export once staff no longer need it (kept until then for resuming)."""
    path = Path(run.file_path)
    if imports_dir() in path.parents:
        shutil.rmtree(path.parent, ignore_errors=True)
