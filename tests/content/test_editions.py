"""Editions (issue 20): the Chinese tree under /zh/, English URLs unchanged."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page

from masthead.content.editions import create_edition, edition_home, translations
from masthead.content.models import ArticlePage, HomePage, SectionPage

pytestmark = pytest.mark.django_db

ZH_SECTIONS = {"startups": ("创业公司", "创始人、融资与出海。")}


@pytest.fixture
def zh_home(demo):
    return create_edition("zh-hans", home_title="东方电路", section_titles=ZH_SECTIONS)


def test_existing_pages_are_in_the_default_locale(demo):
    assert demo.home.locale.language_code == "en"
    # The English tree is all English; the demo's Chinese edition is its own tree (issue 20).
    assert (
        not ArticlePage.objects.filter(path__startswith=demo.home.path)
        .exclude(locale__language_code="en")
        .exists()
    )
    assert not ArticlePage.objects.filter(
        locale__language_code="en", path__startswith=demo.zh.home.path
    ).exists()


def test_edition_home_and_sections_are_translations(zh_home, demo, client):
    assert zh_home.translation_key == demo.home.translation_key
    assert zh_home.url == "/zh/"
    assert edition_home("zh-hans") == zh_home.pk
    startups = SectionPage.objects.get(
        locale__language_code="zh-hans", translation_key=demo.sections["startups"].translation_key
    )
    assert startups.title == "创业公司"
    assert startups.url == "/zh/startups/"
    response = client.get("/zh/startups/")
    assert response.status_code == 200
    assert "创业公司" in response.content.decode()
    # English URLs do not change.
    assert client.get("/").status_code == 200
    assert client.get("/startups/").status_code == 200
    assert demo.sections["startups"].url == "/startups/"


def test_create_edition_is_idempotent(zh_home):
    again = create_edition("zh-hans")
    assert again.pk == zh_home.pk
    assert SectionPage.objects.filter(locale__language_code="zh-hans").count() == 6


def test_translated_article_with_unicode_slug(zh_home, demo, client):
    article = demo.untranslated(access_level="public")
    copy = article.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    copy.title = "一篇关于深圳硬件供应链与人工智能芯片的非常长的中文标题" * 3
    copy.slug = "深圳硬件供应链与人工智能芯片" * 6
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.url.startswith("/zh/")
    response = client.get(copy.url)
    assert response.status_code == 200
    assert set(translations(article)) == {"en", "zh-hans"}
    assert ArticlePage.objects.get(pk=copy.pk).language == "zh-hans"  # follows the locale


def test_unpublished_translation_is_404(zh_home, demo, client):
    article = demo.untranslated(access_level="public")
    copy = article.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    assert not copy.live
    assert client.get(copy.get_url_parts()[2]).status_code == 404
    assert set(translations(article)) == {"en"}


@pytest.mark.parametrize("path", ["/fr/", "/xx/startups/", "/zh-hant/", "/zh/no-such-section/"])
def test_unknown_locale_prefix_is_404(zh_home, client, path):
    assert client.get(path).status_code == 404


def test_command_rejects_unknown_language(db):
    with pytest.raises(CommandError):
        call_command("create_edition", "fr")


def _translate(article, title, slug):
    copy = article.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    copy.title, copy.slug = title, slug
    copy.save_revision().publish()
    return ArticlePage.objects.get(pk=copy.pk)


def test_switch_and_hreflang_on_a_translated_article(zh_home, demo, client):
    article = demo.untranslated(access_level="public")
    chinese = _translate(article, "中文版", "中文版")
    html = client.get(article.url).content.decode()
    assert (
        f'hreflang="zh-Hans" href="http://testserver{chinese.url}"' in html
        or f'hreflang="zh-Hans" href="{chinese.full_url}"' in html
    )
    assert f'hreflang="x-default" href="{article.full_url}"' in html
    assert f'<a href="{chinese.url}" hreflang="zh-Hans" lang="zh-Hans">简体中文</a>' in html
    zh_html = client.get(chinese.url).content.decode()
    assert '<html lang="zh-Hans">' in zh_html
    assert f'<a href="{article.url}" hreflang="en" lang="en">English</a>' in zh_html
    # The Chinese edition's menu lists its own sections.
    assert "创业公司" in zh_html
    assert '<a href="/startups/">' not in zh_html


def test_switch_without_translation_goes_to_the_edition_home(zh_home, demo, client):
    article = demo.untranslated(access_level="public")
    html = client.get(article.url).content.decode()
    assert '<a href="/zh/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a>' in html
    assert 'hreflang="x-default"' not in html  # no alternates for a page without translations


def test_no_switch_with_a_single_edition(demo, client):
    from masthead.content.models import HomePage

    HomePage.objects.filter(pk=demo.zh.home.pk).update(live=False)  # the demo has two editions
    html = client.get(demo.untranslated(access_level="public").url).content.decode()
    assert "edition-switch" not in html


def test_one_home_per_edition_not_one_in_all(demo):
    """The admin offers "add a home page" only while some edition (locale) has none: with the
    English and Chinese homes both there, no third; with a third locale, its home may be added."""
    root = Page.get_first_root_node()
    assert HomePage.objects.count() == Locale.objects.count() == 2
    assert not HomePage.can_create_at(root)
    Locale.objects.create(language_code="fr")
    assert HomePage.can_create_at(root)
