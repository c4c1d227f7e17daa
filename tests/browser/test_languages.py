"""A reader switches to Chinese and signs in by an emailed code, in a real browser (issue 20).

Every page on the way is Chinese, so is the code's email (the language of the page that asked,
as the reader has chosen none yet); the account page is Chinese, and the language saved there
sticks: the next code, asked for from the English page, is Chinese too.
"""

import re

import pytest
from playwright.sync_api import expect

from masthead.members.models import Profile

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def dev_mailbox(settings):
    settings.EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    settings.DEV_MAILBOX_ENABLED = True


@pytest.fixture
def reader_account(django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("li", "li@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def latest_mail(staff_page, email):
    staff_page.goto(f"/dev/mailbox/?to={email}")
    staff_page.locator("table.mailbox a").first.click()
    text = staff_page.locator(".mail__text").inner_text()
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", text, re.M).group(1)
    return staff_page.locator("body").inner_text(), text, code


def test_a_reader_switches_to_chinese_signs_in_by_code_and_keeps_chinese(
    new_page, demo, zh_edition, reader_account, staff_user
):
    staff = new_page()
    admin_login(staff, staff_user.username, "pw-staff-test-1")
    reader = new_page()
    reader.goto("/")
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    # 1. The switch in the top bar: the Chinese edition, its chrome in Chinese.
    reader.locator(".edition-switch a", has_text="简体中文").click()
    reader.wait_for_url("**/zh/")
    expect(reader.locator("html")).to_have_attribute("lang", "zh-Hans")
    # 2. Sign in from there: the sign-in pages are the Chinese edition's.
    reader.locator(".topbar a", has_text="登录").first.click()
    reader.wait_for_url("**/zh/accounts/login/code/**")
    expect(reader.locator("html")).to_have_attribute("lang", "zh-Hans")
    reader.fill("input[name=email]", "li@example.com")
    reader.locator("main form button[type=submit]").first.click()
    reader.wait_for_url("**/zh/accounts/login/code/confirm/**")
    expect(reader.locator("h1")).to_have_text("输入您的登录验证码")
    # 3. The code's email is Chinese, its link the Chinese confirm page.
    page_text, text, code = latest_mail(staff, "li@example.com")
    assert "您的登录验证码" in page_text and "您的登录验证码是：" in text
    assert "/zh/accounts/login/code/confirm/?code=" in text and "Your sign-in code" not in text
    reader.fill("input[name=code]", code)
    reader.locator("main form button[type=submit]").first.click()
    expect(reader.locator(".topbar")).to_contain_text("账户")
    # 4. The account page is Chinese; the language chosen there is saved.
    reader.locator(".topbar a", has_text="账户").first.click()
    reader.wait_for_url("**/zh/account/")
    expect(reader.locator("h1")).to_have_text("您的账户")
    select = reader.locator("select[name=language]")
    expect(select).to_have_value("zh-hans")  # not chosen yet: the page's language is offered
    reader.locator("section[aria-labelledby=h-profile] button[type=submit]").click()
    reader.wait_for_url("**/zh/account/")
    expect(reader.locator("main")).to_contain_text("您的个人资料已保存。")
    assert Profile.objects.get(user=reader_account).language == "zh-hans"
    # 5. It sticks: in another browser, a code asked for from the English page comes in Chinese,
    # and signing in lands on the Chinese account page.
    other = new_page()
    other.goto("/accounts/login/code/?next=/account/")
    expect(other.locator("html")).to_have_attribute("lang", "en")
    other.fill("input[name=email]", "li@example.com")
    other.locator("main form button[type=submit]").first.click()
    other.wait_for_url("**/accounts/login/code/confirm/**")
    _page_text, text, code = latest_mail(staff, "li@example.com")
    assert "您的登录验证码是：" in text
    other.fill("input[name=code]", code)
    other.locator("main form button[type=submit]").first.click()
    other.wait_for_url("**/zh/account/")
    expect(other.locator("h1")).to_have_text("您的账户")
