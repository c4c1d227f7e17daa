"""Becoming a member in a real browser, through the offline test-mode checkout.

From a paywalled article: start a free trial with a test card, land back on the article in full,
see the membership on the account page, cancel, keep access until the period ends, then see
the paywall again once it has. A declined card shows a clear error and grants nothing.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from masthead.access.models import Grant
from masthead.billing.models import Subscription

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def travel(user, days):
    """Move a member's membership `days` into the past: as if that much time had gone by."""
    delta = timedelta(days=days)
    for sub in Subscription.objects.filter(user=user):
        for field in ("started_at", "trial_end", "current_period_start", "current_period_end", "canceled_at"):
            value = getattr(sub, field)
            if value:
                setattr(sub, field, value - delta)
        sub.save()
    for grant in Grant.objects.filter(user=user):
        grant.starts_at -= delta
        if grant.ends_at:
            grant.ends_at -= delta
        grant.save()


def test_trial_from_the_paywall_cancel_keep_access_then_the_paywall_again(new_page, demo, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("trialist", "trialist@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    from masthead.access.models import PaywallSettings

    paywall = PaywallSettings.for_site(demo.home.get_site())
    paywall.monthly_free_articles = 0  # no meter: the paywall shows at once
    paywall.save()
    article = demo.article(access_level="premium", language="en")
    page = new_page()
    # Sign in through the real form is covered elsewhere; here the reader arrives signed in.
    from importlib import import_module

    from django.conf import settings as dj_settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(dj_settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    page.goto("/")
    page.context.add_cookies(
        [{"name": dj_settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": page.url}]
    )

    page.goto(article.url)
    expect(page.locator(".paywall")).to_be_visible()
    page.locator(".paywall a", has_text="Start your free trial").click()
    expect(page.locator("h1")).to_have_text("Become a member")
    page.locator("section.plan:has(#plan-individual)").get_by_role(
        "link", name="Start your free trial"
    ).click()
    page.get_by_role("button", name="Continue to payment").click()
    expect(page.locator(".test-banner")).to_contain_text("TEST MODE")

    # A declined card: a clear error, nothing granted.
    page.fill("input[name=name]", "Trial Ist")
    page.fill("input[name=card_number]", "4000 0000 0000 0002")
    page.fill("input[name=expiry]", "12/39")
    page.fill("input[name=cvc]", "123")
    page.get_by_role("button", name="Start my free trial").click()
    expect(page.locator(".form-errors")).to_contain_text("Your card was declined")
    assert not Grant.objects.filter(user=user).exists()

    page.fill("input[name=card_number]", "4242 4242 4242 4242")
    page.get_by_role("button", name="Start my free trial").click()
    # Back on the article, in full.
    expect(page.locator("h1")).to_have_text(article.title)
    expect(page.locator(".paywalled-content")).to_be_visible()
    expect(page.locator(".paywall")).to_have_count(0)

    page.goto("/account/")
    expect(page.locator(".membership-status")).to_contain_text("Individual")
    expect(page.locator(".membership-status")).to_contain_text("Free trial")
    page.get_by_role("button", name="Cancel membership").click()
    expect(page.locator(".panel--membership")).to_contain_text("Canceled: you keep full access until")

    # Ten days later: still within the trial that was paid for by nothing — access is kept.
    travel(user, 10)
    page.goto(article.url)
    expect(page.locator(".paywalled-content")).to_be_visible()

    # Past the end: the worker's billing cycle ends the membership; the paywall is back.
    travel(user, 10)
    from masthead.billing.tasks import run_billing_cycle

    run_billing_cycle.call()
    assert Subscription.objects.get(user=user).status == "expired"
    page.goto(article.url)
    expect(page.locator(".paywall")).to_be_visible()
    expect(page.locator(".paywalled-content")).to_have_count(0)
