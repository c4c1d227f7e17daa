"""Counting page views without cookies or third parties.

The site's pages carry a tiny first-party script (static/analytics/beacon.js) that posts one
beacon per page view to /_hit — also for pages served from the page cache or nginx's
micro-cache, which never reach Django. The beacon says which page was viewed, which paywall
call to action it showed (if any) and, on the search page, a query that found nothing.

Privacy, as Plausible does it: no cookie, nothing stored in the browser. A visitor is a daily
salted hash of (site, IP address, user agent); the salt is random, lives in the cache for two
days and is never written to the database, so yesterday's hashes cannot be recomputed and
visitors cannot be followed from one day to the next. Unique readers are therefore per day.
Do-Not-Track and Global Privacy Control are honoured twice: the script sends nothing, and a
beacon carrying `DNT: 1` or `Sec-GPC: 1` is dropped. Crawlers are excluded by user agent
(crawlerdetect's patterns: the JayBizzle CrawlerDetect list, kept up to date upstream).

Where counts go: each process adds beacons up in memory and writes them out at least once a
second (or every 2,000 figures) in one batch — with Redis one pipeline (HINCRBY per page on the
day's hash, PFADD of the new visitors on the page's and the site's HyperLogLog); without Redis
(the embedded set-up) one bulk insert of PageHit rows. A beacon therefore costs a dictionary
update, not a round trip (measured in bench/analytics.py); a process that dies loses at most
its last second of counts. The periodic rollup (rollups.traffic) turns either store into
DailyMetric rows, after writing out its own process's buffer.
"""

import atexit
import hashlib
import logging
import secrets
import threading
import time
from collections import defaultdict
from datetime import timedelta
from functools import lru_cache

from crawlerdetect.crawlerdetect import get_compiled_crawler_regex, get_compiled_exclusions_regex
from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections
from django.db.models import Count
from django.utils import timezone

from masthead.core.clientip import resolve as resolve_client_ip

from .models import PageHit

logger = logging.getLogger(__name__)

VIEW, PAYWALL, SEARCH_MISS = "view", "paywall", "nosearch"
KINDS = (VIEW, PAYWALL, SEARCH_MISS)
MAX_KEY = 200
# Redis keys of a day live a week: long enough for any rollup to catch up after an outage.
KEEP_SECONDS = 7 * 24 * 3600
PAYWALL_CTAS = {"membership_required", "meter_used_up", "sign_in_required"}


# --- Who is counted ---------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def is_crawler(user_agent):
    """A crawler, a headless browser or a script (no user agent at all)."""
    if not user_agent:
        return True
    agent = get_compiled_exclusions_regex().sub("", user_agent)
    return bool(agent) and get_compiled_crawler_regex().search(agent) is not None


def refuses_tracking(headers):
    """Do-Not-Track or Global Privacy Control is set (headers as in a WSGI environ)."""
    return headers.get("HTTP_DNT", "").strip() == "1" or headers.get("HTTP_SEC_GPC", "").strip() == "1"


def client_address(environ):
    """The reader's address: the project's one rule for proxies (core.clientip, TRUSTED_PROXIES)."""
    return resolve_client_ip(environ)


class _Salts:
    """The day's random salt: created once in the shared cache (so every process agrees), kept
    there two days, remembered per process. Never stored anywhere else."""

    def __init__(self):
        self.known = {}
        self.lock = threading.Lock()

    def for_day(self, day):
        salt = self.known.get(day)
        if salt is None:
            key = f"analytics:salt:{day.isoformat()}"
            cache.add(key, secrets.token_hex(16), timeout=2 * 24 * 3600)
            salt = cache.get(key) or secrets.token_hex(16)
            with self.lock:
                self.known = {d: s for d, s in self.known.items() if d >= day - timedelta(days=1)}
                self.known[day] = salt
        return salt


salts = _Salts()


def visitor_hash(*, day, host, address, user_agent):
    salt = salts.for_day(day)
    raw = f"{salt}|{host}|{address}|{user_agent}".encode("utf-8", "surrogateescape")
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


