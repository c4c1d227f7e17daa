"""Moving in through the admin in a real browser: upload a Ghost export, read the dry run (nothing
written), start the import, and read the imported article on the site."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from masthead.content.models import ArticlePage

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GHOST_EXPORT = Path(__file__).parent.parent / "importers" / "fixtures" / "ghost6.json"


def test_an_editor_uploads_a_ghost_export_checks_the_dry_run_and_imports_it(page, demo, staff_password):
    admin_login(page, "admin", staff_password)
    page.goto("/admin/imports/")
    page.select_option("select[name=what]", "content:ghost")
    page.set_input_files("input[name=file]", str(GHOST_EXPORT))
    page.click("button:has-text('Check the file')")

    expect(page.get_by_text("Dry run: nothing was written.")).to_be_visible()
    assert not ArticlePage.objects.filter(slug="six-point-oh").exists()

    page.click("button:has-text('Start the import')")
    expect(page.locator("#import-progress")).to_be_visible()
    article = ArticlePage.objects.get(slug="six-point-oh")
    assert article.live

    page.goto(article.url)
    expect(page.locator("h1")).to_contain_text(article.title)
