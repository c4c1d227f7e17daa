"""A reader on the public site: home, article, author, archive, search — desktop and phone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from masthead.content.demo import data

from ..factories import ArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_goes_from_the_home_page_to_an_article_and_its_author(page, demo):
    page.goto("/")
    expect(page).to_have_title(re.compile("Circuit East"))
    lead = demo.article(featured=True)
    page.locator(".lead__story h3 a").click()
    expect(page.locator("h1")).to_have_text(lead.title)
    expect(page.locator(".byline")).to_contain_text("min read")
    author = lead.authors[0]
    page.locator(".byline__authors a", has_text=author.title).first.click()
    expect(page.locator("h1")).to_have_text(author.title)
    expect(page.locator(".role")).to_have_text(author.role)
    expect(page.locator(".list")).to_contain_text(lead.title)


def test_reader_browses_the_archive_by_month(page, demo):
    # An article from last year: the oldest, alone in its year's only month (the test newsroom's
    # own articles are from the last few weeks, more than a page of them in one month).
    when = timezone.now() - timedelta(days=400)
    ArticlePageFactory(
        parent=demo.sections["policy"], title="A story from last year", date=when, published_at=when
    )
    oldest = demo.articles.last()
    assert oldest.title == "A story from last year"
    page.goto("/")
    page.locator(".sections-nav >> text=Archive").first.click()
    expect(page.locator("h1")).to_have_text("Archive")
    page.locator(f"#y{oldest.date.year}").locator("..").locator("a").last.click()
    expect(page.locator(".list")).to_contain_text(oldest.title)


def test_reader_searches_in_english_and_chinese(page, demo):
    # English stories about Shenzhen, and a Chinese original (the demo's) with no English version.
    for n, title in enumerate(("Shenzhen's hardware markets go quiet", "Shenzhen founders look abroad")):
        ArticlePageFactory(parent=demo.sections["hardware"], title=title, slug=f"shenzhen-{n}")
    zh = next(a for a in data.ARTICLES if a.get("language") == "zh" and "深圳" in a["title"])
    ArticlePageFactory(
        parent=demo.zh.sections["hardware"],
        title=zh["title"],
        slug="huaqiangbei",
        dek=zh["dek"],
        language="zh-hans",
        body=[
            (
                "paragraph",
                f"<p>一九九八年，十九岁的黄伟来到深圳，在华强北的{zh['search_phrase']}后面当学徒。</p>",
            )
        ],
    )
    page.goto("/")
    page.fill("#header-q", "Shenzhen")
    page.press("#header-q", "Enter")
    expect(page.locator("[role=status]")).to_contain_text("results for “Shenzhen”")
    expect(page.locator(".search-result").first).to_contain_text("Shenzhen")
    # Each edition searches its own articles (issue 20): the Chinese original is found from the
    # Chinese edition's search box, under /zh/search/, and not by the English search.
    page.fill("#id_q", zh["search_phrase"])
    page.press("#id_q", "Enter")
    expect(page.locator(".search-result")).to_have_count(0)
    page.goto("/zh/")
    page.fill("#header-q", zh["search_phrase"])
    page.press("#header-q", "Enter")
    page.wait_for_url("**/zh/search/?q=*")
    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-result h3")).to_have_text(zh["title"])
    page.locator(".search-result h3 a").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


def test_on_a_phone_the_sections_fold_into_a_menu_and_nothing_scrolls_sideways(new_page, demo):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto("/")
    expect(page.locator(".sections-nav > ul")).to_be_hidden()
    page.locator(".sections-nav summary").click()
    page.locator(".sections-nav details a", has_text="Fintech").click()
    expect(page.locator("h1")).to_have_text("Fintech")
    link = page.locator(".list h3 a").first
    headline = link.inner_text()
    link.click()
    # Wait for the article itself: evaluating mid-navigation sees no document yet.
    expect(page.locator("h1")).to_have_text(headline)
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the article scrolls sideways by {overflow}px on a phone"


def test_unknown_pages_show_the_friendly_404(page, demo):
    response = page.goto("/no-such-story/")
    assert response.status == 404
    expect(page.locator("h1")).to_contain_text("couldn't find that page")