# --- What is counted --------------------------------------------------------------------------


def parse_beacon(fields):
    """The beacon's fields → (kind, key) pairs to count. Junk is dropped, never an error."""
    counts = []
    page = (fields.get("id") or "").strip()
    if page.isdigit() and 0 < int(page) < 2**31:
        key = f"page:{int(page)}"
    else:
        path = (fields.get("p") or "").strip()
        if not path.startswith("/") or len(path) > MAX_KEY - 5:
            return []
        key = f"path:{path}"
    counts.append((VIEW, key))
    cta = (fields.get("c") or "").strip()
    if cta in PAYWALL_CTAS and key.startswith("page:"):
        counts.append((PAYWALL, f"{key[5:]}|{cta}"))
    term = " ".join((fields.get("s") or "").split()).lower()
    if term:
        counts.append((SEARCH_MISS, term[:100]))
    return counts


def record_hit(*, fields, environ, now=None):
    """Count one beacon. Returns the number of figures counted (0 when the beacon is dropped)."""
    if refuses_tracking(environ) or is_crawler(environ.get("HTTP_USER_AGENT", "")[:500]):
        return 0
    counts = parse_beacon(fields)
    if not counts:
        return 0
    now = now or timezone.now()
    day = timezone.localdate(now)
    visitor = visitor_hash(
        day=day,
        host=environ.get("HTTP_HOST", "")[:100],
        address=client_address(environ),
        user_agent=environ.get("HTTP_USER_AGENT", "")[:500],
    )
    buffer.add(day, counts, visitor)
    return len(counts)


# --- Where counts go --------------------------------------------------------------------------


class Buffer:
    """Beacons added up per process, written to the store in batches (see the module docstring)."""

    MAX_FIGURES = 2000

    def __init__(self, flush_seconds=None):
        # 0 (the tests' setting): write every beacon at once, in the request's thread.
        self.flush_seconds = settings.ANALYTICS_FLUSH_SECONDS if flush_seconds is None else flush_seconds
        self.lock = threading.Lock()
        self.counts = defaultdict(int)  # (day, kind, key) → n
        self.visitors = defaultdict(set)  # (day, key) → visitor hashes ("" key: the site)
        self.size = 0
        self.flushed_at = time.monotonic()
        self.thread = None

    def add(self, day, counts, visitor):
        with self.lock:
            for kind, key in counts:
                self.counts[(day, kind, key)] += 1
                if kind == VIEW:
                    self.visitors[(day, key)].add(visitor)
                    self.visitors[(day, "")].add(visitor)
            self.size += len(counts)
            due = self.size >= self.MAX_FIGURES or time.monotonic() - self.flushed_at >= self.flush_seconds
        if self.thread is None and self.flush_seconds > 0:
            self._start()
        if due:
            self.flush()

    def take(self):
        with self.lock:
            counts, visitors = self.counts, self.visitors
            self.counts, self.visitors = defaultdict(int), defaultdict(set)
            self.size, self.flushed_at = 0, time.monotonic()
        return counts, visitors

    def flush(self):
        """Write what this process has counted. Safe to call at any time, from any thread."""
        counts, visitors = self.take()
        if counts:
            try:
                store().write(counts, visitors)
            except Exception:
                logger.exception("Could not write %d page-view figures", sum(counts.values()))

    def _start(self):
        with self.lock:
            if self.thread is not None:
                return
            self.thread = threading.Thread(target=self._run, name="masthead-pageviews", daemon=True)
        self.thread.start()

    def _run(self):
        while True:
            time.sleep(self.flush_seconds)
            if time.monotonic() - self.flushed_at >= self.flush_seconds:
                self.flush()
                close_old_connections()


buffer = Buffer()
atexit.register(buffer.flush)


