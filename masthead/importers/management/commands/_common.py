"""What import_content and import_members share: running a run here, and printing its report."""

import sys

from django.core.management.base import CommandError

from ...errors import ExportError
from ...models import ImportMessage
from ...services import import_run_create, import_run_enqueue, import_run_execute


def run_command(command, *, kind, source, path, options, dry_run, background):
    try:
        run = import_run_create(
            kind=kind,
            source=source,
            path=path,
            options=options,
            dry_run=dry_run,
            save=background or not dry_run,
        )
    except ExportError as error:
        raise CommandError(str(error)) from error
    if background:
        import_run_enqueue(run=run)
        command.stdout.write(f"Queued import {run.pk}: the worker runs it; follow it in the admin (Imports).")
        return
    verb = "Checking" if dry_run else "Importing"
    command.stdout.write(f"{verb} {run.total} objects from {path} ({source})…")
    tty = sys.stdout.isatty()

    def progress(run):
        if tty:
            command.stdout.write(f"\r  {run.position}/{run.total}", ending="")
            command.stdout.flush()

    try:
        run = import_run_execute(run=run, progress=progress)
    except ExportError as error:
        raise CommandError(str(error)) from error
    if tty:
        command.stdout.write("")
    print_report(command, run, dry_run=dry_run)


def print_report(command, run, *, dry_run):
    heading = "Dry run — nothing was written. Would be:" if dry_run else "Done:"
    command.stdout.write(command.style.MIGRATE_HEADING(heading))
    for kind, numbers in sorted(run.counts.items()):
        numbers = {k: v for k, v in numbers.items() if v}
        if numbers:
            command.stdout.write(
                f"  {kind}: " + ", ".join(f"{n} {outcome}" for outcome, n in sorted(numbers.items()))
            )
    messages = getattr(run.report, "stored", [])
    if messages:
        command.stdout.write(command.style.MIGRATE_HEADING(f"{len(messages)} message(s):"))
    for message in messages:
        style = command.style.ERROR if message.level == ImportMessage.Level.ERROR else command.style.WARNING
        label = {"error": "NOT IMPORTED", "warning": "warning", "info": "note"}[message.level]
        command.stdout.write(style(f"  [{label}] {message.kind} {message.source_id}: {message.text}"))
