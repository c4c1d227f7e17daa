"""Running one import: parse the export, then import its objects in order, in chunks.

Each chunk is one transaction that also records how far the run got (`position`) and its counts,
so a crash loses at most the chunk in flight, and a resumed run starts where the last commit
left off. Inside a chunk each object has its own savepoint: an object that fails is rolled
back whole and reported with its source id, and the others go on ("each object either fully
in or reported"). What was imported is remembered per source id (ImportedObject) with a
checksum of its source data: the same export again creates nothing and skips what is
unchanged; changed objects are updated.

A dry run goes through the same steps without writing anything but the report: it converts
every body, checks every image, looks members up (and, with Stripe, their subscriptions) and
says what would be created, updated, skipped or refused.
"""

import logging
import os
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .content import ContentImporter
from .errors import ExportError
from .files import ExportFiles
from .images import ImageResolver
from .ledger import remember, remembered
from .members import MemberImporter
from .models import ImportMessage, ImportRun
from .sources import open_source

logger = logging.getLogger(__name__)


def chunk_size():
    """Objects per transaction (IMPORT_CHUNK_SIZE, a setting or the environment): a crash loses
    at most one chunk's work, and a chunk holds the database's write lock while it runs."""
    return int(getattr(settings, "IMPORT_CHUNK_SIZE", None) or os.environ.get("IMPORT_CHUNK_SIZE") or 50)


class Report:
    """Counts per kind (created / updated / skipped / failed …) and messages with source ids."""

    def __init__(self, run):
        self.run = run
        self.counts = defaultdict(lambda: defaultdict(int))
        for kind, numbers in (run.counts or {}).items():
            self.counts[kind].update(numbers)
        self.pending = []

    def count(self, kind, outcome, n=1):
        if n:
            self.counts[kind][outcome] += n

    def message(self, level, kind, source_id, text):
        self.pending.append(
            ImportMessage(
                run=self.run,
                level=level,
                kind=kind,
                source_id=str(source_id)[:200],
                text=str(text),
                created_at=timezone.now(),
            )
        )

    def as_dict(self):
        return {kind: dict(numbers) for kind, numbers in sorted(self.counts.items())}

    def flush(self):
        """Store the messages (runs that are saved); a CLI dry run keeps them in memory."""
        if self.run.pk and not self.run._state.adding:
            ImportMessage.objects.bulk_create(self.pending)
            self.stored = getattr(self, "stored", []) + self.pending
        else:
            self.stored = getattr(self, "stored", []) + self.pending
        self.pending = []


def open_run(run):
    files = ExportFiles(run.file_path)
    source = open_source(run.kind, run.source, files, run.options or {})
    return files, source


def execute(run, *, progress=None, now=None):
    """Import (or dry-run) `run` from its `position` to the end. `progress(run)` is called after
    every chunk. Raises ExportError for a file that cannot be read at all (nothing written)."""
    now = now or timezone.now()
    persisted = not run._state.adding
    report = Report(run)
    files, source = open_run(run)
    units = list(source.units())
    resolver = ImageResolver(
        source, files, dry_run=run.dry_run, allow_fetch=not (run.options or {}).get("no_fetch")
    )
    importer_cls = ContentImporter if run.kind == "content" else MemberImporter
    importer = importer_cls(run=run, source=source, resolver=resolver, report=report, now=now)
    if run.position == 0:
        for line, email, text in getattr(source, "errors", []):
            report.count("member", "failed")
            report.message(
                ImportMessage.Level.ERROR, "member", email or f"line {line}", f"line {line}: {text}"
            )
    run.total = len(units)
    step = chunk_size()
    while run.position < run.total:
        chunk = units[run.position : run.position + step]
        with transaction.atomic():
            for unit in chunk:
                importer.import_unit(unit)
            run.position += len(chunk)
            run.counts = report.as_dict()
            run.heartbeat_at = timezone.now()
            report.flush()
            if persisted:
                run.save(update_fields=["position", "total", "counts", "heartbeat_at"])
        if progress is not None:
            progress(run)
    importer.finish()
    run.counts = report.as_dict()
    report.flush()
    return report


def lease():
    """How long a run's worker may be silent before another takes the run over (IMPORT_LEASE_SECONDS)."""
    seconds = getattr(settings, "IMPORT_LEASE_SECONDS", None) or os.environ.get("IMPORT_LEASE_SECONDS") or 60
    return timedelta(seconds=int(seconds))


__all__ = ["ExportError", "ImportRun", "execute", "lease", "remember", "remembered"]
