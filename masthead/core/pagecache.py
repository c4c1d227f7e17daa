"""The page cache: whole responses, served before Django runs — for anonymous readers, and for
signed-in readers per access variant (below, and docs/caching.md).

It wraps the WSGI application (masthead/wsgi.py). A request may be answered with an anonymous page only
if it is a GET or HEAD carrying neither a session nor a flash-message cookie — nothing that can
make its page differ from another anonymous visitor's. A response may be stored only if the
view said so (`Cache-Control: public`), sets no cookie, is a 200, and varies on nothing but Cookie
and Accept-Encoding. A page rendered for a member is marked private and is never stored
as an anonymous page, and a member's request never reads an anonymous page: the two cannot mix
(tests/access/test_no_leaks.py and test_member_cache.py run with this cache on).

Invalidation is by generation: publishing, unpublishing, moving or deleting a page, or saving a
setting that changes what anonymous readers see, bumps a counter that is part of every key.
Each process re-reads the counter at most once a second, so changes show within about a second
and a hit costs one cache read. Storage is the default cache: Redis in production, the
SQLite-backed diskcache when embedded — both shared by every worker process.

Signed-in readers (docs/caching.md): a request carrying a valid signed entitlement
(core.entitlement: genuine, unexpired, issued with this very session cookie) is answered from
the page stored for its access variant ("member" or "paying"; staff are never cached), keyed
apart from the anonymous page. The page and the member's grants version are read in one
round trip; a version that differs from the entitlement's (grants changed, signed out, cache
flushed) sends the request down the per-request path, which reissues the entitlement. A miss
renders the page through Django with the entitlement in the environ; it is stored only if
Django marked it as rendered for that variant without personal parts (X-Masthead-Variant,
set by access.entitlements after the view offered itself with core.caching.offer_variant).
"""

import hashlib
import time
from email.utils import formatdate
from urllib.parse import parse_qsl, urlencode

from django.conf import settings

from . import cachetags

# Vary headers a stored response may carry: Cookie and Accept-Encoding are the same for every
# request that reaches the cache, and the negotiated language is part of the key.
HARMLESS_VARY = {"cookie", "accept-encoding", "accept-language"}
MAX_BODY = 2 * 1024 * 1024
MAX_KEY_QUERY = 512
# Query parameters that may select what a cacheable page shows; a request with any other bypasses
# the cache. Within these, a page is stored only if its view read exactly the parameters the
# request carries, with the values as given (core.caching.read_param, reported in PARAMS_HEADER):
# junk values (`?limit=` strings, `?page=0002`) are answered but never stored, so they cannot
# fill the cache.
ALLOWED_PARAMS = {"page", "q", "interval", "currency", "limit"}
# The Ghost-compatible Content API's parameters (masthead.api.ghost).
ALLOWED_PARAMS |= {"key", "filter", "include", "fields", "formats", "order"}
PARAMS_HEADER = "x-masthead-cache-params"
VARIANT_HEADER = "x-masthead-variant"
# The tags (core.cachetags) a page depends on besides `site`, space-separated (page_tags).
TAGS_HEADER = "x-masthead-cache-tags"
INTERNAL_HEADERS = (PARAMS_HEADER, VARIANT_HEADER, TAGS_HEADER)


def _cache():
    from django.core.cache import caches

    return caches["default"]


# Per process: the tags of the pages this process stored or served, by page key, so a hit reads
# the page and its tags' versions in one round trip. A key not known here (stored by another
# process) costs one more read on its first hit in this process.
_known_tags = cachetags.ProcessCache("pagecache.tags", 5000)


def _anonymous(environ):
    cookie = environ.get("HTTP_COOKIE", "")
    if not cookie:
        return True
    names = {part.split("=", 1)[0].strip() for part in cookie.split(";")}
    return settings.SESSION_COOKIE_NAME not in names and "messages" not in names


