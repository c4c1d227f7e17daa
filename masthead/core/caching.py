"""Cache headers: what may be shared, and what belongs to one person.

DESIGN.md's rule: a response that depends on who the reader is is never stored in a shared cache;
anonymous responses are the same for every anonymous reader and are cacheable. Views opt in to
sharing with `public_for_anonymous` (or `mark_cacheable(..., personal=False)`); the page cache
(core.pagecache) and any CDN or nginx in front store only responses marked public.
"""

import hashlib
from functools import wraps
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from . import cachetags

# Seconds browsers and caches without purge may keep an anonymous page. The page cache and
# nginx keep pages longer and are invalidated on publish.
PUBLIC_MAX_AGE = 60


# The response header through which a view tells the page cache which query parameters it read,
# with the values it used (core.pagecache stores a page only for exactly those).
CACHE_PARAMS_HEADER = "X-Masthead-Cache-Params"
# ...and the tags (core.cachetags) its page depends on besides `site`, each with the version it
# had before the view read its data: `article:12=8812… comments:12=1234…`.
CACHE_TAGS_HEADER = "X-Masthead-Cache-Tags"


def page_tags(request, *tags):
    """Record that the page being rendered depends on `tags` besides `site` (which every page
    depends on), e.g. an article page on `comments:<id>`. Call it before reading the data the
    tags stand for: their versions are read now, and the page cache keeps the page only with
    these versions, so a change that lands while the page renders makes it stale at once.

    With the shared cache unreachable a version is None, and the page is not stored."""
    recorded = request.__dict__.setdefault("_masthead_cache_tags", {})
    new = [t for t in tags if t not in recorded]
    if new:
        recorded.update(cachetags.versions(new))


def cache_tags_header(request):
    """The page's tags and versions for the page cache, or "" (a version None is sent as such,
    which the page cache refuses to store)."""
    recorded = getattr(request, "_masthead_cache_tags", {})
    return " ".join(f"{tag}={version}" for tag, version in sorted(recorded.items()))


def read_param(request, name, value):
    """Record that the view used query parameter `name` as `value` (its canonical spelling).

    The page cache stores an anonymous page only if the request's query string is exactly the
    parameters the view read, spelled as the view used them: `?page=2` is stored, while
    `?page=02`, `?limit=999999`, `?page=2&q=junk` on a page that reads no `q` are answered but
    never stored. So the number of stored pages is bounded by what the site has, not by what
    visitors type.
    """
    params = request.__dict__.setdefault("_masthead_cache_params", {})
    params[name] = str(value)


def read_page_number(request):
    """`?page=` as a positive whole number (recorded with read_param), or None if it is absent
    or not a plain number (the listing then answers 404 and nothing is stored)."""
    raw = request.GET.get("page")
    if raw is None or not raw.isdigit() or raw.startswith("0"):
        return None
    read_param(request, "page", raw)
    return int(raw)


def cache_params_header(request):
    return urlencode(sorted(getattr(request, "_masthead_cache_params", {}).items()))


def is_anonymous_request(request):
    """Nothing in the request can make its response differ from another anonymous visitor's:
    not signed in, and no session or flash-message cookie."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def mark_cacheable(response, *, personal):
    if personal:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        # nginx's micro-cache (deploy/nginx-masthead.conf) keeps the page this long; it cannot
        # be purged on publish, so this is the staleness bound behind nginx. nginx hides it.
        response["X-Accel-Expires"] = str(settings.EDGE_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    return response


def cacheable_for(request, response):
    """Public if the request was anonymous and the response is a plain success; private otherwise."""
    personal = not is_anonymous_request(request) or response.status_code != 200 or bool(response.cookies)
    return mark_cacheable(response, personal=personal)


def public_for_anonymous(view):
    """Mark a view's anonymous 200 responses shareable (and everything else private)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return cacheable_for(request, view(request, *args, **kwargs))

    return wrapped


def offer_variant(request):
    """Offer this page to the page cache per access variant (docs/caching.md).

    Call it before rendering, from views whose page is the same for every signed-in reader of
    the variant once personal parts are left out: templates then render each personal part as an
    empty slot (`request.masthead_variant_page`), filled after load by access's personal-parts
    request. Only requests whose entitlement the access middleware accepted get a variant.
    """
    request.masthead_variant_page = getattr(request, "masthead_variant", None)
    return request.masthead_variant_page


def withdraw_variant(request):
    """This page turned out personal (a metered read, a gift): render it per request, keep nothing."""
    request.masthead_variant_page = None


class Lazy:
    """A template value computed on first use, then remembered.

    Django templates call callables, so a cached fragment that is a hit never evaluates the
    queries behind the values it would have used.
    """

    __slots__ = ("fn", "value", "done")

    def __init__(self, fn):
        self.fn, self.value, self.done = fn, None, False

    def __call__(self):
        if not self.done:
            self.value, self.done = self.fn(), True
        return self.value


# The cache alias `{% cache %}` fragments use while Wagtail renders a preview: Django's DummyCache,
# which finds nothing and keeps nothing (settings.CACHES). A preview shows unpublished values
# under the same keys as the live page, so it must neither read nor write the shared fragments.
PREVIEW_CACHE_ALIAS = "preview"


