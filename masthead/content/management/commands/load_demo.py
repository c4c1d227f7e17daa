from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.content.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent: running it again changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Allow loading demo content in production.")

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError(
                "Refusing to load demo content into a production site (use --force if you mean it)."
            )
        result = load_demo(out=lambda m: self.stdout.write(m))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo newsroom ready: {result['articles']} live articles ({result['created']} objects created this run)."
            )
        )
        self.stdout.write(
            "Staff accounts (password "
            f"{result['password']}): admin (superuser), editor (Editors), writer (Writers), "
            "moderator (Moderators), door (Door staff), finance (Finance) — sign in at /admin/"
        )
