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

from masthead.core import cachetags

from . import signals
from .editions import localise_bylines
from .models import ArticlePage, NewsroomSettings, SectionPage
from .selectors import SECTIONS_CACHE_KEY
from .tasks import reindex_article


@receiver(page_published, sender=SectionPage)
@receiver(page_unpublished, sender=SectionPage)
@receiver(post_page_move)
def clear_navigation(sender, **kwargs):
    cache.delete(SECTIONS_CACHE_KEY)  # the navigation goes with the `nav` tag, below


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
@receiver(post_page_move, sender=ArticlePage)  # into another edition: the entry's locale follows
def reindex_article_on_publishing(sender, instance, **kwargs):
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


# --- Cache tags (core.cachetags): which changes make which cached values stale ----------------
# Publishing, unpublishing and moving change what lists or shows a page (home, sections, tags,
# archive, feeds, search, sitemap, API): the coarse `site` tag, which drops every page. An
# article's own tag and the navigation's go with it, for values kept under those alone.


def _page_tags(sender, instance=None, **kwargs):
    tags = [cachetags.SITE]
    if isinstance(instance, ArticlePage) or sender is ArticlePage:
        tags.append(f"article:{instance.pk}")
    if isinstance(instance, SectionPage) or sender is SectionPage or "url_path_before" in kwargs:
        tags.append("nav")
    return tags


cachetags.on(page_published, _page_tags)
cachetags.on(page_unpublished, _page_tags)
cachetags.on(post_page_move, _page_tags)
# Deleting a page, view restrictions (who may see a page), the site record, tags and images
# shown in listings and chrome.
for _signal, _sender in (
    (post_delete, Page),
    (post_save, PageViewRestriction),
    (post_delete, PageViewRestriction),
    (m2m_changed, PageViewRestriction.groups.through),
    (post_save, Site),
    (post_delete, Site),
    (post_save, Tag),
    (post_save, get_image_model()),
):
    cachetags.on(_signal, cachetags.always(cachetags.SITE, "nav"), sender=_sender)
cachetags.on(post_save, cachetags.unless_created(cachetags.SITE), sender=NewsroomSettings)


@receiver(copy_for_translation_done)
def bylines_in_the_translations_edition(sender, source_obj, target_obj, **kwargs):
    """A translated article's bylines name the authors' pages in its own edition (issue 20)."""
    localise_bylines(target_obj.specific)