def _language(environ):
    """The language LocaleMiddleware would pick from Accept-Language (the URL carries no language)."""
    from django.utils.translation import trans_real

    header = environ.get("HTTP_ACCEPT_LANGUAGE", "")
    if not header:
        return settings.LANGUAGE_CODE
    for code, _quality in trans_real.parse_accept_lang_header(header[:200]):
        if code == "*":
            break
        try:
            return trans_real.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def _canonical_query(environ):
    """The query string with its parameters sorted, or None if it may not be part of a key."""
    query = environ.get("QUERY_STRING", "")
    if not query:
        return ""
    if len(query) > MAX_KEY_QUERY:
        return None
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(name not in ALLOWED_PARAMS for name, _ in pairs) or len({n for n, _ in pairs}) != len(pairs):
        return None
    return urlencode(sorted(pairs))


def cache_key(environ, gen, variant=None):
    """The key of the page for this request: anonymous, or one access variant's copy."""
    query = _canonical_query(environ)
    if query is None:
        return None
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    # X-Forwarded-Proto is the proxy's word only when a proxy is trusted (settings: then Django's
    # SECURE_PROXY_SSL_HEADER is set); from anyone else it is ignored, as Django ignores it.
    forwarded = environ.get("HTTP_X_FORWARDED_PROTO") if settings.SECURE_PROXY_SSL_HEADER else None
    scheme = forwarded or environ.get("wsgi.url_scheme", "http")
    raw = f"{_language(environ)} {scheme}://{host}{environ.get('PATH_INFO', '')}?{query}"
    digest = hashlib.sha1(raw.encode("utf-8", "surrogateescape")).hexdigest()  # noqa: S324
    # "pagecache2": entries carry their tags' versions (a sixth item); code from before tags
    # (a rolling deploy) never reads them.
    return f"pagecache2:{gen}:{variant}:{digest}" if variant else f"pagecache2:{gen}:{digest}"


def _storable(status, headers, variant=None):
    """May this response be stored: for every anonymous reader, or for one access variant?"""
    if not status.startswith("200"):
        return False
    lower: dict[str, list[str]] = {}
    for name, value in headers:
        lower.setdefault(name.lower(), []).append(value)
    if "set-cookie" in lower:
        return False
    if "'nonce-" in ",".join(lower.get("content-security-policy", [])):
        return False  # a nonce served to every reader would be no nonce (core/csp.py)
    if variant is not None:
        # Private to browsers (no shared cache outside this one may keep it), and marked by
        # Django as rendered for exactly this variant with the personal parts left out.
        if lower.get(VARIANT_HEADER) != [variant]:
            return False
    else:
        cache_control = ",".join(lower.get("cache-control", [])).lower()
        if "public" not in cache_control or "private" in cache_control or "no-store" in cache_control:
            return False
    vary = {v.strip().lower() for value in lower.get("vary", []) for v in value.split(",") if v.strip()}
    return vary <= HARMLESS_VARY


