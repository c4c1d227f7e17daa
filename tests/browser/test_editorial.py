"""Editors in the Wagtail admin: a writer submits, an editor approves; an editor publishes a draft."""

import pytest
from playwright.sync_api import expect

from masthead.content.models import ArticleAuthor, ArticlePage

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def draft(demo):
    page = ArticlePage(
        title="Draft: a hardware startup's first production run",
        slug="draft-first-production-run",
        dek="What goes wrong between the prototype and the first thousand units.",
        body=[("paragraph", "<p>The first run is where the bill of materials meets reality.</p>")],
        access_level="public",
        live=False,
    )
    page.article_authors.add(ArticleAuthor(author=demo.authors["wang-lei"], sort_order=0))
    demo.sections["hardware"].add_child(instance=page)
    page.save_revision()
    return page


def test_an_editor_publishes_a_draft_and_readers_see_it(new_page, draft, staff_password):
    reader = new_page()
    assert reader.goto("/hardware/draft-first-production-run/").status == 404

    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto(f"/admin/pages/{draft.pk}/edit/")
    editor.locator("footer .w-dropdown__toggle").last.click()
    editor.locator("button[name=action-publish]").click()
    expect(editor.locator(".messages")).to_contain_text("has been published")

    assert reader.goto("/hardware/draft-first-production-run/").status == 200
    expect(reader.locator("h1")).to_have_text(draft.title)
    reader.goto("/hardware/")
    expect(reader.locator(".list")).to_contain_text(draft.title)


def test_a_writer_submits_for_review_and_an_editor_approves(new_page, draft, staff_password):
    writer = new_page()
    admin_login(writer, "writer", staff_password)
    writer.goto(f"/admin/pages/{draft.pk}/edit/")
    expect(writer.locator("button[name=action-publish]")).to_have_count(0)  # writers cannot publish
    writer.fill("#id_title", "Reviewed: a hardware startup's first production run")
    writer.locator("footer .w-dropdown__toggle").last.click()
    expect(writer.locator("button[name=action-submit]")).to_contain_text("Submit to editors")
    writer.locator("button[name=action-submit]").click()
    expect(writer.locator(".messages")).to_contain_text("submitted for moderation")
    assert not ArticlePage.objects.get(pk=draft.pk).live

    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto(f"/admin/pages/{draft.pk}/edit/")
    editor.locator("footer .w-dropdown__toggle").last.click()
    editor.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(editor.locator(".messages")).to_contain_text("has been updated")

    article = ArticlePage.objects.get(pk=draft.pk)
    assert article.live and article.title == "Reviewed: a hardware startup's first production run"
    reader = new_page()
    reader.goto(article.url)
    expect(reader.locator("h1")).to_have_text(article.title)
