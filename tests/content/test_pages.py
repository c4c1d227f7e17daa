"""The public pages render the newsroom, link to each other and refuse bad input cleanly."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_home_page_leads_with_a_featured_story_and_lists_every_section(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    lead = demo.article(featured=True)
    assert escape(lead.title) in html.split('class="latest"')[0], (
        "the lead story comes before the latest list"
    )
    for section in demo.sections.values():
        assert f'id="s-{section.slug}"' in html
    assert "Welcome to your new Wagtail site" not in html


def test_home_page_prefers_the_editors_chosen_lead(client, demo):
    chosen = demo.articles.filter(featured=False).last()
    demo.home.lead_story = chosen
    demo.home.save_revision().publish()
    html = client.get("/").content.decode()
    assert escape(chosen.title) in html.split('class="latest"')[0]


def test_section_page_lists_its_articles_newest_first_and_paginates(client, demo, settings):
    section = demo.sections["ai"]
    # 11 articles in the section: the newsroom's three and eight more, older.
    oldest = min(demo.articles.child_of(section).values_list("date", flat=True))
    for n in range(8):
        when = oldest - timedelta(days=n + 1)
        ArticlePageFactory(parent=section, title=f"Older AI story {n}", date=when, published_at=when)
    response = client.get(section.url)
    assert response.status_code == 200
    html = response.content.decode()
    titles = list(demo.articles.child_of(section).values_list("title", flat=True))
    positions = [html.find(escape(t)) for t in titles[:5]]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    # 11 articles at 5 a page: three pages, the third has one article.
    from masthead.content.models import NewsroomSettings

    newsroom = NewsroomSettings.for_site(demo.home.get_site())
    newsroom.articles_per_page = 5
    newsroom.save()
    page3 = client.get(section.url + "?page=3")
    assert page3.status_code == 200
    assert escape(titles[-1]) in page3.content.decode()
    assert 'rel="prev"' in page3.content.decode() and 'rel="next"' not in page3.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999", "1.5", "%00"])
def test_bad_page_numbers_are_404_not_500(client, demo, page):
    response = client.get(demo.sections["ai"].url + "?page=" + page)
    assert response.status_code == 404
    assert b"We couldn" in response.content


def test_article_page_has_byline_date_reading_time_and_related(client, demo):
    article = demo.article(access_level="public", article_authors__isnull=False)
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    for author in article.authors:
        assert f'href="{author.url}"' in html
    assert f'datetime="{article.date.isoformat()}"' in html or article.date.strftime("%Y") in html
    assert re.search(r"\d+ min read", html)
    assert 'id="related-title"' in html
    assert article.section.title in html


def test_chinese_article_declares_its_language(client, demo):
    article = demo.article(language="zh-hans")
    html = client.get(article.url).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert escape(article.title) in html


def test_author_page_shows_role_bio_and_their_articles_but_never_their_address(client, demo):
    author = demo.authors["guo-tianyu"]
    response = client.get(author.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert author.role in html
    assert author.email not in html and "mailto:" not in html
    for article in demo.articles.filter(article_authors__author=author)[:3]:
        assert escape(article.title) in html


def test_author_index_lists_every_journalist(client, demo):
    html = client.get("/authors/").content.decode()
    for author in demo.authors.values():
        assert author.title in html


def test_tag_page_lists_tagged_articles(client, demo):
    article = demo.article(tags__isnull=False)
    tag = article.tags.first()
    response = client.get(reverse("content:tag", args=[tag.slug]))
    assert response.status_code == 200
    assert escape(article.title) in response.content.decode()
    assert client.get(reverse("content:tag", args=["no-such-tag"])).status_code == 404


def test_archive_browses_by_year_and_month(client, demo):
    when = timezone.now() - timedelta(days=400)
    article = ArticlePageFactory(
        parent=demo.sections["policy"], title="A story from last year", date=when, published_at=when
    )
    index = client.get(reverse("content:archive"))
    assert index.status_code == 200
    month_url = reverse("content:archive_month", args=[article.date.year, article.date.month])
    assert month_url in index.content.decode()
    month = client.get(month_url)
    assert month.status_code == 200
    assert escape(article.title) in month.content.decode()
    year = client.get(reverse("content:archive_year", args=[article.date.year]))
    assert year.status_code == 200


@pytest.mark.parametrize(
    "path", ["/archive/2025/13/", "/archive/2025/0/", "/archive/1800/", "/archive/2999/1/", "/archive/abc/"]
)
def test_impossible_or_empty_archive_dates_are_404(client, demo, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/no-such-page/", "/ai/no-such-article/", "/authors/nobody/", "/%E4%B8%AD/", "/" + "x" * 3000 + "/"],
)
def test_unknown_urls_get_the_friendly_404_page(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b'name="q"' in response.content, "the 404 page offers a search"


def test_robots_and_healthz(client, demo, settings):
    robots = client.get("/robots.txt")
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml".encode() in robots.content
    assert client.get("/healthz").json() == {"status": "ok"}


def test_pages_work_without_javascript(client, demo):
    """Nothing on the reading path depends on scripts: only JSON-LD, on articles the share bar's
    optional enhancement (its script-only buttons are hidden until the script shows them), and the
    page-view beacon (issue 19), which only counts the view and changes nothing on the page."""
    share_script = '<script src="/static/masthead/share.js" defer></script>'
    beacon_script = re.compile(r'<script src="/static/analytics/beacon[.\w]*js" defer></script>')
    for url in ["/", demo.sections["ai"].url, demo.articles.first().url, "/archive/", "/search/?q=shenzhen"]:
        html = beacon_script.sub("", client.get(url).content.decode().replace(share_script, ""))
        assert "<script src" not in html
        for script in re.findall(r"<script[^>]*>", html):
            assert 'type="application/ld+json"' in script
        for button in re.findall(r"<button[^>]*data-share-(?:copy|native)[^>]*>", html):
            assert " hidden" in button
