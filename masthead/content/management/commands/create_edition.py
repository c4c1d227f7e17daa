from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.content.editions import create_edition


class Command(BaseCommand):
    help = "Create an edition's home and sections as translations of the default edition's (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("language_code", help="e.g. zh-hans")

    def handle(self, language_code, **options):
        codes = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        if language_code not in codes or language_code == settings.LANGUAGE_CODE:
            raise CommandError(
                f"Not a second content language: {language_code!r} (choices: {', '.join(codes)})"
            )
        home = create_edition(language_code)
        self.stdout.write(f"{codes[language_code]} edition: {home.url}")
