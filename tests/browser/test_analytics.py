"""Page views counted in a real browser, for pages served from the page cache.

The site runs here as in production — the beacon endpoint in front of the page cache in front
of Django (masthead/wsgi.py) — on a threaded WSGI server, and chromium reads an article again
and again as new, cookie-less visitors.
"""

import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.utils import timezone

from masthead.analytics.beacon import BeaconMiddleware
from masthead.analytics.counting import VIEW, store
from masthead.analytics.reports import Range, content
from masthead.analytics.rollups import traffic
from masthead.core.pagecache import PageCacheMiddleware
from tests.helpers import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


class ThreadedServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def cached_site():
    """The production WSGI stack on a free port; yields its base URL."""
    app = BeaconMiddleware(PageCacheMiddleware(WSGIHandler()))
    server = make_server("127.0.0.1", 0, app, server_class=ThreadedServer, handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def counted(page_id):
    return store().totals(timezone.localdate(), VIEW).get(f"page:{page_id}", 0)


def read(browser, url, *, user_agent=DESKTOP_CHROME, headers=None, init_script=None):
    context = browser.new_context(user_agent=user_agent, extra_http_headers=headers or {})
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    beacons = []
    page.on("request", lambda request: beacons.append(request) if request.url.endswith("/_hit") else None)
    response = page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # the deferred script has run and the beacon is on its way
    context.close()
    return response, beacons


def test_an_article_read_n_times_from_the_cache_counts_n_views(browser, cached_site, demo):
    article = demo.article(access_level="public")
    url = cached_site + article.url
    cache_states = []
    for _ in range(6):
        response, beacons = read(browser, url)
        cache_states.append(response.headers.get("x-cache"))
        assert len(beacons) == 1
    assert cache_states == ["MISS"] + ["HIT"] * 5
    wait_for(lambda: counted(article.pk) == 6, timeout=10, message="six counted views")
    today = timezone.localdate()
    traffic.roll_day(today)
    top = content(Range(today, today))["top_articles"][0]
    assert (top["id"], top["views"], top["readers"]) == (article.pk, 6, 1)


def test_a_premium_preview_reports_its_call_to_action(browser, cached_site, demo):
    premium = demo.article(access_level="premium")
    read(browser, cached_site + premium.url)
    wait_for(lambda: counted(premium.pk) == 1, timeout=10, message="a counted view")
    paywall = store().totals(timezone.localdate(), "paywall")
    assert paywall == {f"{premium.pk}|membership_required": 1}


def test_headless_browsers_do_not_track_and_gpc_are_not_counted(browser, cached_site, demo):
    article = demo.article(access_level="public")
    url = cached_site + article.url
    read(browser, url, user_agent=None)  # chromium's own user agent says HeadlessChrome: a bot
    read(browser, url, headers={"DNT": "1"})
    _response, beacons = read(
        browser, url, init_script="Object.defineProperty(navigator, 'globalPrivacyControl', {value: true})"
    )
    assert beacons == [], "with Global Privacy Control the page sends nothing"
    read(browser, url)  # an ordinary reader, so we know beacons do arrive
    wait_for(lambda: counted(article.pk) >= 1, timeout=10, message="the ordinary reader's view")
    assert counted(article.pk) == 1
