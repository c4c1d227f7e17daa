"""Page views: counted by the first-party beacon, for cached pages too, without cookies, bots
or readers who asked not to be tracked.

These tests call the WSGI stack masthead/wsgi.py builds — the beacon in front of the page cache
in front of Django — so a cached page is served exactly as a server would serve it.
"""

from io import BytesIO
from urllib.parse import urlencode

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone

from masthead.analytics.beacon import BeaconMiddleware
from masthead.analytics.counting import VIEW, store
from masthead.analytics.models import DailyMetric
from masthead.analytics.reports import Range, content
from masthead.analytics.rollups import traffic
from masthead.core.pagecache import PageCacheMiddleware

pytestmark = pytest.mark.django_db

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def site():
    """Requests through BeaconMiddleware(PageCacheMiddleware(Django)), sharing the test's connection."""
    app = BeaconMiddleware(PageCacheMiddleware(WSGIHandler()))
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def call(path, *, method="GET", body=b"", ip="203.0.113.7", agent=CHROME, **headers):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "HTTP_HOST": "localhost",
            "REMOTE_ADDR": ip,
            "HTTP_USER_AGENT": agent,
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(body),
            "wsgi.errors": BytesIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"], captured["headers"] = int(status.split()[0]), dict(response_headers)

        content = b"".join(app(environ, start_response))
        return captured["status"], captured["headers"], content.decode()

    yield call
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def beacon(site, page_id, *, cta="", search="", **kwargs):
    fields = {"p": "/x/", "id": str(page_id)}
    if cta:
        fields["c"] = cta
    if search:
        fields["s"] = search
    return site("/_hit", method="POST", body=urlencode(fields).encode(), **kwargs)


def views_today():
    today = timezone.localdate()
    traffic.roll_day(today)
    return Range(today, today)


def test_an_article_read_n_times_from_the_page_cache_counts_n_views(site, demo):
    article = demo.article(access_level="public")
    for n in range(5):
        status, headers, html = site(article.url)
        assert status == 200 and headers["X-Cache"] == ("MISS" if n == 0 else "HIT")
        assert f'data-page-id="{article.pk}"' in html and "analytics/beacon.js" in html
        status, headers, _ = beacon(site, article.pk)  # what the page's script sends
        assert status == 204 and headers["Cache-Control"] == "no-store"
    figures = content(views_today())
    assert figures["pageviews"] == 5
    assert figures["top_articles"][0] == {
        "id": article.pk,
        "title": article.title,
        "path": article.url,
        "views": 5,
        "readers": 1,
    }


def test_readers_are_counted_once_a_day_by_address_and_browser_without_cookies(site, demo):
    article = demo.article(access_level="public")
    for ip, agent in [
        ("203.0.113.7", CHROME),
        ("203.0.113.7", CHROME),
        ("203.0.113.8", CHROME),
        ("203.0.113.7", FIREFOX),
    ]:
        status, headers, _ = beacon(site, article.pk, ip=ip, agent=agent)
        assert "Set-Cookie" not in headers
    figures = content(views_today())
    assert figures["top_articles"][0]["views"] == 4 and figures["top_articles"][0]["readers"] == 3
    assert figures["visitors"] == 3
    section = figures["sections"][0]
    assert (section["id"], section["views"], section["readers"]) == (article.section.pk, 4, 3)
    assert [a["id"] for a in figures["authors"]] == [a.pk for a in article.authors]


def test_behind_our_proxy_the_address_nginx_saw_is_the_reader(site, demo, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    article = demo.article(access_level="public")
    beacon(site, article.pk, ip="127.0.0.1", x_forwarded_for="198.51.100.1")
    beacon(site, article.pk, ip="127.0.0.1", x_forwarded_for="198.51.100.2")
    beacon(site, article.pk, ip="127.0.0.1", x_forwarded_for="10.9.9.9, 198.51.100.2")
    assert content(views_today())["top_articles"][0]["readers"] == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"agent": GOOGLEBOT},
        {"agent": ""},
        {"agent": CHROME.replace("Chrome/", "HeadlessChrome/")},
        {"dnt": "1"},
        {"sec_gpc": "1"},
    ],
    ids=["crawler", "no user agent", "headless browser", "do not track", "global privacy control"],
)
def test_bots_and_readers_who_refuse_tracking_are_not_counted(site, demo, headers):
    article = demo.article(access_level="public")
    beacon(site, article.pk)
    status, _, _ = beacon(site, article.pk, **headers)
    assert status == 204
    assert content(views_today())["top_articles"][0]["views"] == 1


@pytest.mark.parametrize(
    "body",
    [b"", b"id=abc", b"id=-1&p=nope", b"p=" + b"/x" * 200, b"\xff\xfe", b"id=99999999999999999999"],
)
def test_junk_beacons_are_answered_and_dropped(site, demo, body):
    status, _, _ = site("/_hit", method="POST", body=body)
    assert status == 204
    assert store().totals(timezone.localdate(), VIEW) == {}


