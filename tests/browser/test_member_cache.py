"""A paying member reads from the page cache in a real browser (docs/caching.md).

The production WSGI stack (the page cache in front of Django) on a threaded server; chromium
signed in as a paying member reads a premium article until it comes from the cache, and sees
their own name in the header (filled after the page by access/personal.js) and the full text.
A free member with no free articles left gets the call to action instead.
"""

import pytest
from django.test import Client
from django.utils import timezone

from masthead.access.services import grant_create
from masthead.content.body import plain_text, split_body
from tests.access.test_member_cache import PLAIN
from tests.browser.test_analytics import cached_site  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def signed_in_context(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    return context


def test_a_paying_member_gets_their_name_and_the_full_text_from_a_cached_page(
    browser,
    cached_site,  # noqa: F811
    demo,
    django_user_model,
):
    from masthead.access.models import PaywallSettings

    settings = PaywallSettings.for_site(demo.home.get_site())
    settings.monthly_free_articles = 0
    settings.save()
    article = demo.article(access_level="premium", language="en")
    secret = PLAIN.search(plain_text(split_body(article.body)[1])).group(0)
    payer = django_user_model.objects.create_user("browser-payer", "bp@example.com", None, first_name="Ming")
    grant_create(
        user=payer,
        level="premium",
        source="subscription",
        ends_at=timezone.now() + timezone.timedelta(days=30),
    )
    free = django_user_model.objects.create_user("browser-free", "bf@example.com", None, first_name="Lan")

    context = signed_in_context(browser, cached_site, payer)
    page = context.new_page()
    states = [page.goto(cached_site + article.url).headers.get("x-cache") for _ in range(3)]
    assert states[-1] == "HIT", states
    page.wait_for_selector("html[data-personal-loaded]")
    assert page.locator(".account-name").inner_text() == "Ming"
    assert secret in page.locator(".paywalled-content").inner_text()
    assert page.locator("form.gift-form button").is_visible()
    context.close()

    context = signed_in_context(browser, cached_site, free)
    page = context.new_page()
    for _ in range(2):
        page.goto(cached_site + article.url)
    assert page.locator(".paywall").is_visible()
    assert secret not in page.content()
    context.close()