def is_preview(request):
    """Is this Wagtail rendering a preview (of an edit, a draft, a revision, a moderation)?

    Wagtail marks the dummy request it builds for every preview with `is_preview`. Such a render
    carries unsaved or unapproved values: it must never read or write a cache readers are served
    from (fragments, remembered routes and settings, comment threads, related articles).
    """
    return bool(getattr(request, "is_preview", False))


def fragment_cache_alias(request):
    """The cache `{% cache %}` fragments are read from and written to for this request."""
    return PREVIEW_CACHE_ALIAS if is_preview(request) else "default"


def fragment_generation():
    """Part of every cached fragment's key (with the page cache's generation): publishing
    anything makes every fragment stale at once. None while the shared cache is unreachable:
    callers then skip what they keep per generation."""
    return cachetags.generation.get()


_settings_cache = cachetags.ProcessCache("core.site_settings", 256)


def site_setting(request, model):
    """A Wagtail site setting, kept per process for the current page-cache generation.

    Settings are read on nearly every page; saving one bumps the generation, so a stale copy
    never outlives the change by more than the generation's re-read interval (~1 s).
    """
    site = Site.find_for_request(request)
    generation = fragment_generation()
    if generation is None or is_preview(request):
        # The shared cache is down (changes cannot reach this process), or a preview.
        return model.for_site(site) if site else model()
    key = (model._meta.label, site.pk if site else None)
    value = _settings_cache.get(key, generation)
    if value is None:
        value = model.for_site(site) if site else model()
        _settings_cache.set(key, value, generation)
    return value


# The route cache (docs/caching.md, "Routes"): path → page for plain live pages, so a request
# whose page is not served from the page cache (a signed-in reader's, a page that just went stale)
# need not find its page again — the site's root, its specific class, a tree walk a query or two per
# level, view restrictions. One cache, read in two tiers: this process's memory (no query at all),
# then the shared cache (what another process found: one query, re-read by primary key and checked
# live), then Wagtail's own routing. Both tiers are keyed by the `site` version, so publishing,
# unpublishing, moving a page, view restrictions and settings forget every route at once.
_routes = cachetags.ProcessCache("core.routes", 300)
SHARED_ROUTE_SECONDS = 3600


def _shared_route_key(generation, key):
    site_pk, language, path = key
    # Hashed: paths may be long and non-ASCII; a truncated path could name two pages.
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    return f"route:{generation}:{site_pk}:{language}:{digest}"


def _is_plain(result):
    """A route worth remembering: a live page served by its own `serve`, with no sub-route
    (RoutablePageMixin pages route their own arguments, so they are walked every time)."""
    return (
        isinstance(result, RouteResult)
        and not result.args
        and not result.kwargs
        and result.page.live
        and not hasattr(result.page, "get_subpage_urls")
    )


def _shared_route(generation, key):
    hit = cache.get(_shared_route_key(generation, key))
    if hit is None:
        return None
    try:
        model = apps.get_model(hit[0])
    except (LookupError, ValueError, TypeError):
        return None
    # Re-read, and live now: a stale entry can only cost a normal route, never serve an
    # unpublished page.
    page = model.objects.filter(pk=hit[1], live=True).first()
    return RouteResult(page) if page is not None else None


def remembered_route(request, path):
    """The route to `path` from the route cache, finding and remembering it on a miss; None when
    routes may not be remembered for this request (not a GET, a preview, the shared cache
    unreachable) or the path is not a plain live page — Wagtail's `serve` then routes itself.

    A remembered page object is shared by later requests of this process until the `site`
    version changes, the same staleness bound as the page cache.
    """
    generation = fragment_generation()
    if request.method not in ("GET", "HEAD") or generation is None or is_preview(request):
        return None
    site = Site.find_for_request(request)
    key = (site.pk if site else None, getattr(request, "LANGUAGE_CODE", ""), path)
    route = _routes.get(key, generation)
    if route is not None:
        return route
    route = _shared_route(generation, key)
    if route is None:
        result = Page.route_for_request(request, path)
        if not _is_plain(result):
            return None
        route = result
        cache.set(
            _shared_route_key(generation, key), (route.page._meta.label, route.page.pk), SHARED_ROUTE_SECONDS
        )
    _routes.set(key, route, generation)
    return route


def serve_page(request, path):
    """Wagtail's front-end `serve`, with the route from the route cache when it has one."""
    # Lazy: this module is imported while models load (content.models), and wagtail.views
    # imports Wagtail's models, which are not ready then (AppRegistryNotReady).
    from wagtail.views import serve

    route = remembered_route(request, path)
    if route is not None:
        request._wagtail_route_for_request = route
    return serve(request, path)


class RememberedRestrictions:
    """Page mixin: view restrictions read once per page object (remembered objects live one
    generation). The same evaluated queryset is returned, so callers that refine it (the admin's
    `.order_by()`) still get a fresh query."""

    def get_view_restrictions(self):
        cached = self.__dict__.get("_masthead_view_restrictions")
        if cached is None:
            cached = super().get_view_restrictions()
            len(cached)  # evaluate now: later iterations and .exists() use the result cache
            self.__dict__["_masthead_view_restrictions"] = cached
        return cached
