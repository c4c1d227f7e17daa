"""The newsroom line in a real browser.

A paying member asks a question; an editor assigns and answers it in the admin; the member sees
the answer in the thread and in the dev mailbox. A visitor's tip arrives without an account, and
a confidential tip hides its sender from an editor without the permission.
"""

import re
from importlib import import_module

import pytest
from django.conf import settings as dj_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone
from playwright.sync_api import expect

from masthead.newsroom.models import Thread

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def dev_mailbox(settings, tmp_path):
    settings.EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    settings.DEV_MAILBOX_ENABLED = True
    settings.NEWSROOM_PRIVATE_DIR = tmp_path / "private"


def sign_in(page, user):
    """The reader arrives signed in (signing in through the real form is covered elsewhere)."""
    store = import_module(dj_settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    page.goto("/")
    page.context.add_cookies(
        [{"name": dj_settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": page.url}]
    )


def paying_member(django_user_model):
    from allauth.account.models import EmailAddress

    from masthead.access.services import grant_create

    user = django_user_model.objects.create_user("asker", "asker@example.com", None, first_name="Ada")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    grant_create(
        user=user,
        level="premium",
        source="subscription",
        ends_at=timezone.now() + timezone.timedelta(days=30),
    )
    return user


def test_a_member_asks_an_editor_answers_and_the_member_reads_it(
    new_page, demo, django_user_model, staff_password
):
    member = paying_member(django_user_model)
    reader = new_page()
    sign_in(reader, member)
    reader.goto("/account/")
    reader.locator(".panel--newsroom a", has_text="Write to the newsroom").click()
    expect(reader.locator("h1")).to_have_text("Write to the newsroom")
    reader.select_option("select[name=kind]", "question")
    reader.fill("input[name=subject]", "Who audits the chip subsidies?")
    reader.fill("textarea[name=message]", "Your piece on chip subsidies did not say who audits the money.")
    reader.get_by_role("button", name="Send to the newsroom").click()
    expect(reader.locator(".conversation__message--in")).to_contain_text("who audits the money")
    expect(reader.locator("[data-status]")).to_have_text("Received")

    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto("/admin/newsroom/")
    editor.get_by_role("link", name="Who audits the chip subsidies?").click()
    expect(editor.locator(".sender")).to_contain_text("asker@example.com")
    editor.select_option("select[name=assignee]", label="Demo Editor")
    editor.get_by_role("button", name="Assign").click()
    expect(editor.locator(".status")).to_have_text("In progress")
    editor.fill("textarea[name=note]", "Check with the finance desk first.")
    editor.get_by_role("button", name="Add note").click()
    editor.select_option("#canned-reply", label="We will look into it")
    expect(editor.locator("#id_message")).to_have_value(re.compile("We are finding the right person"))
    editor.fill("#id_message", "The provincial audit office does, and publishes a summary each spring.")
    editor.get_by_role("button", name="Send reply").click()
    expect(editor.locator(".status")).to_have_text("Answered")

    reader.reload()
    expect(reader.locator(".conversation__message--out")).to_contain_text("provincial audit office")
    expect(reader.locator("[data-status]")).to_have_text("Answered")
    expect(reader.locator(".newsroom-thread")).not_to_contain_text("finance desk")

    # Only a superuser reads the dev mailbox (it holds everyone's sign-in codes).
    superuser = new_page()
    admin_login(superuser, "admin", staff_password)
    superuser.goto("/dev/mailbox/?to=asker@example.com")
    superuser.locator("table.mailbox a", has_text="Re: Who audits").first.click()
    expect(superuser.locator(".mail__text")).to_contain_text("provincial audit office")


def test_a_visitors_confidential_tip_hides_the_sender_from_an_editor_without_permission(
    new_page, demo, staff_password, staff_user
):
    visitor = new_page()
    visitor.goto("/newsroom/")
    expect(visitor.locator(".membership-benefit")).to_contain_text("benefit of paying membership")
    visitor.select_option("select[name=kind]", "tip")
    visitor.fill("input[name=name]", "Wei Source")
    visitor.fill("input[name=email]", "wei.source@example.org")
    visitor.fill("input[name=subject]", "The tender was decided in advance")
    visitor.fill("textarea[name=message]", "I sat on the panel: the winner was chosen before bids opened.")
    visitor.check("input[name=confidential]")
    visitor.get_by_role("button", name="Send to the newsroom").click()
    expect(visitor.locator(".messages")).to_contain_text("reached the newsroom")
    thread = Thread.objects.get(subject="The tender was decided in advance")
    assert thread.sender is None and thread.confidential

    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto("/admin/newsroom/?kind=tip")
    row = editor.locator("tr", has_text="The tender was decided in advance")
    expect(row.locator(".sender")).to_have_text("Confidential source")
    row.get_by_role("link").first.click()
    expect(editor.locator(".sender")).to_contain_text("Confidential source")
    expect(editor.locator("body")).not_to_contain_text("wei.source@example.org")
    expect(editor.locator("body")).not_to_contain_text("Wei Source")

    chief = new_page()
    admin_login(chief, staff_user.username, "pw-staff-test-1")
    chief.goto(f"/admin/newsroom/{thread.pk}/")
    expect(chief.locator(".sender")).to_contain_text("wei.source@example.org")
