"""RSS/Atom feeds, the sitemap and structured data."""

import json
import re
import threading
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Locale

from masthead.content import feeds
from masthead.content.models import ArticlePage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def more_than_a_feed(demo):
    """Enough articles that the feed must stop at its 30."""
    ArticlePageFactory.create_batch(12, parent=demo.sections["fintech"])


def test_site_feed_is_valid_rss_with_the_latest_articles(client, demo):
    more_than_a_feed(demo)
    response = client.get(reverse("content:feed_rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert len(items) == 30
    assert items[0].findtext("title") == demo.articles.first().title
    # Links are on the public origin (SITE_URL), not the Host the feed was fetched with.
    assert items[0].findtext("link").startswith(settings.SITE_URL + "/")


def test_atom_feed_parses(client, demo):
    more_than_a_feed(demo)
    response = client.get(reverse("content:feed_atom"))
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) == 30


def test_section_and_author_feeds_only_carry_their_articles(client, demo):
    section = demo.sections["fintech"]
    rss = ET.fromstring(client.get(reverse("content:feed_section_rss", args=["fintech"])).content)
    titles = {i.findtext("title") for i in rss.iter("item")}
    assert titles == set(demo.articles.child_of(section).values_list("title", flat=True))
    author = demo.authors["wang-lei"]
    rss = ET.fromstring(client.get(reverse("content:feed_author_rss", args=["wang-lei"])).content)
    titles = {i.findtext("title") for i in rss.iter("item")}
    assert titles == set(demo.articles.filter(article_authors__author=author).values_list("title", flat=True))


@pytest.mark.parametrize("limit", ["0", "-3", "abc", "101", "1e3", "%20"])
def test_malformed_feed_parameters_are_400(client, demo, limit):
    response = client.get(reverse("content:feed_rss") + "?limit=" + limit)
    assert response.status_code == 400
    assert b"limit must be a whole number" in response.content


def test_feed_limit_and_unknown_feeds(client, demo):
    rss = ET.fromstring(client.get(reverse("content:feed_rss") + "?limit=5").content)
    assert len(list(rss.iter("item"))) == 5
    assert client.get("/feeds/section/no-such-section/rss/").status_code == 404
    assert client.get("/feeds/author/nobody/atom/").status_code == 404


def test_sitemap_lists_articles_sections_archive_and_tags(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall(".//s:loc", ns)]
    assert any(loc.endswith(demo.articles.first().url) for loc in locations)
    assert any("/archive/" in loc for loc in locations)
    assert any("/tags/" in loc for loc in locations)


def test_article_page_carries_canonical_opengraph_twitter_and_newsarticle_json_ld(client, demo):
    article = demo.article(access_level="public")
    html = client.get(article.url).content.decode()
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert 'property="og:type" content="article"' in html
    assert 'property="og:image"' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["isAccessibleForFree"] is True
    assert [a["name"] for a in data["author"]] == [a.title for a in article.authors]
    assert data["datePublished"].startswith(str(article.date.year))


def test_premium_article_json_ld_marks_the_paywalled_part(client, demo):
    article = demo.article(access_level="premium")
    html = client.get(article.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["isAccessibleForFree"] is False
    assert data["hasPart"]["cssSelector"] == ".paywalled"


def test_json_ld_cannot_be_broken_out_of(client, demo):
    article = demo.article(access_level="public")
    article.title = "</script><script>alert(1)</script>"
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html


def test_concurrent_feed_requests_do_not_share_state(demo):
    """Django serves every request to a feed URL with one Feed instance; under a threaded server
    two requests run on it at once. Two threads, one English and one Chinese, each paused inside the
    feed after setting its own edition: each still gets its own edition's items."""
    shared = feeds.ArticleFeed()
    both_inside = threading.Barrier(2, timeout=10)
    original_items = feeds.ArticleFeed.items

    def items(self, obj):
        both_inside.wait()  # both requests have set their per-request state by now
        return original_items(self, obj)

    results = {}

    def fetch(path):
        request = RequestFactory().get(path)
        results[path] = shared(request).content.decode()

    with mock.patch.object(feeds.ArticleFeed, "items", items):
        threads = [threading.Thread(target=fetch, args=(p,)) for p in ("/feeds/rss/", "/zh/feeds/rss/")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(15)
    zh = Locale.objects.get(language_code="zh-hans")
    chinese_titles = set(ArticlePage.objects.live().filter(locale=zh).values_list("title", flat=True))
    assert "<language>zh-Hans</language>" in results["/zh/feeds/rss/"]
    assert "<language>zh-Hans</language>" not in results["/feeds/rss/"]
    assert any(escape(t) in results["/zh/feeds/rss/"] for t in chinese_titles)
    assert not any(escape(t) in results["/feeds/rss/"] for t in chinese_titles)
    assert not hasattr(shared, "request")  # nothing per request left on the shared instance
