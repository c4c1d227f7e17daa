"""Back up the database and every uploaded file into one archive (see core.backup)."""

from django.core.management.base import BaseCommand, CommandError

from masthead.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and all media and newsroom files to a .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the archive, e.g. /srv/backups/masthead.tar.gz")

    def handle(self, *args, path, **options):
        try:
            backup(path, out=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
