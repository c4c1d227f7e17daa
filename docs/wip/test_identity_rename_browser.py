# NOT IN THE SUITE YET (docs/wip/README.md): fails on main 56e5dc0 — the row is saved ("Publication
# updated.", the database holds the new name) but the reader's next page, 2.5 s later, still shows
# the old name. The test-client test (tests/core/test_origin_identity.py) passes. Cause not found yet.
"""The publication's name in one place, in a real browser: an administrator renames the
publication in Settings → Publication and readers see the new name on the next page they open
(the page cache included), and the canonical link stays on the public origin."""

import pytest
from playwright.sync_api import expect

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_renaming_the_publication_in_the_admin_renames_the_site(new_page, demo, staff_password, live_server):
    reader = new_page()
    reader.goto("/")
    expect(reader.locator(".wordmark__name")).to_have_text("Circuit East")

    admin = new_page()
    admin_login(admin, "admin", staff_password)
    admin.goto("/admin/settings/core/publicationsettings/")
    admin.fill("input[name=name]", "Lantern Review")
    admin.click("button:has-text('Save')")
    expect(admin.locator(".messages")).to_be_visible()

    reader.wait_for_timeout(2500)
    reader.goto("/")
    expect(reader.locator(".wordmark__name")).to_have_text("Lantern Review")
    assert reader.title().endswith("Lantern Review")
    canonical = reader.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.startswith(live_server.url)
