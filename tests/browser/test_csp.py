"""The admin, the editor's tools, the dev mailbox and the check-in page work under the
Content-Security-Policy: the browser reports no violation (the new_page fixture collects them)."""

import pytest
from playwright.sync_api import expect

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_editor_works_under_the_policy(new_page, demo, staff_password, csp_violations, settings):
    settings.EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    settings.DEV_MAILBOX_ENABLED = True
    article = demo.article(access_level="premium", language="en", hero_image__isnull=False)
    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    # The rich text editor (Draftail) and StreamField have rendered.
    expect(editor.locator(".Draftail-Editor").first).to_be_visible()
    # The image chooser opens its modal and lists images.
    chooser = editor.locator("#id_hero_image-chooser")
    chooser.locator(".w-dropdown__toggle").click()  # the article has a hero: "Change image"
    chooser.get_by_role("button", name="Change image").click()
    expect(editor.locator(".modal-content")).to_be_visible()
    expect(editor.locator(".modal-content img").first).to_be_visible()
    editor.locator(".modal [data-dismiss='modal']").first.click()
    expect(editor.locator(".modal-content")).to_have_count(0)
    # The live preview panel renders the article in its iframe.
    editor.locator("button[data-side-panel-toggle='preview']").click()
    frame = editor.frame_locator("iframe[id='w-preview-iframe']")
    expect(frame.locator("h1")).to_have_text(article.title)
    # The date chooser (an inline widget script) is there on the settings tab.
    editor.goto(f"/admin/pages/{article.pk}/edit/#tab-settings")
    expect(editor.locator("#id_go_live_at")).to_be_attached()

    superuser = new_page()
    admin_login(superuser, "admin", staff_password)
    superuser.goto("/dev/mailbox/")
    expect(superuser.locator("h1")).to_contain_text("mailbox")
    event = __import__("masthead.events.models", fromlist=["EventPage"]).EventPage.objects.live().first()
    superuser.goto(f"/admin/events/{event.pk}/check-in/")
    expect(superuser.locator("#checkin-form")).to_be_visible()
    superuser.evaluate("window.__checked = true")  # the page's scripts ran without a violation
    assert csp_violations == []


def test_the_page_explorer_loads_the_admin_api_on_first_use(new_page, demo, staff_password, csp_violations):
    # Wagtail's admin API (REST framework) is imported on the admin's first use of it, not by the
    # workers that serve readers (core/wagtail_apps.py, issue 15); the sidebar's page explorer is
    # the admin's main reader of it.
    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto("/admin/")
    with editor.expect_response(lambda r: "/admin/api/main/pages/" in r.url) as listing:
        editor.locator("[data-wagtail-sidebar] button", has_text="Pages").first.click()
    assert listing.value.status == 200
    titles = [item["title"] for item in listing.value.json()["items"]]
    assert titles
    expect(editor.get_by_role("link", name=titles[0]).first).to_be_visible()
    assert csp_violations == []
