"""Keep derived data in step with publishing: the navigation cache and the public search index."""

from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.core.context_processors import NAV_CACHE_KEY

from .models import ArticlePage, SectionPage


@receiver(page_published, sender=SectionPage)
@receiver(page_unpublished, sender=SectionPage)
@receiver(post_page_move)
def clear_navigation(sender, **kwargs):
    from .selectors import SECTIONS_CACHE_KEY

    cache.delete_many([NAV_CACHE_KEY, SECTIONS_CACHE_KEY])


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
def reindex_article_on_publishing(sender, instance, **kwargs):
    from .tasks import reindex_article

    # After commit: the worker must see the published state, not race the transaction.
    transaction.on_commit(lambda: reindex_article.enqueue(instance.pk))
