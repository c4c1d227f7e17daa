"""A reader's whole journey through the paywall, in a real browser.

Sign up with a code read from the dev mailbox, read a members article, hit the meter's limit,
open a gift link in a fresh browser and read the full article, sign out and see the preview.
"""

import re

import pytest
from playwright.sync_api import expect

from masthead.access.services import grant_create

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def dev_mailbox(settings):
    settings.EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    settings.DEV_MAILBOX_ENABLED = True


@pytest.fixture
def meter_of_two(demo):
    from masthead.access.models import PaywallSettings

    paywall = PaywallSettings.for_site(demo.home.get_site())
    paywall.monthly_free_articles = 2
    paywall.save()
    return paywall


def read_code_in_mailbox(staff_page, email):
    staff_page.goto(f"/dev/mailbox/?to={email}")
    staff_page.locator("table.mailbox a").first.click()
    text = staff_page.locator(".mail__text").inner_text()
    return re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", text, re.M).group(1)


def test_sign_up_read_hit_the_meter_gift_and_sign_out(
    new_page, demo, meter_of_two, staff_user, django_user_model
):
    members_article = demo.article(access_level="members", language="en")
    premium = list(demo.articles.filter(access_level="premium", language="en")[:3])
    staff = new_page()
    admin_login(staff, staff_user.username, "pw-staff-test-1")

    reader = new_page()
    # 1. A members-only article asks an anonymous visitor to sign up.
    reader.goto(members_article.url)
    expect(reader.locator(".paywall h2")).to_have_text("This article is for members")
    reader.locator(".paywall a", has_text="Sign up free").click()
    reader.fill("input[name=email]", "journey@example.com")
    reader.fill("input[name=name]", "Journey Reader")
    reader.locator("form button[type=submit]").first.click()
    code = read_code_in_mailbox(staff, "journey@example.com")
    reader.fill("input[name=code]", code)
    reader.locator("form button[type=submit]").first.click()
    # 2. Signed in, back on the article, which is now whole.
    expect(reader.locator(".topbar")).to_contain_text("Account")
    reader.goto(members_article.url)
    expect(reader.locator(".paywall")).to_have_count(0)

    # 3. Premium articles on the meter: two free, then the paywall.
    reader.goto(premium[0].url)
    expect(reader.locator(".notice--meter")).to_contain_text("1 free premium article left")
    reader.goto(premium[1].url)
    expect(reader.locator(".notice--meter")).to_contain_text("last free premium article")
    reader.goto(premium[0].url)  # re-reading costs nothing
    expect(reader.locator(".paywall")).to_have_count(0)
    reader.goto(premium[2].url)
    expect(reader.locator(".paywall h2")).to_contain_text("free premium articles this month")
    expect(reader.locator(".paywalled-content")).to_have_count(0)

    # 4. A paying member gifts that article; a stranger opens the link in a fresh browser.
    payer = django_user_model.objects.get(email="journey@example.com")
    grant_create(
        user=payer,
        level="premium",
        source="complimentary",
        reason="browser test",
        ends_at=__import__("django.utils.timezone").utils.timezone.now()
        + __import__("datetime").timedelta(days=3),
    )
    reader.goto(premium[2].url)
    expect(reader.locator(".paywalled-content")).to_be_visible()
    reader.get_by_role("button", name="Gift this article").click()
    gift_url = reader.locator("#gift-url").input_value()
    stranger = new_page()
    stranger.goto(gift_url)
    expect(stranger.locator(".notice--gift")).to_be_visible()
    expect(stranger.locator(".paywalled-content")).to_be_visible()
    expect(stranger.locator(".paywall")).to_have_count(0)
    stranger.goto(premium[2].url)  # the article's own address is still the preview for them
    expect(stranger.locator(".paywall")).to_be_visible()

    # 5. Signing out brings the preview back.
    reader.get_by_role("button", name="Sign out").first.click()
    if reader.locator("form button[type=submit]", has_text="Sign out").count():
        reader.locator("form button[type=submit]", has_text="Sign out").click()
    reader.goto(premium[2].url)
    expect(reader.locator(".paywall")).to_be_visible()
    expect(reader.locator(".paywalled-content")).to_have_count(0)
