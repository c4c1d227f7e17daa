"""A CNY membership paid once in the browser, through the offline test mode's Alipay / WeChat Pay
QR step: a failed Alipay payment grants nothing and says why; WeChat Pay opens the premium article."""

from importlib import import_module

import pytest
from django.conf import settings as dj_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.urls import reverse
from playwright.sync_api import expect

from masthead.access.models import Grant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_cny_month_paid_with_wechat_pay_opens_a_premium_article(new_page, demo, django_user_model):
    from allauth.account.models import EmailAddress

    from masthead.access.models import PaywallSettings

    user = django_user_model.objects.create_user("wechat", "wechat@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    paywall = PaywallSettings.for_site(demo.home.get_site())
    paywall.monthly_free_articles = 0
    paywall.save()
    article = demo.article(access_level="premium", language="en")
    page = new_page()
    store = import_module(dj_settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    page.goto("/")
    page.context.add_cookies(
        [{"name": dj_settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": page.url}]
    )

    def buy_one_month():
        page.goto(reverse("billing:pricing") + "?currency=CNY")
        page.locator("section.plan:has(#plan-individual) .prepay a").click()
        expect(page.locator("h1")).to_contain_text("Individual")
        page.get_by_role("button", name="Continue to payment").click()
        expect(page.locator(".test-banner")).to_contain_text("TEST MODE")
        expect(page.locator(".amount-due")).to_contain_text("CN¥68")

    # Alipay, and the payer's app fails: a clear reason, nothing granted.
    buy_one_month()
    page.get_by_role("link", name="Alipay", exact=True).click()
    expect(page.locator("#qr-title")).to_have_text("Scan with Alipay")
    page.get_by_role("button", name="Fail").click()
    expect(page.locator(".form-errors")).to_contain_text("Your Alipay payment did not go through")
    assert not Grant.objects.filter(user=user).exists()

    # WeChat Pay, paid: the premium article opens in full.
    buy_one_month()
    page.get_by_role("link", name="WeChat Pay", exact=True).click()
    expect(page.locator(".qr-code--wechat_pay")).to_be_visible()
    page.get_by_role("button", name="Pay", exact=True).click()
    expect(page.locator(".prepaid-until")).to_contain_text("Your membership is paid until")
    assert Grant.objects.filter(user=user, source="prepaid").count() == 1
    page.goto(article.url)
    expect(page.locator(".paywalled-content")).to_be_visible()
    expect(page.locator(".paywall")).to_have_count(0)
