"""An editor finds an untranslated article in Reports → Missing translations, translates it with
Wagtail's simple translation, writes the Chinese headline and publishes; a reader on the English
article then follows the language switch to the Chinese version under /zh/ (issue 20)."""

import re

import pytest
from playwright.sync_api import expect

from masthead.content.models import ArticlePage

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADLINE = "编辑部翻译的新版本"


def test_an_editor_translates_a_missing_article_and_readers_switch_to_it(new_page, demo, staff_password):
    article = demo.untranslated(access_level="public")
    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto("/admin/reports/missing-translations/?access_level=public")
    row = editor.locator(f'tr[data-page-id="{article.pk}"]')
    expect(row).to_contain_text(article.title)
    expect(row.locator('li[data-locale="zh-hans"]')).to_have_attribute("data-state", "missing")
    row.get_by_role("link", name="Translate").click()

    # Simple translation's form: the Chinese edition is the only language left to translate into.
    editor.locator("input[name=locales]").first.check()
    editor.locator("main form input[type=submit]").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    editor.fill("#id_title", HEADLINE)
    editor.locator("footer .w-dropdown__toggle").last.click()
    editor.locator("button[name=action-publish]").click()
    expect(editor.locator(".messages")).to_contain_text("has been published")

    chinese = ArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code="zh-hans"
    )
    assert chinese.live and chinese.title == HEADLINE and chinese.url.startswith("/zh/")

    editor.goto("/admin/reports/missing-translations/?access_level=public")
    expect(editor.locator(f'tr[data-page-id="{article.pk}"]')).to_have_count(0)

    reader = new_page()
    reader.goto(article.url)
    reader.locator(".edition-switch a[hreflang=zh-hans]").click()
    reader.wait_for_url(re.compile(re.escape(chinese.url) + "$"))
    expect(reader.locator("h1")).to_have_text(HEADLINE)
    expect(reader.locator("html")).to_have_attribute("lang", "zh-Hans")
