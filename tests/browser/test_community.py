"""The community in a real browser: comment, reply, the reply notice in the dev mailbox; a report
and a moderator hiding the post in the Wagtail admin; a free member refused a paying category."""

from importlib import import_module

import pytest
from django.conf import settings as dj_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from playwright.sync_api import expect

from tests.community.conftest import make_member

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def dev_mailbox(settings):
    settings.EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    settings.DEV_MAILBOX_ENABLED = True


def signed_in_page(new_page, user):
    """A browser already signed in as `user` (signing in through the form is tested elsewhere)."""
    store = import_module(dj_settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    page = new_page()
    page.goto("/healthz")
    page.context.add_cookies(
        [{"name": dj_settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": page.url}]
    )
    return page


def test_comment_reply_notice_report_and_hide(new_page, demo, django_user_model, staff_user, staff_password):
    article = demo.article(access_level="premium", language="en")
    alice = make_member(django_user_model, "alice", paying=True)
    bob = make_member(django_user_model, "bob", paying=True)

    first = signed_in_page(new_page, alice)
    first.goto(article.url)
    first.fill("#comment-body", "The **export** numbers look off to me.")
    first.get_by_role("button", name="Post comment").click()
    comment = first.locator("article.post", has_text="numbers look off")
    expect(comment.locator("strong")).to_have_text("export")

    second = signed_in_page(new_page, bob)
    second.goto(article.url)
    thread = second.locator("article.post", has_text="numbers look off")
    thread.locator("summary", has_text="Reply").click()
    thread.locator("textarea").fill("They are restated in the annex.")
    thread.get_by_role("button", name="Post reply").click()
    expect(second.locator(".thread__replies article.post")).to_contain_text("restated in the annex")

    # Alice's reply notice, in the dev mailbox.
    staff = new_page()
    admin_login(staff, staff_user.username, "pw-staff-test-1")
    staff.goto(f"/dev/mailbox/?to={alice.email}")
    expect(staff.locator("table.mailbox")).to_contain_text("Bob replied to you")
    staff.locator("table.mailbox a", has_text="Bob replied to you").first.click()
    expect(staff.locator(".mail__text")).to_contain_text("restated in the annex")

    # Bob reports Alice's comment; a moderator hides it from the queue.
    second.goto(article.url)
    second.locator("article.post", has_text="numbers look off").get_by_role(
        "link", name="Report"
    ).first.click()
    second.get_by_label("Harassment or abuse").check()
    second.fill("textarea[name=note]", "Testing the queue")
    second.get_by_role("button", name="Send report").click()
    expect(second.locator(".messages")).to_contain_text("A moderator will look at it")

    # The demo's moderator (the community, nothing else) works the queue.
    moderator = new_page()
    admin_login(moderator, "moderator", staff_password)
    moderator.goto("/admin/community/posts/")
    moderator.get_by_role("link", name="Moderate").first.click()
    expect(moderator.locator("main")).to_contain_text("Testing the queue")
    moderator.get_by_role("button", name="Hide").click()  # without a reason: refused, the author is told why
    expect(moderator.locator(".messages")).to_contain_text("Say why the post is hidden")
    moderator.fill("input[name=reason]", "Harassment is not allowed.")
    moderator.get_by_role("button", name="Hide").click()
    expect(moderator.locator("main")).to_contain_text("Hidden by a moderator")
    staff.goto(f"/dev/mailbox/?to={alice.email}")
    expect(staff.locator("table.mailbox")).to_contain_text("was hidden by a moderator")

    second.goto(article.url)
    expect(second.locator("#comments")).not_to_contain_text("numbers look off")


def test_a_free_member_is_refused_a_paying_category_and_can_upgrade(new_page, demo, django_user_model):
    member = make_member(django_user_model, "frank")
    page = signed_in_page(new_page, member)
    page.goto("/community/")
    page.get_by_role("link", name="Investors").click()
    expect(page.locator(".community-refused h2")).to_have_text("This conversation is for paying members.")
    page.get_by_role("link", name="Become a paying member").click()
    expect(page.locator("h1")).to_have_text("Become a member")
