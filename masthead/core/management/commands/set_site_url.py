"""Point Wagtail's site record at SITE_URL (or show what it is)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from masthead.core import origin


class Command(BaseCommand):
    help = (
        "Point the site record (and so every canonical link, sitemap and feed) at SITE_URL. "
        "Change SITE_URL in the environment first; `migrate` does the same."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only report; exit 1 if it differs.")

    def handle(self, *args, check=False, **options):
        mismatch = origin.site_record_mismatch()
        if check:
            if mismatch:
                self.stderr.write(mismatch)
                raise SystemExit(1)
            self.stdout.write(f"The site record agrees with SITE_URL ({settings.SITE_URL}).")
            return
        site = origin.sync_site_record()
        if site is None:
            self.stdout.write(f"The site record already points at {settings.SITE_URL}.")
        else:
            self.stdout.write(f"The site record now points at {site.root_url}.")
