"""Navigation, which belongs to content: the live sections in the site's menu (per edition) and
the newsroom's settings, for every template (settings.TEMPLATES)."""

from django.conf import settings
from django.utils.translation import get_language

from masthead.core.cachetags import cached
from masthead.core.caching import Lazy, is_preview, site_setting

from .models import NewsroomSettings, SectionPage

NAV_TAG = "nav"


def nav_sections(*, shared_cache=True):
    """The sections in the site navigation, for the current language (edition). Kept with the
    `nav` tag (core.cachetags; sections published, unpublished, moved) and `site`. Previews
    (`shared_cache=False`) read the live sections without touching the cache."""
    language = get_language() or settings.LANGUAGE_CODE

    def build():
        return [
            (s.title, s.url, s.slug, s.color)
            for s in SectionPage.objects.live().filter(locale__language_code=language).order_by("path")
        ]

    if not shared_cache:
        return build()
    return cached(f"nav-sections:{language}", build, tags=(NAV_TAG,))


def navigation(request):
    """The site chrome's content parts (beside core.context_processors.site_chrome): the
    sections menu and the newsroom's settings (its name, links, footer)."""
    preview = is_preview(request)
    return {
        "nav_sections": Lazy(lambda: nav_sections(shared_cache=not preview)),
        "newsroom": Lazy(lambda: site_setting(request, NewsroomSettings)),
    }
