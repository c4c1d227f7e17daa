"""Keep derived data in step with publishing: the navigation cache."""

from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.core.context_processors import NAV_CACHE_KEY

from .models import SectionPage


@receiver(page_published, sender=SectionPage)
@receiver(page_unpublished, sender=SectionPage)
@receiver(post_page_move)
def clear_navigation(sender, **kwargs):
    cache.delete(NAV_CACHE_KEY)
