from django.core.management.base import BaseCommand

from masthead.content.search_index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the public search index from live articles (what an anonymous reader may read)."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} articles."))
