"""Each edition lists only its own articles: archive, tags, search, feeds and the sitemap (issue 20).

The English listings keep their URLs (/archive/, /tags/…, /search/, /feeds/…); the Chinese ones
are the same paths under /zh/. Which edition a listing shows is decided by the URL prefix, never by
the translation a previous request left active in the thread.
"""

import re
from xml.sax.saxutils import escape as xml_escape

import pytest
from django.db.models import F
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from masthead.content.models import SearchEntry
from masthead.content.search import search_articles
from masthead.content.search_index import index_article

pytestmark = pytest.mark.django_db

ITEM_LINK = re.compile(r"<item><title>.*?</title><link>([^<]+)</link>")


@pytest.fixture
def pair(demo):
    """A public story in both editions: (English, Chinese)."""
    in_english = demo.articles.values("translation_key")
    chinese = (
        demo.zh.articles.filter(access_level="public", translation_key__in=in_english)
        .exclude(tagged_items=None)
        .first()
    )
    return chinese.get_translation(demo.home.locale).specific, chinese


def _html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def _feed_paths(xml):
    """The article paths a feed links to (absolute on SITE_URL)."""
    return [re.sub(r"^https?://[^/]+", "", link) for link in ITEM_LINK.findall(xml)]


def test_the_archive_lists_one_edition(client, demo, pair):
    english, chinese = pair
    en = _html(client, f"/archive/{english.date:%Y/%m}/")
    assert escape(english.title) in en and escape(chinese.title) not in en
    zh = _html(client, f"/zh/archive/{chinese.date:%Y/%m}/")
    assert escape(chinese.title) in zh and escape(english.title) not in zh
    index = _html(client, "/zh/archive/")
    assert '<html lang="zh-Hans">' in index
    # The Chinese archive index links its months under /zh/.
    assert f'href="/zh/archive/{chinese.date:%Y/%m}/"' in index


def test_every_english_listing_holds_no_chinese_article_and_vice_versa(client, demo):
    """Every article linked from a listing is in that listing's edition: the archive months, the
    tag pages and the feeds, in both editions."""
    english_urls = {a.url for a in demo.articles}
    chinese_urls = {a.url for a in demo.zh.articles}
    assert english_urls and chinese_urls and not english_urls & chinese_urls
    for prefix, own, other in (("", english_urls, chinese_urls), ("/zh", chinese_urls, english_urls)):
        seen = set()
        feed = _html(client, f"{prefix}/feeds/rss/", limit=100)
        seen |= set(_feed_paths(feed))
        archive = _html(client, f"{prefix}/archive/")
        for month in sorted(set(re.findall(rf'href="({prefix}/archive/\d{{4}}/\d\d/)"', archive))):
            html = _html(client, month)
            seen |= {url for url in re.findall(r'href="([^"#?]+)"', html) if url in own | other}
        tags = _html(client, f"{prefix}/tags/")
        for tag in sorted(set(re.findall(rf'href="({prefix}/tags/[^/"]+/)"', tags)))[:8]:
            html = _html(client, tag)
            seen |= {url for url in re.findall(r'href="([^"#?]+)"', html) if url in own | other}
        assert seen & own, prefix
        assert not seen & other, (prefix, sorted(seen & other)[:3])
    # Each edition's feed holds all of its (live, dated) articles: nothing was lost by filtering.
    assert len(_feed_paths(_html(client, "/zh/feeds/rss/", limit=100))) == demo.zh.articles.count()


def test_tags_list_one_edition(client, pair):
    english, chinese = pair
    tag = chinese.tags.first()
    assert tag in english.tags.all()  # the translation kept its original's tags
    en = _html(client, f"/tags/{tag.slug}/")
    zh = _html(client, f"/zh/tags/{tag.slug}/")
    assert escape(english.title) in en and escape(chinese.title) not in en
    assert escape(chinese.title) in zh and escape(english.title) not in zh
    assert f'href="/zh/tags/{tag.slug}/"' in _html(client, "/zh/tags/")


def test_feeds_per_edition_with_their_language_and_title(client, demo, pair):
    english, chinese = pair
    en = _html(client, "/feeds/rss/", limit=100)
    zh = _html(client, "/zh/feeds/rss/", limit=100)
    assert "<language>en</language>" in en and "<language>zh-Hans</language>" in zh
    assert f"<title>{demo.zh.home.title}</title>" in zh
    assert f"<title>{demo.zh.home.title}</title>" not in en
    assert xml_escape(english.title) in en and xml_escape(chinese.title) not in en
    assert xml_escape(chinese.title) in zh and xml_escape(english.title) not in zh
    atom = _html(client, "/zh/feeds/atom/")
    assert 'xml:lang="zh-Hans"' in atom and "/zh/feeds/atom/" in atom


def test_an_english_feed_after_a_chinese_request_is_still_english(client, demo, pair):
    """The first run of this work failed here: the edition was read from the active translation,
    which a /zh/ request leaves in the thread. It is read from the URL now."""
    english, chinese = pair
    _html(client, "/zh/feeds/rss/")
    with translation.override("zh-hans"):
        en = _html(Client(HTTP_ACCEPT_LANGUAGE="zh-Hans"), "/feeds/rss/", limit=100)
    assert "<language>en</language>" in en
    assert xml_escape(chinese.title) not in en and xml_escape(english.title) in en


