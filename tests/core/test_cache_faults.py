"""A Redis that dies, hangs or comes back empty costs speed, never an error page or a session.

Each test starts its own redis-server on a free port (never the shared one) and points the site's
cache at it; then kills it (SIGKILL), pauses it (SIGSTOP: a hung server) or restarts it without its
data, while real requests go through the page cache and Django.
"""

import shutil
import time

import pytest
from django.core.cache import cache, caches
from django.test import Client

from masthead.core.cache import cache_state
from masthead.core.cachetags import forget_process_caches
from tests.access import test_page_cache
from tests.helpers import RedisServer, wait_for

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]


wsgi = test_page_cache.wsgi  # the fixture: GET through the real WSGI stack


@pytest.fixture
def own_redis(settings):
    """The default cache on a Redis of this test's own, with a short breaker reset for speed."""
    server = RedisServer()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "masthead.core.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "faults",
            "OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2, "breaker_reset": 1},
        },
    }
    forget_process_caches()
    yield server
    server.stop()
    forget_process_caches()


def test_a_dead_cache_is_a_miss_and_the_breaker_stops_calling_it(own_redis):
    cache.set("k", "v")
    assert cache.get("k") == "v" and cache_state() == "ok"
    own_redis.kill()
    started = time.monotonic()
    for _ in range(200):
        assert cache.get("k") is None
        cache.set("k", "w")
        assert cache.add("n", 1) is False
    assert time.monotonic() - started < 2, "an open breaker answers at once"
    assert cache_state() == "degraded"
    with pytest.raises(ValueError, match="unavailable"):
        cache.incr("n")  # as for a missing key: rate limits and the generation start afresh


def test_a_hung_cache_costs_a_bounded_wait_and_writes_lost_meanwhile_are_undone(own_redis):
    cache.set("session", "signed in")
    cache.set("other", "kept")
    with own_redis.paused():
        started = time.monotonic()
        cache.delete("session")  # e.g. signing out while Redis hangs: the delete is lost...
        for _ in range(50):
            cache.get("other")
        assert time.monotonic() - started < 3, "socket timeouts, then the breaker, bound the wait"
        assert cache_state() == "degraded"
    # ...and once Redis answers again (after the breaker's reset), the lost delete is redone, so
    # the old value cannot come back from before the outage.
    time.sleep(1.1)
    wait_for(lambda: cache.get("other") == "kept", timeout=5, message="the cache to come back")
    assert cache_state() == "ok"
    assert cache.get("session") is None


def test_with_the_cache_down_anonymous_pages_render_from_the_database_and_members_stay_signed_in(
    own_redis, wsgi, demo, paying_user
):
    article = demo.article(access_level="premium", language="en")
    member = Client()
    member.force_login(paying_user)
    assert wsgi("/").headers["x-cache"] == "MISS"
    assert wsgi("/").headers["x-cache"] == "HIT"
    assert member.get(article.url).context["decision"].full

    own_redis.kill()
    forget_process_caches()  # as a second later: the generation is re-read (and cannot be)
    for path in ["/", article.url, "/ai/", "/search/?q=robots", "/feeds/rss/", "/membership/", "/healthz"]:
        response = wsgi(path)
        assert response.status == 200, path
        assert "x-cache" not in response.headers, "nothing is served from or stored in the cache"
    response = member.get(article.url)
    assert response.status_code == 200 and response.context["decision"].full, "still signed in"

    # Redis comes back empty (a restart without persistence): the session is still in the database.
    own_redis.start()
    time.sleep(1.1)  # the breaker's reset
    caches["default"].get("wake-up")  # the trial call that closes the breaker
    forget_process_caches()
    assert member.get(article.url).context["decision"].full, "still signed in after the restart"
    assert wsgi("/").headers["x-cache"] == "MISS"
    assert wsgi("/").headers["x-cache"] == "HIT"
