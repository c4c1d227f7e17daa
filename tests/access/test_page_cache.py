"""The page cache in front of Django (core.pagecache): what it stores, for whom, and for how long.

These tests call the real WSGI stack — PageCacheMiddleware around Django's WSGIHandler, as
masthead/wsgi.py builds it — so the cache sees exactly the requests and responses a server would.
"""

import re
from io import BytesIO

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils.html import escape

from masthead.content.body import plain_text, split_body
from masthead.core.pagecache import PageCacheMiddleware

pytestmark = pytest.mark.django_db

PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ]{38}[A-Za-z0-9]")


class Response:
    def __init__(self, status, headers, body):
        self.status = int(status.split()[0])
        self.headers = {name.lower(): value for name, value in headers}
        self.text = body.decode()


@pytest.fixture
def wsgi():
    """GET through the page cache and Django, sharing the test's database connection."""
    app = PageCacheMiddleware(WSGIHandler())

    def get(path, *, cookie="", method="GET", **headers):
        # Django closes connections around each request; in a test that would end the
        # transaction. (Django's test client reconnects the handler after each of its requests.)
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "localhost",
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(b""),
            "wsgi.errors": BytesIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if cookie:
            environ["HTTP_COOKIE"] = cookie
        environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"], captured["headers"] = status, response_headers

        body = b"".join(app(environ, start_response))
        return Response(captured["status"], captured["headers"], body)

    yield get
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def secret_of(article):
    _preview, rest = split_body(article.body)
    return PLAIN.search(plain_text(rest)).group(0)


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


@pytest.fixture
def premium(demo):
    return demo.article(access_level="premium", language="en")


def test_an_anonymous_article_is_served_from_the_cache_without_a_query(wsgi, demo, all_queries):
    article = demo.article(access_level="public", language="en")
    first = wsgi(article.url)
    assert first.status == 200 and first.headers["x-cache"] == "MISS"
    assert "public" in first.headers["cache-control"]
    assert first.headers["etag"] and first.headers["last-modified"]
    assert first.headers["x-accel-expires"] == str(settings.EDGE_CACHE_SECONDS)  # nginx's micro-cache
    assert all_queries, "the first request reads the database (the counter works)"
    all_queries.clear()
    second = wsgi(article.url)
    assert all_queries == [], "a cache hit must not touch the database"
    assert second.headers["x-cache"] == "HIT"
    assert second.text == first.text
    # A browser or CDN revalidating with the ETag gets a 304, still without touching Django.
    revalidated = wsgi(article.url, if_none_match=first.headers["etag"])
    assert revalidated.status == 304 and all_queries == []


@pytest.mark.parametrize("path", ["/", "/ai/", "/authors/", "/archive/", "/search/?q=robots"])
def test_listing_pages_are_cached_for_anonymous_readers(wsgi, demo, path):
    assert wsgi(path).headers["x-cache"] == "MISS"
    assert wsgi(path).headers["x-cache"] == "HIT"


def test_unknown_query_parameters_bypass_the_cache(wsgi, demo):
    wsgi("/?utm_source=newsletter")
    assert wsgi("/?utm_source=newsletter").headers.get("x-cache") is None


@pytest.mark.parametrize(
    "path", ["/search/?q=robots&page=1", "/feeds/rss/?limit=5", "/membership/?currency=USD&interval=year"]
)
def test_parameters_a_page_reads_are_part_of_its_key(wsgi, demo, path):
    assert wsgi(path).headers["x-cache"] == "MISS"
    assert wsgi(path).headers["x-cache"] == "HIT"


@pytest.mark.parametrize(
    "path",
    [
        "/?page=2",  # the home page reads no ?page=
        "/search/?q=robots&page=01",  # not the view's spelling of page 1
        "/feeds/rss/?limit=005",
        "/membership/?interval=fortnight",  # read as "month"
        "/membership/?currency=usd",  # read as "USD"
        "/search/?q=robots&q=drones",
    ],
)
def test_parameters_a_page_does_not_read_as_given_are_answered_but_never_stored(wsgi, demo, path):
    first = wsgi(path)
    assert first.status in (200, 404)
    assert "x-masthead-cache-params" not in first.headers
    assert wsgi(path).headers.get("x-cache") != "HIT"


def test_junk_parameter_values_cannot_fill_the_cache(wsgi, demo):
    from django.core.cache import cache

    def stored():
        if settings.REDIS_URL:
            return cache._cache.get_client().dbsize()
        return len(cache._cache)  # diskcache: entries on disk

    wsgi("/feeds/rss/")
    before = stored()
    assert before > 0, "the cache holds at least the feed (the count works)"
    for n in range(40):
        assert wsgi(f"/feeds/rss/?limit={'0' * (n + 1)}7").status == 200
    assert stored() == before


def test_a_members_page_is_never_stored_nor_served_from_the_cache(wsgi, premium, paying_user):
    secret = secret_of(premium)
    cookie = session_cookie(paying_user)
    member = wsgi(premium.url, cookie=cookie)
    assert escape(secret) in member.text
    assert "private" in member.headers["cache-control"] and "x-cache" not in member.headers
    assert "x-accel-expires" not in member.headers
    anonymous = wsgi(premium.url)
    assert anonymous.headers["x-cache"] == "MISS"
    assert escape(secret) not in anonymous.text and secret not in anonymous.text
    # ...and once the preview is cached, the member still gets the full article, not the preview.
    assert wsgi(premium.url).headers["x-cache"] == "HIT"
    assert escape(secret) in wsgi(premium.url, cookie=cookie).text


def test_making_an_article_premium_stops_every_cache_serving_its_full_text(wsgi, premium, paying_user):
    secret = secret_of(premium)
    premium.access_level = "public"
    premium.save_revision().publish()
    wsgi(premium.url)
    cached = wsgi(premium.url)
    assert cached.headers["x-cache"] == "HIT" and escape(secret) in cached.text
    # A signed-in reader's request fills the per-process route cache and the body fragments too.
    assert escape(secret) in wsgi(premium.url, cookie=session_cookie(paying_user)).text

    premium.access_level = "premium"
    premium.save_revision().publish()

    after = wsgi(premium.url)
    assert after.headers["x-cache"] == "MISS"
    assert escape(secret) not in after.text and secret not in after.text
    assert 'class="paywall"' in after.text


def test_publishing_an_article_shows_on_the_cached_home_page(wsgi, demo):
    article = demo.article(language="en")
    wsgi("/")
    assert wsgi("/").headers["x-cache"] == "HIT"
    article.title = "A headline nobody has seen before"
    article.save_revision().publish()
    home = demo.home
    home.lead_story = article
    home.save_revision().publish()
    fresh = wsgi("/")
    assert fresh.headers["x-cache"] == "MISS" and "A headline nobody has seen before" in fresh.text


def test_unpublishing_takes_the_article_off_for_members_too(wsgi, client, premium, paying_user):
    client.force_login(paying_user)
    assert client.get(premium.url).status_code == 200  # the route is now remembered
    premium.unpublish()
    assert client.get(premium.url).status_code == 404
    assert wsgi(premium.url).status == 404


def test_a_view_restriction_applies_at_once_to_remembered_pages(client, demo):
    from wagtail.models import PageViewRestriction

    article = demo.article(access_level="public", language="en")
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(article.url).status_code == 302
