"""Tag-aware caching: what a cached value depends on, named (docs/caching.md).

Every cached value — a page in the page cache, a fragment of data kept with `cached()` — is
stored with the **versions of the tags it depends on**, read when it was built. A tag's version
lives in the shared cache (`tag:<name>`, a random number); `invalidate(*tags)` replaces it, and
every value stored with the old version is stale from then on: the next read sees a version that
differs and rebuilds. Nothing is searched or deleted, so invalidating a tag costs one write
however many values depend on it.

The tags (add one here when a new kind of change must reach cached values):

| Tag | Made stale by |
| --- | --- |
| `site` | anything a cached page may show outside one article: publishing, unpublishing, moving or deleting pages, access levels and view restrictions, settings, plans and prices, images, tags, newsletters, events' availability, bans, API keys. It is the old page-cache generation (`pagecache:generation`), re-read at most once a second per process; every page-cache key includes it, so it drops every page and fragment at once |
| `nav` | sections published, unpublished or moved (the navigation) |
| `comments:<article id>` | a post, like or comment setting of that article |
| `comments` | every thread: a ban, the community settings |

Why versions rather than deleting keys: deleting needs to know every key a change reaches (the
page cache's keys include the language, host, query and access variant); a version stored beside
the value needs nothing but the tag. Why checked on read rather than an index of keys per tag:
the check rides on the read the cache makes anyway (`get_many`: one MGET on Redis), and a lost
or flushed version is simply a new version, so a value can never outlive an invalidation it
missed — at worst it is rebuilt once more than needed. This is the usual "tag-aware cache"
design (Symfony's TagAwareAdapter, Laravel's tagged cache, Rails' key-based expiration).

Changes reach tags through one registry (`on`): each app maps its own models' signals to tags in
its `AppConfig.ready()`, so core never imports an app above it.

Per-process caches (`ProcessCache`) are bounded, named, and all listed in `PROCESS_CACHES`
(`forget_process_caches` clears them all); each keeps values for one `site` version only.
"""

import secrets
import threading
import time
from collections import OrderedDict

from django.core.cache import caches
from django.db import transaction

SITE = "site"
# The `site` tag's version is the page cache's generation, under its historical key.
SITE_KEY = "pagecache:generation"
PREFIX = "tag:"
# Per-process caches, by name: every one the code keeps (docs/caching.md lists them).
PROCESS_CACHES: dict[str, "ProcessCache"] = {}


def _cache():
    return caches["default"]


def tag_key(tag):
    return SITE_KEY if tag == SITE else PREFIX + tag


def _new_version():
    return secrets.randbits(62)


class Generation:
    """The `site` tag's version (core.cachetags), re-read from the shared cache at most every
    `ttl` seconds.

    None while the cache cannot be read: then nothing keyed by the generation may be used (the
    page cache, fragments, remembered routes and settings are all skipped), because a change made
    meanwhile could not have been announced to this process.
    """

    def __init__(self, ttl=1.0):
        self.ttl = ttl
        self.value = None
        self.read_at = 0.0
        self.lock = threading.Lock()

    def get(self):
        now = time.monotonic()
        if self.value is None or now - self.read_at > self.ttl:
            with self.lock:
                value = _cache().get(SITE_KEY)
                if value is None:
                    # A fresh counter starts at a random point: after a cache flush, numbers
                    # from before (kept by processes in memory) are never reused.
                    _cache().add(SITE_KEY, _new_version(), None)
                    value = _cache().get(SITE_KEY)
                # Still None: the cache is unreachable (core.cache degrades errors to misses).
                self.value, self.read_at = value, now
        return self.value

    def forget(self):
        self.value = None


generation = Generation()


def versions(tags, found=None):
    """The current version of each tag, {tag: version}; tags not in `found` (the result of a
    `get_many` that already asked for their keys) are read, and created when missing. A version
    is None only while the cache is unreachable: nothing may then be served from it."""
    found = dict(found or {})
    missing = [tag_key(t) for t in tags if tag_key(t) not in found]
    if missing:
        found.update(_cache().get_many(missing))
    result = {}
    for tag in tags:
        value = found.get(tag_key(tag))
        if value is None:
            # A fresh version starts at a random point: after a flush, old ones never come back.
            _cache().add(tag_key(tag), _new_version(), None)
            value = _cache().get(tag_key(tag))
        result[tag] = value
    return result


