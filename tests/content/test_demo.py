"""The demo newsroom: what it contains, and that loading it again changes nothing."""

import hashlib

import pytest
from django.apps import apps
from django.core import serializers

from masthead.content.demo import data
from masthead.content.demo.loader import load_demo
from masthead.content.models import ArticlePage, AuthorPage, SectionPage

pytestmark = pytest.mark.django_db

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


def test_the_demo_is_a_believable_newsroom(demo):
    assert SectionPage.objects.live().count() == 6
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


def test_demo_premium_articles_have_a_break_and_public_ones_do_not(demo):
    for article in ArticlePage.objects.live():
        breaks = [b for b in article.body if b.block_type == "premium_break"]
        assert len(breaks) == (0 if article.access_level == "public" else 1), article.slug


def test_the_demo_sets_up_the_two_step_workflow_and_staff(demo, django_user_model):
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


def test_loading_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    result = load_demo()
    assert result["created"] == 0
    after = snapshot()
    changed = {table for table in before if before[table] != after.get(table)}
    assert not changed, f"a second load changed {sorted(changed)}"
    assert result["articles"] == len(data.ARTICLES)
