"""A reader moves from an English demo article to its Chinese version and reads the Chinese archive,
in a real browser (issue 20): the language switch leads to the same story under /zh/, and the
Chinese edition's archive lists Chinese-edition articles only."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_switch_leads_to_the_chinese_version_and_the_chinese_archive_is_chinese(new_page, demo):
    # A public Chinese version of an English article, with a title and dek of its own in Chinese
    # (the test newsroom's translations keep the English ones inside theirs).
    english_keys = demo.articles.values("translation_key")
    chinese = demo.zh.articles.filter(access_level="public", translation_key__in=english_keys).first()
    chinese.title, chinese.dek = "人工智能：一篇中文报道", "大模型、芯片与规则。"
    chinese.save_revision().publish()
    english = chinese.get_translation(demo.home.locale).specific
    chinese_urls = {a.url for a in demo.zh.articles}
    english_urls = {a.url for a in demo.articles}
    reader = new_page()
    reader.goto(english.url)
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    expect(reader.locator("h1").first).to_have_text(english.title)
    # 1. The switch in the top bar: this story in Chinese, under /zh/.
    reader.locator(".edition-switch a", has_text="简体中文").click()
    reader.wait_for_url(re.compile(re.escape(chinese.url) + "$"))
    assert chinese.url.startswith("/zh/")
    expect(reader.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(reader.locator("h1").first).to_have_text(chinese.title)
    # 2. The Chinese edition's archive, from its navigation.
    reader.locator(".sections-nav a", has_text="存档").first.click()
    reader.wait_for_url("**/zh/archive/")
    expect(reader.locator("html")).to_have_attribute("lang", "zh-Hans")
    month = reader.locator(f'.archive-years a[href="/zh/archive/{chinese.date:%Y/%m}/"]')
    month.click()
    reader.wait_for_url(f"**/zh/archive/{chinese.date:%Y/%m}/")
    expect(reader.locator("main")).to_contain_text(chinese.title)
    # 3. Only Chinese-edition articles are listed there: every article link is one of theirs.
    hrefs = reader.locator("main a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    listed = {href for href in hrefs if href in chinese_urls | english_urls}
    assert chinese.url in listed
    assert listed <= chinese_urls, sorted(listed - chinese_urls)
    expect(reader.locator("main")).not_to_contain_text(english.title)
