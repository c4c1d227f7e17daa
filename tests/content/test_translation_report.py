"""Reports → Missing translations (issue 20): editors see which live articles lack a live version in
the other edition, translate them from there, and the list follows."""

import csv
import io
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from masthead.content.models import ArticlePage
from masthead.content.translation_report import articles_missing_translation

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/missing-translations/"


def signed_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def rows(html):
    """{page id: {locale code: state}} from the report's table."""
    found = {}
    for chunk in html.split('<tr data-page-id="')[1:]:
        page_id = int(chunk.split('"', 1)[0])
        row = chunk.split("</tr>", 1)[0]
        found[page_id] = {
            part.split('"', 1)[0]: part.split('data-state="', 1)[1].split('"', 1)[0]
            for part in row.split('data-locale="')[1:]
        }
    return found


def test_the_report_lists_untranslated_articles_and_follows_translation(zh_edition, demo, translate):
    assert reverse("content_admin:missing_translations") == REPORT
    translated, drafted, untouched = (
        demo.untranslated(access_level="premium"),
        demo.untranslated(access_level="public"),
        demo.untranslated(access_level="members"),
    )
    translate(translated, title="已翻译")
    translate(drafted, title="翻译草稿", publish=False)

    missing = set(articles_missing_translation().values_list("pk", flat=True))
    assert translated.pk not in missing
    assert {drafted.pk, untouched.pk} <= missing
    # Every live article without a live counterpart is listed, and only those.
    counts = Counter(ArticlePage.objects.live().values_list("translation_key", flat=True))
    live_pairs = {key for key, n in counts.items() if n > 1}
    assert missing == set(
        ArticlePage.objects.live().exclude(translation_key__in=live_pairs).values_list("pk", flat=True)
    )

    editor = signed_in("editor")
    html = editor.get(REPORT, {"access_level": "public"}).content.decode()
    listed = rows(html)
    assert listed[drafted.pk] == {"zh-hans": "draft"}
    assert translated.pk not in listed and untouched.pk not in listed  # premium / members filtered out
    assert reverse("wagtailadmin_pages:edit", args=[translate_pk(drafted)]) in html

    html = editor.get(REPORT, {"access_level": "members"}).content.decode()
    assert rows(html)[untouched.pk] == {"zh-hans": "missing"}
    assert reverse("simple_translation:submit_page_translation", args=[untouched.pk]) in html

    zh = Locale.objects.get(language_code="zh-hans")
    only_chinese = rows(editor.get(REPORT, {"locale": zh.pk}).content.decode())
    assert all(ArticlePage.objects.get(pk=pk).locale_id == zh.pk for pk in only_chinese)


def translate_pk(article):
    zh = Locale.objects.get(language_code="zh-hans")
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=zh).pk


def test_an_editor_translates_from_the_report_and_the_article_leaves_it(zh_edition, demo):
    article = demo.untranslated(access_level="premium")
    editor = signed_in("editor")
    response = editor.post(
        reverse("simple_translation:submit_page_translation", args=[article.pk]),
        {"locales": [Locale.objects.get(language_code="zh-hans").pk]},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    copy = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="zh-hans")
    assert not copy.live  # a draft for the translator, under the Chinese section
    assert copy.get_parent().specific.locale.language_code == "zh-hans"
    assert rows(editor.get(REPORT, {"access_level": "premium"}).content.decode())[article.pk] == {
        "zh-hans": "draft"
    }
    copy.save_revision().publish()
    assert article.pk not in rows(editor.get(REPORT, {"access_level": "premium"}).content.decode())


def test_the_report_exports_csv_and_is_for_editorial_staff_only(zh_edition, demo):
    export = signed_in("editor").get(REPORT, {"export": "csv"})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert table[0][0] == "Title" and "Missing in" in table[0]
    assert len(table) - 1 == articles_missing_translation().count() > 0
    for username in ("moderator", "finance", "door"):
        response = signed_in(username).get(REPORT)
        assert response.status_code in (302, 403), username
    menu = signed_in("editor").get("/admin/").content.decode()
    assert "Missing translations" in menu
    assert "Missing translations" not in signed_in("finance").get("/admin/").content.decode()