def current(stored, found=None):
    """Are the tag versions a value was stored with still the current ones?"""
    if not stored:
        return True
    now = versions(list(stored), found)
    return all(now[tag] is not None and now[tag] == version for tag, version in stored.items())


def invalidate(*tags):
    """Make every value that depends on any of `tags` stale, now."""
    tags = [t for t in tags if t]
    if not tags:
        return
    cache = _cache()
    if SITE in tags:
        try:
            cache.incr(SITE_KEY)
        except ValueError:
            cache.set(SITE_KEY, _new_version(), None)
        generation.forget()
    others = {tag_key(t): _new_version() for t in tags if t != SITE}
    if others:
        cache.set_many(others, None)


def invalidate_on_change(*tags):
    """Invalidate now and again after the transaction commits.

    Now: this process (and anyone reading the versions) stops using stale values at once. After
    commit: a value built from the old data between the first invalidation and the commit cannot
    survive."""
    tags = tags or (SITE,)
    invalidate(*tags)
    transaction.on_commit(lambda: invalidate(*tags))


def cached(key, build, *, tags=(), timeout=3600, alias="default"):
    """`build()`, kept in the shared cache under `key` with the versions of `tags`.

    One round trip on a hit: the value and the tags' versions are read with one `get_many`. The
    `site` tag is always included (everything shown on a page may change with the site), so a
    value is never older than the page that shows it. While the cache is unreachable the value is
    built each time."""
    tags = tuple(dict.fromkeys((SITE, *tags)))
    cache = caches[alias]
    full_key = f"cached:{key}"
    found = cache.get_many([full_key, *(tag_key(t) for t in tags)])
    entry = found.get(full_key)
    if entry is not None and current(entry[1], found):
        return entry[0]
    now = versions(tags, found)
    value = build()
    if all(v is not None for v in now.values()):
        cache.set(full_key, (value, now), timeout)
    return value


# --- The registry: model changes → tags -------------------------------------------------------


def on(signal, tags, *, sender=None, commit=True):
    """When `signal` is sent (by `sender`), invalidate the tags `tags(sender, **kwargs)` returns
    (an iterable of tag names; empty for a change that reaches no cached value).

    Apps call this in `ready()` for their own models. `commit=True` invalidates now and again
    after the transaction commits (the usual case); False only now."""

    def receiver(sender, **kwargs):
        if kwargs.get("raw"):
            return  # loaded from a fixture: nothing was shown yet
        names = tuple(tags(sender, **kwargs))
        if names:
            (invalidate_on_change if commit else invalidate)(*names)

    signal.connect(receiver, sender=sender, weak=False, dispatch_uid=f"cachetags:{id(tags)}:{id(sender)}")
    REGISTRY.append((signal, sender, tags))
    return receiver


# (signal, sender, tags function) in registration order, for docs and tests.
REGISTRY: list = []


def always(*names):
    """A tags function that always returns `names` (for `on`)."""

    def tags(sender, **kwargs):
        return names

    return tags


def unless_created(*names):
    """Tags for settings models: Wagtail creates a site's settings with their defaults on first
    read, which changes nothing readers see."""

    def tags(sender, created=False, **kwargs):
        return () if created else names

    return tags


def forget_process_caches():
    """Empty every per-process cache and forget the `site` version (tests: a rolled-back
    transaction sends no signals)."""
    generation.forget()
    for process_cache in PROCESS_CACHES.values():
        process_cache.clear()


# --- Per-process caches -------------------------------------------------------------------------


class ProcessCache:
    """A bounded per-process map kept for one `site` version: least recently used entries go
    first beyond `size`, and everything goes when the version changes. Registered by name in
    `PROCESS_CACHES`."""

    def __init__(self, name, size):
        self.name, self.size = name, size
        self.data: OrderedDict = OrderedDict()
        self.version = None
        PROCESS_CACHES[name] = self

    def _check(self, version):
        if version != self.version:
            self.data.clear()
            self.version = version

    def get(self, key, version, default=None):
        self._check(version)
        try:  # another thread may evict it meanwhile: then it is a miss
            self.data.move_to_end(key)
            return self.data[key]
        except KeyError:
            return default

    def set(self, key, value, version):
        self._check(version)
        self.data[key] = value
        self.data.move_to_end(key)
        while len(self.data) > self.size:
            try:
                self.data.popitem(last=False)
            except KeyError:
                break

    def clear(self):
        self.data.clear()
        self.version = None

    def __len__(self):
        return len(self.data)