def test_a_forged_page_id_counts_in_the_total_but_names_no_page(site, demo):
    beacon(site, 2_000_000_000)
    figures = content(views_today())
    assert figures["pageviews"] == 1 and figures["top_articles"] == []


def test_a_get_is_answered_but_not_counted(site, demo):
    status, _, _ = site("/_hit?id=3")
    assert status == 204
    assert store().totals(timezone.localdate(), VIEW) == {}


def test_paywall_impressions_and_empty_searches_are_counted(site, demo):
    premium = demo.article(access_level="premium")
    _status, _headers, html = site(premium.url)
    assert 'data-reason="membership_required"' in html
    beacon(site, premium.pk, cta="membership_required")
    beacon(site, premium.pk, cta="membership_required", ip="198.51.100.9")
    beacon(site, premium.pk, cta="made_up_reason")
    _status, _headers, html = site("/search/?q=zzyzxqq")
    assert 'data-search-miss="zzyzxqq"' in html
    beacon(site, demo.home.pk, search="  ZZYZXQQ ")
    today = views_today()
    rows = dict(DailyMetric.objects.filter(metric="paywall").values_list("key", "value"))
    assert rows == {f"{premium.pk}|membership_required": 2}
    assert content(today)["search_misses"] == [{"term": "zzyzxqq", "searches": 1}]


def test_rolling_up_twice_gives_the_same_rows(site, demo):
    article = demo.article(access_level="public")
    beacon(site, article.pk)
    views_today()
    first = sorted(DailyMetric.objects.values_list("metric", "key", "value"))
    views_today()
    assert sorted(DailyMetric.objects.values_list("metric", "key", "value")) == first
    assert ("pageviews", str(article.pk), 1) in first


def test_the_page_carries_the_beacon_but_a_preview_does_not(client, demo):
    article = demo.article(access_level="public")
    assert "analytics/beacon.js" in client.get(article.url).content.decode()


def test_preset_periods_read_precomputed_totals_equal_to_the_daily_rows(db):
    from datetime import timedelta

    from masthead.analytics.reports import _window, sums, top
    from masthead.analytics.rollups.windows import roll_windows

    today = timezone.localdate()
    DailyMetric.objects.bulk_create(
        DailyMetric(day=today - timedelta(days=d), metric="pageviews", key=key, value=d + weight)
        for d in range(120)
        for key, weight in (("1", 1), ("2", 50), ("3", 0))
        if d + weight
    )
    roll_windows(today)
    for days in (7, 30, 90):
        rng = Range.last_days(days, today=today)
        assert _window("pageviews", rng) is not None
        expected = {
            key: sum(d + weight for d in range(days)) for key, weight in (("1", 1), ("2", 50), ("3", 0))
        }
        assert sums("pageviews", rng) == expected
        assert top("pageviews", rng, 1) == [("2", expected["2"])]
    odd = Range(today - timedelta(days=9), today)
    assert _window("pageviews", odd) is None
    assert sums("pageviews", odd)["2"] == sum(d + 50 for d in range(10))
    # Any other range: the pages that made some day's top list, totalled exactly.
    from masthead.analytics.rollups.windows import backfill_day_tops

    backfill_day_tops()
    assert top("pageviews", odd, 2) == [
        ("2", sum(d + 50 for d in range(10))),
        ("1", sum(d + 1 for d in range(10))),
    ]


def test_a_process_adds_beacons_up_and_writes_them_in_one_batch(db):
    from masthead.analytics.counting import Buffer

    today = timezone.localdate()
    batching = Buffer(flush_seconds=3600)
    batching.add(today, [(VIEW, "page:7")], "aaaa")
    batching.add(today, [(VIEW, "page:7")], "bbbb")
    batching.add(today, [(VIEW, "page:8"), ("paywall", "8|meter_used_up")], "aaaa")
    assert store().totals(today, VIEW) == {}, "nothing written before the batch is due"
    batching.flush()
    assert store().totals(today, VIEW) == {"page:7": 2, "page:8": 1}
    assert store().totals(today, "paywall") == {"8|meter_used_up": 1}
    assert store().visitors(today, ["page:7", "page:8"]) == {"page:7": 2, "page:8": 1, "": 2}
    batching.flush()  # nothing left: writes nothing
    assert store().totals(today, VIEW) == {"page:7": 2, "page:8": 1}
    for n in range(Buffer.MAX_FIGURES):
        batching.add(today, [(VIEW, "page:9")], f"{n:04x}")
    assert store().totals(today, VIEW)["page:9"] == Buffer.MAX_FIGURES, "a full batch is written at once"
