"""Keep derived data in step with publishing: the navigation cache, the public search index and
the page cache (every change that anonymous readers could see bumps its generation)."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished, post_page_move

from masthead.core.context_processors import NAV_CACHE_KEY
from masthead.core.pagecache import invalidate_on_change

from . import signals
from .models import ArticlePage, NewsroomSettings, SectionPage


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


@receiver(page_published, sender=ArticlePage)
def announce_article_published(sender, instance, **kwargs):
    first = instance.first_published_at is None or instance.first_published_at == instance.last_published_at
    signal = signals.article_published if first else signals.article_updated
    transaction.on_commit(lambda: signal.send(sender=ArticlePage, article_id=instance.pk))


@receiver(page_unpublished, sender=ArticlePage)
def announce_article_unpublished(sender, instance, **kwargs):
    transaction.on_commit(
        lambda: signals.article_unpublished.send(sender=ArticlePage, article_id=instance.pk)
    )


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def invalidate_pages_on_publishing(sender, **kwargs):
    invalidate_on_change()


@receiver(post_delete, sender=Page)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
@receiver(post_save, sender=Site)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=get_image_model())
def invalidate_pages_on_change(sender, **kwargs):
    invalidate_on_change()


@receiver(post_save, sender=NewsroomSettings)
def invalidate_pages_on_settings(sender, created=False, **kwargs):
    # Wagtail creates a site's settings with their defaults on first read: nothing changes.
    if not created:
        invalidate_on_change()


@receiver(copy_for_translation_done)
def bylines_in_the_translations_edition(sender, source_obj, target_obj, **kwargs):
    """A translated article's bylines name the authors' pages in its own edition (issue 20)."""
    from .editions import localise_bylines

    localise_bylines(target_obj.specific)
