"""Request plumbing shared by every page."""

from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Site

from . import cachetags

# Wagtail looks the site up with a multi-clause query on every request (measured ~5 ms of a
# ~50 ms article page). Sites change rarely: each process keeps the answer for one `site` version
# (saving or deleting a Site changes it, content.signal_handlers), so a change made through any
# process is seen by all within the version's one-second re-read.
_sites = cachetags.ProcessCache("core.sites", 64)
_NO_SITE = object()


def _site_fields(site):
    return {f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields}


class SiteCacheMiddleware:
    """Set request._wagtail_site (where Wagtail looks first) from the per-process site cache.

    Each request gets a fresh Site instance built from cached field values, so nothing loaded
    through it (the root page) outlives the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        generation = cachetags.generation.get()
        key = (request._get_raw_host(), request.get_port())
        fields = _sites.get(key, generation) if generation is not None else None
        if fields is None:
            site = Site._find_for_request(request)
            if generation is not None:
                _sites.set(key, _site_fields(site) if site else _NO_SITE, generation)
            request._wagtail_site = site
        else:
            request._wagtail_site = None if fields is _NO_SITE else Site(**fields)
        return self.get_response(request)


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
