"""Cache headers: what may be shared, and what belongs to one person.

DESIGN.md's rule: a response that depends on who the reader is is never stored in a shared cache;
anonymous responses are the same for every anonymous reader and are cacheable. Views opt in to
sharing with `public_for_anonymous` (or `mark_cacheable(..., personal=False)`); the page cache
(core.pagecache) and any CDN or nginx in front store only responses marked public.
"""

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


def cached_route(root, request, path_components, route):
    """Route through a per-generation map of path → (model, pk) for plain live pages.

    Only pages served by their own `serve` (no RoutablePageMixin sub-routes) are remembered, and
    a remembered page is re-read by primary key and must still be live, so a stale entry can
    only cost a normal route, never serve an unpublished page.
    """
    generation = fragment_generation()
    if not path_components or len(path_components) > 8 or generation is None or is_preview(request):
        return route(request, path_components)
    key = f"route:{generation}:{root.pk}:" + "/".join(path_components)[:300]
    hit = cache.get(key)
    if hit is not None:
        model = apps.get_model(hit[0])
        page = model.objects.filter(pk=hit[1], live=True).first()
        if page is not None:
            return RouteResult(page)
    result = route(request, path_components)
    page = (
        result.page if isinstance(result, RouteResult) else (result[0] if isinstance(result, tuple) else None)
    )
    args = (
        result.args if isinstance(result, RouteResult) else (result[1] if isinstance(result, tuple) else ())
    )
    if page is not None and page.live and not args and not hasattr(page, "get_subpage_urls"):
        cache.set(key, (page._meta.label, page.pk), 3600)
    return result


# Routes to plain live pages, per process and per page-cache generation: a signed-in reader's
# page is rendered per request, but finding the page (the site's root, its specific class, the
# tree walk, view restrictions: five queries) need not be repeated on every request.
_routes = cachetags.ProcessCache("core.routes", 300)


def serve_page(request, path):
    """Wagtail's front-end `serve`, with remembered routes (see above).

    A remembered page object is shared by later requests of this process until the generation
    changes (publishing, unpublishing, moving, view restrictions, settings), which is the same
    staleness bound as the page cache. Pages with sub-routes (RoutablePageMixin) are not kept.
    """
    # Lazy: this module is imported while models load (content.models), and wagtail.views
    # imports Wagtail's models, which are not ready then (AppRegistryNotReady).
    from wagtail.views import serve

    generation = fragment_generation()
    if request.method not in ("GET", "HEAD") or generation is None:
        return serve(request, path)
    site = Site.find_for_request(request)
    key = (site.pk if site else None, getattr(request, "LANGUAGE_CODE", ""), path)
    remembered = _routes.get(key, generation)
    if remembered is not None:
        request._wagtail_route_for_request = remembered
    else:
        result = Page.route_for_request(request, path)
        if (
            isinstance(result, RouteResult)
            and not result.args
            and not result.kwargs
            and result.page.live
            and not hasattr(result.page, "get_subpage_urls")
        ):
            _routes.set(key, result, generation)
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
