"""Restore a backup into an empty database and the configured storages (see core.backup)."""

from django.core.management.base import BaseCommand, CommandError

from masthead.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a `manage.py backup` archive into an EMPTY database, then migrate."
    # The database is empty until the dump is loaded: checks that read it would only add noise.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive written by `manage.py backup`")

    def handle(self, *args, path, **options):
        try:
            restore(path, out=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