def test_section_and_author_feeds_pick_the_editions_page_of_a_shared_slug(client, demo, pair):
    english, chinese = pair
    slug = english.section.slug
    assert chinese.section.slug == slug  # both editions have a section with this slug
    en = _html(client, f"/feeds/section/{slug}/rss/", limit=100)
    zh = _html(client, f"/zh/feeds/section/{slug}/rss/", limit=100)
    assert xml_escape(chinese.title) in zh and xml_escape(chinese.title) not in en
    assert xml_escape(english.title) in en and xml_escape(english.title) not in zh
    author = chinese.authors[0]
    zh_author = _html(client, f"/zh/feeds/author/{author.slug}/atom/")
    assert xml_escape(chinese.title) in zh_author and xml_escape(author.title) in zh_author
    assert client.get(f"/xx/feeds/section/{slug}/rss/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "深圳",
        "价格战",
        "price war",
        "大模型 price",
        "Shenzhen 深圳 无人机",
        "😀 价格",
        "a" * 200,
        "深圳" * 40,
    ],
)
def test_search_per_edition_never_fails_on_mixed_or_long_queries(query):
    for prefix in ("", "/zh"):
        response = Client().get(f"{prefix}/search/", {"q": query})
        assert response.status_code in (200, 400), (prefix, query)


def test_a_very_long_chinese_query_is_a_clear_400(client):
    response = client.get("/zh/search/", {"q": "深圳的硬件" * 200})
    assert response.status_code == 400
    assert '<html lang="zh-Hans">' in response.content.decode()


@pytest.mark.parametrize("path", ["/fr/search/", "/xx/archive/", "/zh-hant/tags/", "/zh/zh/feeds/rss/"])
def test_unknown_edition_prefixes_are_404(client, path):
    assert client.get(path, {"q": "AI"}).status_code == 404


def test_the_chinese_listings_are_404_without_a_live_chinese_edition(client, demo):
    assert client.get("/zh/archive/").status_code == 200
    demo.zh.home.unpublish()
    for path in ["/zh/archive/", "/zh/tags/", "/zh/search/?q=AI", "/zh/feeds/rss/", "/zh/feeds/atom/"]:
        assert client.get(path).status_code == 404, path
    assert client.get("/archive/").status_code == 200


def test_search_ranks_within_the_edition(client, demo, pair):
    english, chinese = pair
    zh = _html(client, "/zh/search/", q=chinese.title[:6])
    assert escape(chinese.title) in zh and escape(english.title) not in zh
    en = _html(client, "/search/", q=english.title)
    assert escape(english.title) in en and escape(chinese.title) not in en
    # Ranked among its own edition: the English version is the first result for its headline.
    results = list(search_articles(english.title, locale_id=english.locale_id))
    assert results[0].pk == english.pk and {r.locale_id for r in results} == {english.locale_id}
    zh_results = list(search_articles(chinese.title, locale_id=chinese.locale_id))
    assert zh_results[0].pk == chinese.pk and {r.locale_id for r in zh_results} == {chinese.locale_id}
    # Pagination counts one edition's matches only.
    assert search_articles("深圳", locale_id=english.locale_id).count() < search_articles("深圳").count()


def test_old_urls_keep_working(client, demo):
    for url in ["/archive/", "/tags/", "/search/?q=AI", "/feeds/rss/", "/feeds/atom/", "/sitemap.xml"]:
        assert client.get(url).status_code == 200, url
    section = next(iter(demo.sections))
    assert client.get(f"/feeds/section/{section}/atom/").status_code == 200


def test_the_sitemap_lists_both_editions_with_hreflang_alternates(client, demo, pair):
    english, chinese = pair
    xml = _html(client, "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert english.full_url in locations and chinese.full_url in locations
    assert demo.zh.home.full_url in locations
    # Every live article of both editions is listed.
    for article in list(demo.articles) + list(demo.zh.articles):
        assert article.full_url in locations, article.url
    # The pair's entries name each other, and the English version as x-default.
    entry = re.search(rf"<url><loc>{re.escape(chinese.full_url)}</loc>.*?</url>", xml).group(0)
    assert f'hreflang="zh-Hans" href="{chinese.full_url}"' in entry
    assert f'hreflang="en" href="{english.full_url}"' in entry
    assert f'hreflang="x-default" href="{english.full_url}"' in entry
    # An untranslated article has no alternates.
    lone = demo.untranslated()
    lone_entry = re.search(rf"<url><loc>{re.escape(lone.full_url)}</loc>.*?</url>", xml).group(0)
    assert "hreflang" not in lone_entry
    # Each edition's archive and tag pages.
    assert any("/zh/archive/" in loc for loc in locations)
    assert any("/zh/tags/" in loc for loc in locations)


def test_search_entries_carry_their_pages_edition(demo, pair):
    """The edition filter reads the entry's own locale (no join per match): it must be the page's,
    after a rebuild (the demo's) and after publishing one article (index_article)."""
    english, chinese = pair
    assert SearchEntry.objects.filter(locale_id=chinese.locale_id).exists()
    assert not SearchEntry.objects.exclude(locale_id=F("page__locale_id")).exists()
    SearchEntry.objects.filter(page_id=chinese.pk).update(locale_id=english.locale_id)
    assert index_article(page_id=chinese.pk)
    assert SearchEntry.objects.get(page_id=chinese.pk).locale_id == chinese.locale_id
    assert chinese.pk in [a.pk for a in search_articles(chinese.title, locale_id=chinese.locale_id)]