class PageCacheMiddleware:
    """WSGI middleware; see the module docstring."""

    def __init__(self, app, *, timeout=None):
        self.app = app
        self.timeout = timeout if timeout is not None else getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD"):
            return self.app(environ, start_response)
        if not _anonymous(environ):
            return self._signed_in(environ, start_response, method)
        gen = cachetags.generation.get()
        if gen is None:  # the cache is down: every anonymous page comes from the database
            return self._bypass(environ, start_response)
        key = cache_key(environ, gen)
        if key is None:
            return self._bypass(environ, start_response)
        entry = self._read(key)
        if entry is not None:
            return self._hit(entry, environ, start_response, method)
        return self._miss(key, environ, start_response, method, gen=gen)

    def _signed_in(self, environ, start_response, method):
        from . import entitlement as signed

        claim = signed.from_environ(environ)
        if claim is None:  # no entitlement, or not a genuine, current one for this session
            return self._bypass(environ, start_response)
        gen = cachetags.generation.get()
        key = cache_key(environ, gen, claim.variant) if gen is not None else None
        if key is None:
            return self._bypass(environ, start_response)
        # One round trip: the variant's page, its tags' versions and the member's grants version.
        found = self._read_many(key, [signed.version_key(claim.user_id)])
        if found.get(signed.version_key(claim.user_id)) != claim.version:
            # Grants changed, signed out, or the cache lost the version: Django renders for
            # whoever the session says and reissues the entitlement.
            return self._bypass(environ, start_response)
        entry = self._fresh(key, found)
        if entry is not None:
            return self._hit(entry, environ, start_response, method)
        environ[signed.ENVIRON_KEY] = claim
        return self._miss(key, environ, start_response, method, variant=claim.variant, gen=gen)

    @staticmethod
    def _read_many(key, extra=()):
        tags = _known_tags.get(key, cachetags.generation.value) or ()
        return _cache().get_many([key, *extra, *(cachetags.tag_key(t) for t in tags)])

    @staticmethod
    def _fresh(key, found):
        """The stored page under `key` if the versions of the tags it was stored with are still
        current (read with it when this process knows its tags; otherwise read now)."""
        entry = found.get(key)
        if entry is None:
            return None
        stored = entry[5] if len(entry) > 5 else {}
        if stored:
            _known_tags.set(key, tuple(stored), cachetags.generation.value)
        return entry if cachetags.current(stored, found) else None

    def _read(self, key):
        return self._fresh(key, self._read_many(key))

    def _bypass(self, environ, start_response):
        def without_internal_headers(status, headers, exc_info=None):
            return start_response(
                status, [(n, v) for n, v in headers if n.lower() not in INTERNAL_HEADERS], exc_info
            )

        return self.app(environ, without_internal_headers)

    def _hit(self, entry, environ, start_response, method):
        status, headers, body, etag, stored_at = entry[:5]
        age = str(max(0, int(time.time() - stored_at)))
        if etag and environ.get("HTTP_IF_NONE_MATCH") == etag:
            start_response("304 Not Modified", [("ETag", etag), ("X-Cache", "HIT"), ("Age", age)])
            return [b""]
        start_response(status, headers + [("X-Cache", "HIT"), ("Age", age)])
        return [b""] if method == "HEAD" else [body]

    def _miss(self, key, environ, start_response, method, variant=None, gen=None):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, list(headers)
            return start_response(status, headers + [("X-Cache", "MISS")], exc_info) if exc_info else None

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = captured["status"], captured["headers"]
        read = [v for n, v in headers if n.lower() == PARAMS_HEADER]
        tags = dict(
            pair.partition("=")[::2]
            for v in (v for n, v in headers if n.lower() == TAGS_HEADER)
            for pair in v.split()
        )
        storable = _storable(status, headers, variant)
        headers = [(n, v) for n, v in headers if n.lower() not in INTERNAL_HEADERS]
        if (
            method == "GET"
            and len(body) <= MAX_BODY
            and storable
            and _canonical_query(environ) == (read[0] if read else "")
        ):
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'  # noqa: S324
            headers = [(n, v) for n, v in headers if n.lower() not in ("etag", "date")]
            headers.append(("ETag", etag))
            if not any(n.lower() == "last-modified" for n, _ in headers):
                headers.append(("Last-Modified", formatdate(usegmt=True)))
            # The tags' versions as read before the view read its data (core.caching.page_tags):
            # a change that landed while the page was rendered has replaced them, so this page
            # is stale at once and never served.
            stored = {tag: int(v) for tag, v in tags.items() if v.isdigit()}
            if len(stored) == len(tags):
                _cache().set(key, (status, headers, body, etag, time.time(), stored), self.timeout)
                if stored:
                    _known_tags.set(key, tuple(stored), gen)
        start_response(status, headers + [("X-Cache", "MISS")])
        return [b""] if method == "HEAD" else [body]
