"""Newsletters in a real browser: sign up from the home page's box, confirm by the emailed link,
the editor previews, tests and sends an issue from the Wagtail admin and watches the counts, the
reader reads it in the mailbox and on the web, and leaves with one click."""

import re

import pytest
from playwright.sync_api import expect

from masthead.newsletters.models import Issue, Newsletter, Subscriber

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def dev_mailbox(settings):
    settings.EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    settings.DEV_MAILBOX_ENABLED = True


def newest_mail_text(staff, email):
    staff.goto(f"/dev/mailbox/?to={email}")
    staff.locator("table.mailbox a").first.click()
    return staff.locator(".mail__text").inner_text()


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_sign_up_confirm_receive_read_on_the_web_and_unsubscribe(new_page, demo, staff_user):
    daily = Newsletter.objects.get(slug="daily-briefing")
    public = demo.article(access_level="public")
    premium = demo.article(access_level="premium")
    staff = new_page()
    admin_login(staff, staff_user.username, "pw-staff-test-1")

    # 1. An anonymous reader signs up from the box on the home page.
    reader = new_page()
    reader.goto("/")
    box = reader.locator("aside.newsletter-signup")
    expect(box).to_contain_text("The Daily Briefing")
    box.locator("input[name=email]").fill("browser.reader@example.com")
    box.locator("button[type=submit]").click()
    expect(reader.locator("h1")).to_have_text("Check your inbox")
    assert not Subscriber.objects.filter(email="browser.reader@example.com").exists()

    # 2. The emailed link confirms (the page presses its own button).
    link = re.search(
        r"\S+/newsletters/confirm/\S+", newest_mail_text(staff, "browser.reader@example.com")
    ).group(0)
    reader.goto(path_of(link))
    expect(reader.locator("h1")).to_have_text("You're subscribed")
    assert Subscriber.objects.get(email="browser.reader@example.com").confirmed_at is not None

    # 3. The editor previews, sends a test, then sends the issue and sees the final counts.
    issue = Issue.objects.create(
        newsletter=daily,
        subject="Browser edition",
        intro="<p>Hello from the browser test.</p>",
        body=[("article", {"article": public, "note": ""}), ("article", {"article": premium, "note": ""})],
        created_by=staff_user,
    )
    staff.goto(f"/admin/newsletter_issues/inspect/{issue.pk}/")
    expect(staff.frame_locator("iframe[title=Preview]").locator("h1")).to_have_text("Browser edition")
    staff.locator("button[value=test]").click()
    expect(staff.locator(".messages")).to_contain_text("Two test emails")
    staff.on("dialog", lambda dialog: dialog.accept())
    staff.locator("button[value=send]").click()
    expect(staff.locator(".messages")).to_contain_text("Sending has started")
    staff.reload()
    expect(staff.locator("[data-count=status_label]")).to_have_text("Sent")
    expect(staff.locator("[data-count=sent]")).not_to_have_text("0")
    expect(staff.locator("[data-count=failed]")).to_have_text("0")

    # 4. The reader's copy: free variant (the premium article as a teaser), with its links.
    text = newest_mail_text(staff, "browser.reader@example.com")
    assert "Browser edition" in staff.locator(".mail__subject").inner_text()
    assert "Continue reading on the site" in text
    web = re.search(r"Read it in your browser: (\S+)", text).group(1)
    reader.goto(path_of(web))
    expect(reader.locator("h1")).to_have_text("Browser edition")
    expect(reader.locator(".newsletter-issue")).to_contain_text(premium.title)

    # 5. One click on the unsubscribe link, no sign-in.
    unsubscribe = re.search(r"Unsubscribe: (\S+)", text).group(1)
    reader.goto(path_of(unsubscribe))
    expect(reader.locator("h1")).to_have_text("You're unsubscribed")
    subscriber = Subscriber.objects.get(email="browser.reader@example.com")
    assert not subscriber.subscriptions.get(newsletter=daily).active
