"""The publication's name in one place, in a real browser: an administrator renames the
publication in Settings → Publication and readers see the new name on the next page they open
(the page cache included), and the canonical link stays on the public origin (SITE_URL).

The home page is sent with `Cache-Control: public, max-age=60` (core.caching), so a browser that
has it may show it unchanged for up to a minute without asking: like a reader pressing reload,
the test reloads it, which makes the browser revalidate with the server."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from masthead.core.origin import absolute_url

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_renaming_the_publication_in_the_admin_renames_the_site(new_page, demo, staff_password, live_server):
    # SITE_URL is this live server (conftest); point the site record at it as a deploy would.
    call_command("set_site_url", stdout=io.StringIO())
    reader = new_page()
    reader.goto("/")
    expect(reader.locator(".wordmark__name")).to_have_text("Circuit East")

    admin = new_page()
    admin_login(admin, "admin", staff_password)
    admin.goto("/admin/settings/core/publicationsettings/")
    admin.fill("input[name=name]", "Lantern Review")
    admin.click("button:has-text('Save')")
    expect(admin.locator(".messages")).to_be_visible()

    reader.reload()
    expect(reader.locator(".wordmark__name")).to_have_text("Lantern Review")
    expect(reader).to_have_title(re.compile(r"Lantern Review"))
    # The canonical link is on the public origin (SITE_URL), not on the address this browser used.
    expect(reader.locator("link[rel=canonical]")).to_have_attribute("href", absolute_url("/"))

    # A page this reader has not opened yet carries the new name too, in its masthead and title.
    reader.goto("/archive/")
    expect(reader.locator(".wordmark__name")).to_have_text("Lantern Review")
    expect(reader).to_have_title(re.compile(r"Lantern Review"))
