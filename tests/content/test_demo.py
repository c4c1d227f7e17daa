"""The demo newsroom (what `make run` shows): what it contains, and that loading it again changes
nothing.

Test databases hold the small factory-made newsroom (tests/seed.py), not the demo; this smoke test
clears that away inside its own transaction and loads the demo the way `make run` does. It is one
test because the load takes ~20 s (a hundred pictures): marked `integration`, so the fast tier
skips it; `make test` and CI run it.
"""

import hashlib

import pytest
from django.apps import apps
from django.core import serializers

from masthead.content.demo import data, data_zh
from masthead.content.demo.loader import load_demo
from masthead.content.models import ArticlePage, AuthorPage, SectionPage
from tests.seed import clear_newsroom, handles

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

# Rows that change merely because something ran (sessions, task results, caches) are not content.
VOLATILE = {"django_session", "django_tasks_database_dbtaskresult", "core_periodicslot"}


def snapshot():
    state = {}
    for model in apps.get_models():
        table = model._meta.db_table
        if table in VOLATILE or model._meta.proxy or not model._meta.managed:
            continue
        rows = list(model.objects.order_by("pk"))
        digest = hashlib.sha256(serializers.serialize("json", rows).encode()).hexdigest()
        state[table] = (len(rows), digest)
    return state


def check_the_demo_is_a_believable_newsroom(demo):
    assert SectionPage.objects.live().filter(locale__language_code="en").count() == 6
    assert AuthorPage.objects.live().count() >= 8
    articles = ArticlePage.objects.live()
    assert articles.count() >= 60
    levels = set(articles.values_list("access_level", flat=True))
    assert levels == {"public", "members", "premium"}
    assert articles.filter(language="zh-hans").count() >= 3
    dates = articles.order_by("date").values_list("date", flat=True)
    assert (dates.last() - dates.first()).days >= 600, "two years of journalism"
    assert all(article.hero_image_id for article in articles)
    assert AuthorPage.objects.filter(role="Social media manager based in Beijing").exists()


def check_demo_premium_articles_have_a_break_and_public_ones_do_not(demo):
    for article in ArticlePage.objects.live():
        breaks = [b for b in article.body if b.block_type == "premium_break"]
        assert len(breaks) == (0 if article.access_level == "public" else 1), article.slug


def check_the_demo_sets_up_the_two_step_workflow_and_staff(demo, django_user_model):
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name="editors")  # the button reads "Submit to editors"
    assert workflow.active
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Editors"]
    assert demo.home.get_workflow() == workflow
    writer = django_user_model.objects.get(username="writer")
    editor = django_user_model.objects.get(username="editor")
    section = demo.sections["ai"]
    assert section.permissions_for_user(writer).can_add_subpage()
    assert not section.permissions_for_user(writer).can_publish_subpage()
    assert section.permissions_for_user(editor).can_publish_subpage()


def check_loading_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    result = load_demo()
    assert result["created"] == 0
    after = snapshot()
    changed = {table for table in before if before[table] != after.get(table)}
    assert not changed, f"a second load changed {sorted(changed)}"
    assert result["articles"] == len(data.ARTICLES) + len(data_zh.TRANSLATIONS) + len(
        data_zh.ENGLISH_VERSIONS
    )


def _han(text):
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def check_the_demo_is_bilingual_with_linked_translations(demo):
    """Issue 20: 20+ stories in both editions, linked by translation_key, with Chinese text."""
    from masthead.content.body import plain_text

    chinese = ArticlePage.objects.live().filter(locale__language_code="zh-hans")
    english_keys = set(demo.articles.values_list("translation_key", flat=True))
    pairs = [page for page in chinese if page.translation_key in english_keys]
    assert len(pairs) >= 20
    assert {p.access_level for p in pairs} == {"public", "members", "premium"}
    for page in pairs:
        assert page.language == "zh-hans"
        assert _han(page.title) >= 5 and _han(page.dek) >= 20 and _han(plain_text(page.body)) >= 150
        english = page.get_translation(demo.home.locale).specific
        assert english.language == "en" and _han(english.title) == 0
        # The premium break survives translation: the preview is what the original's is.
        original_has_break = any(b.block_type == "premium_break" for b in english.body)
        assert any(b.block_type == "premium_break" for b in page.body) == original_has_break
        assert page.hero_image_id == english.hero_image_id  # no new images per translation
        assert page.url.startswith("/zh/") and not english.url.startswith("/zh/")
        # Bylines name the journalists' pages in the article's own edition.
        assert all(author.locale_id == page.locale_id for author in page.authors)
    # The six Chinese originals are in the Chinese edition now, each with an English version.
    originals = [a["slug"] for a in data.ARTICLES if a.get("language") == "zh"]
    assert set(chinese.filter(slug__in=originals).values_list("slug", flat=True)) == set(originals)
    assert len(data_zh.ENGLISH_VERSIONS) == len(originals)
    assert not demo.articles.filter(language="zh-hans").exists()


def check_the_chinese_edition_has_chinese_sections_and_journalists(demo, client):

    assert {s.slug: (s.title, s.description) for s in demo.zh.sections.values()} == data_zh.SECTIONS
    assert demo.zh.home.title == data_zh.SITE["home_title"]
    author = demo.zh.authors["he-jiaqi"]
    assert author.title == "何佳琪" and author.get_translation(demo.home.locale) == demo.authors["he-jiaqi"]
    for page in (author, demo.authors["he-jiaqi"], demo.zh.sections["ai"], demo.zh.home):
        assert client.get(page.url).status_code == 200, page.url
    html = client.get(author.url).content.decode()
    assert "大模型价格战" in html  # her Chinese article, listed on her Chinese page
    assert "large-model-price-war-explained" not in html


@pytest.mark.slow
def test_the_demo_loads_into_a_new_site_and_is_a_believable_bilingual_newsroom(db, django_user_model, client):
    clear_newsroom()
    first = load_demo()
    demo = handles()
    assert first["created"] > 100 and first["articles"] == len(data.ARTICLES) + len(
        data_zh.TRANSLATIONS
    ) + len(data_zh.ENGLISH_VERSIONS)
    check_the_demo_is_a_believable_newsroom(demo)
    check_demo_premium_articles_have_a_break_and_public_ones_do_not(demo)
    check_the_demo_sets_up_the_two_step_workflow_and_staff(demo, django_user_model)
    check_the_demo_is_bilingual_with_linked_translations(demo)
    check_the_chinese_edition_has_chinese_sections_and_journalists(demo, client)
    check_loading_the_demo_twice_changes_nothing(demo)
