"""Request plumbing shared by every page."""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

# Wagtail looks the site up with a multi-clause query on every request (measured ~5 ms of a
# ~50 ms article page). Sites change rarely, so each process keeps the answer briefly.
SITE_TTL_SECONDS = 30
_sites = {}


def _site_fields(site):
    return {f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields}


class SiteCacheMiddleware:
    """Set request._wagtail_site (where Wagtail looks first) from a short-lived per-process cache.

    Each request gets a fresh Site instance built from cached field values, so nothing loaded
    through it (the root page) outlives the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = (request._get_raw_host(), request.get_port())
        hit = _sites.get(key)
        now = time.monotonic()
        if hit is None or hit[0] < now:
            site = Site._find_for_request(request)
            _sites[key] = (now + SITE_TTL_SECONDS, _site_fields(site) if site else None)
            request._wagtail_site = site
        else:
            fields = hit[1]
            request._wagtail_site = Site(**fields) if fields else None
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    _sites.clear()


from .caching import (  # noqa: E402
    CACHE_PARAMS_HEADER,
    CACHE_TAGS_HEADER,
    cache_params_header,
    cache_tags_header,
    is_anonymous_request,
)


class PrivateForPeopleMiddleware:
    """Responses to a signed-in reader (or anyone with a session) are never stored by shared caches.

    Views that serve identical bytes to every anonymous visitor mark themselves public
    (content.views.mark_cacheable); everything else said to a person is `private`. Every
    response varies on Cookie, so a cache keyed on the URL alone cannot mix the two.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.cache import patch_cache_control, patch_vary_headers

        response = self.get_response(request)
        if not is_anonymous_request(request) or response.cookies:
            cache_control = response.get("Cache-Control", "")
            if "public" in cache_control or "private" not in cache_control:
                if "public" in cache_control:
                    del response["Cache-Control"]
                patch_cache_control(response, private=True)
        elif "public" in response.get("Cache-Control", ""):
            response[CACHE_PARAMS_HEADER] = cache_params_header(request)
            if tags := cache_tags_header(request):
                response[CACHE_TAGS_HEADER] = tags
        patch_vary_headers(response, ["Cookie"])
        return response
