"""Keep the public search index (SearchEntry) in step with what is published.

`index_article` is the one way an article enters or leaves the index: a live article is written,
anything else is removed. Publishing signals enqueue it as a task, so it is idempotent by design.

The index is public — anyone can ask whether an article contains a word — so it holds only what
an anonymous reader may read (the access policy's anonymous decision): a members or premium
article is indexed by its headline, dek and preview, never by the text below its premium break.
"""

from django.db import transaction

from .gate import gate
from .models import ArticlePage, SearchEntry
from .readable import readable_text
from .search_text import index_text


def entry_fields(article):
    return {
        "title": index_text(article.title),
        "dek": index_text(article.dek or ""),
        "body": index_text(readable_text(article, full=gate().anonymous_decision(article).full)),
        "date": article.date or article.first_published_at,
        "locale_id": article.locale_id,
    }


def index_article(*, page_id):
    """Write the live article `page_id` to the search index, or remove it if it is not live."""
    article = ArticlePage.objects.filter(pk=page_id).first()
    if article is None or not article.live or article.date is None:
        SearchEntry.objects.filter(page_id=page_id).delete()
        return False
    with transaction.atomic():
        SearchEntry.objects.update_or_create(page_id=page_id, defaults=entry_fields(article))
    return True


def rebuild_index():
    """Rebuild the whole index from live articles. Returns the number indexed."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        entries = [
            SearchEntry(page_id=article.pk, **entry_fields(article))
            for article in ArticlePage.objects.live().exclude(date__isnull=True).iterator(chunk_size=500)
        ]
        SearchEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)