class RedisStore:
    """Per day: a hash of counts per kind (field = key) and a HyperLogLog of visitors per page and
    for the whole site. ~0.8% error on unique counts (Redis' HyperLogLog), exact view counts."""

    def __init__(self, url):
        # Lazy: the Redis client is needed only when settings choose this store, not the database one.
        import redis

        self.client = redis.Redis.from_url(url)
        self.prefix = f"{settings.CACHES['default'].get('KEY_PREFIX', 'masthead')}:an"

    def _counts_key(self, day, kind):
        return f"{self.prefix}:{kind}:{day.isoformat()}"

    def _visitors_key(self, day, key=""):
        return f"{self.prefix}:uv:{day.isoformat()}:{key}"

    def write(self, counts, visitors):
        pipe = self.client.pipeline(transaction=False)
        hashes = set()
        for (day, kind, key), n in counts.items():
            hashes.add(self._counts_key(day, kind))
            pipe.hincrby(self._counts_key(day, kind), key, n)
        for (day, key), seen in visitors.items():
            visitors_key = self._visitors_key(day, key)
            pipe.pfadd(visitors_key, *seen)
            pipe.expire(visitors_key, KEEP_SECONDS)
        for counts_key in hashes:
            pipe.expire(counts_key, KEEP_SECONDS)
        pipe.execute()

    def totals(self, day, kind):
        raw = self.client.hgetall(self._counts_key(day, kind))
        return {k.decode("utf-8", "replace"): int(v) for k, v in raw.items()}

    def visitors(self, day, keys):
        """Unique visitors per key, and for the site ("")."""
        keys = list(keys)
        pipe = self.client.pipeline(transaction=False)
        for key in [*keys, ""]:
            pipe.pfcount(self._visitors_key(day, key))
        values = pipe.execute()
        return dict(zip([*keys, ""], values, strict=True))

    def visitors_union(self, day, groups):
        """{name: unique visitors over all of its keys} (PFCOUNT of several keys is their union)."""
        names = list(groups)
        pipe = self.client.pipeline(transaction=False)
        for name in names:
            pipe.pfcount(*[self._visitors_key(day, key) for key in groups[name]])
        return dict(zip(names, pipe.execute(), strict=True))

    def forget_before(self, day):
        """Nothing to do: Redis expires a day's keys by itself."""


class DatabaseStore:
    """PageHit rows: one per view (with its visitor hash), one per other figure. For the
    embedded set-up, where traffic is small."""

    def write(self, counts, visitors):
        rows = []
        for (day, kind, key), n in counts.items():
            if kind == VIEW:
                # One row per view; the visitors seen for this page share them out (each at
                # least once), so distinct visitors per page and per site stay exact.
                seen = sorted(visitors.get((day, key), ())) or ["-"]
                rows += [PageHit(day=day, kind=kind, key=key, visitor=seen[i % len(seen)]) for i in range(n)]
            else:
                rows += [PageHit(day=day, kind=kind, key=key, visitor="-") for _ in range(n)]
        PageHit.objects.bulk_create(rows, batch_size=1000)

    def totals(self, day, kind):
        rows = PageHit.objects.filter(day=day, kind=kind).values("key").annotate(n=Count("id"))
        return {row["key"]: row["n"] for row in rows}

    def visitors(self, day, keys):
        hits = PageHit.objects.filter(day=day, kind=VIEW)
        rows = hits.values("key").annotate(n=Count("visitor", distinct=True))
        result = {row["key"]: row["n"] for row in rows}
        result[""] = hits.values("visitor").distinct().count()
        return result

    def visitors_union(self, day, groups):
        by_key = {}
        for key, visitor in (
            PageHit.objects.filter(day=day, kind=VIEW).values_list("key", "visitor").distinct()
        ):
            by_key.setdefault(key, set()).add(visitor)
        return {
            name: len(set().union(*(by_key.get(key, set()) for key in keys))) for name, keys in groups.items()
        }

    def forget_before(self, day):
        PageHit.objects.filter(day__lt=day).delete()


_store = None


def store():
    global _store
    if _store is None:
        _store = RedisStore(settings.REDIS_URL) if settings.REDIS_URL else DatabaseStore()
    return _store
