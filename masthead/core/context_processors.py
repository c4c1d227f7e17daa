import secrets

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from .caching import Lazy, fragment_cache_alias, fragment_generation, is_preview
from .identity import publication

NAV_CACHE_KEY = "core:nav-sections:v1"
# Fragments are dropped by generation on publish; this only bounds how long an unused one lingers.
FRAGMENT_SECONDS = 3600


def nav_sections(*, shared_cache=True):
    """The sections in the site navigation. Cached; content signal handlers clear it on publish.
    Previews (`shared_cache=False`) read the live sections without touching the cache."""
    from django.utils.translation import get_language

    # One entry per edition under the one key, so deleting the key clears every edition's menu.
    language = get_language() or settings.LANGUAGE_CODE
    by_language = (cache.get(NAV_CACHE_KEY) or {}) if shared_cache else {}
    sections = by_language.get(language)
    if sections is None:
        from masthead.content.models import SectionPage

        sections = [
            (s.title, s.url, s.slug, s.color)
            for s in SectionPage.objects.live().filter(locale__language_code=language).order_by("path")
        ]
        if shared_cache:
            cache.set(NAV_CACHE_KEY, {**by_language, language: sections}, 3600)
    return sections


def _newsroom(request):
    from masthead.content.models import NewsroomSettings

    from .caching import site_setting

    return site_setting(request, NewsroomSettings)


def site_chrome(request):
    pub = publication()
    preview = is_preview(request)
    generation = fragment_generation()
    return {
        "nav_sections": Lazy(lambda: nav_sections(shared_cache=not preview)),
        "newsroom": Lazy(lambda: _newsroom(request)),
        # The publication's identity (core.identity): name, logo, favicon, sender, postal address.
        "publication": pub,
        "site_name": pub.name,
        "site_url": settings.SITE_URL,
        "dev_mailbox_enabled": settings.DEV_MAILBOX_ENABLED,
        "membership_url": reverse(getattr(settings, "MASTHEAD_MEMBERSHIP_URL_NAME", "access:membership")),
        # Template fragments ({% cache %}) are keyed on this: publishing makes them all stale.
        # While the cache is unreachable (generation None) fragments are neither read from a
        # shared key nor kept: a key no one else uses, and 0 seconds (Django deletes at once).
        "cache_gen": generation if generation is not None else f"down-{secrets.token_hex(8)}",
        # ...and read from and written to this cache: a preview's is one that keeps nothing.
        "fragment_cache": fragment_cache_alias(request),
        "fragment_seconds": FRAGMENT_SECONDS if generation is not None else 0,
        "MASTHEAD_ENV": settings.MASTHEAD_ENV,
        "payments_test_banner": settings.PAYMENTS_TEST_MODE_BANNER,
    }
