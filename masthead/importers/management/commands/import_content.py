"""manage.py import_content {ghost,substack,wordpress} EXPORT — articles, pages, authors, tags,
images, comments and old addresses from another platform's export."""

from django.core.management.base import BaseCommand

from ._common import run_command


class Command(BaseCommand):
    help = "Import articles and pages from a Ghost, Substack or WordPress export."

    def add_arguments(self, parser):
        parser.add_argument("source", choices=["ghost", "substack", "wordpress"])
        parser.add_argument(
            "path",
            help="The export: a .json (Ghost), a .zip or folder (Substack), a .xml (WordPress), or a zip/folder with its files",
        )
        parser.add_argument("--dry-run", action="store_true", help="Write nothing; print what would happen.")
        parser.add_argument(
            "--site-url",
            default="",
            help="The old site's address, to fetch images and name redirects' source.",
        )
        parser.add_argument(
            "--section", default="archive", help="Section (slug) for articles whose source has none."
        )
        parser.add_argument("--pages-section", default="pages", help="Section (slug) for the source's pages.")
        parser.add_argument(
            "--permalink",
            default="/{slug}/",
            help="Ghost's post address pattern: {slug} {year} {month} {day} {id}.",
        )
        parser.add_argument(
            "--categories",
            choices=["sections", "tags"],
            default="sections",
            help="WordPress categories become sections (the first) or tags.",
        )
        parser.add_argument(
            "--no-fetch",
            action="store_true",
            help="Never download images; keep those not in the export as links.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the import for the worker instead of running it here.",
        )

    def handle(self, *args, **opts):
        options = {
            "site_url": opts["site_url"],
            "section": opts["section"],
            "pages_section": opts["pages_section"],
            "permalink": opts["permalink"],
            "categories": opts["categories"],
            "no_fetch": opts["no_fetch"],
        }
        run_command(
            self,
            kind="content",
            source=opts["source"],
            path=opts["path"],
            options=options,
            dry_run=opts["dry_run"],
            background=opts["background"],
        )
