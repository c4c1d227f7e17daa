"""The conversion funnel: paywall shown → sign-up → trial → paid, by article, section, author and
call to action, with metered and gift-link reads — each step recorded where it happens."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.access.models import PaywallSettings
from masthead.access.services import gift_link_create, gift_link_open, meter_record_read
from masthead.analytics.counting import record_hit
from masthead.analytics.reports import Range, content, funnel
from masthead.analytics.rollups import content as content_rollups
from masthead.analytics.rollups import traffic
from masthead.billing.providers.testmode import pay_checkout, run_due
from masthead.billing.services import checkout_start
from masthead.core.attribution import came_from, with_via
from masthead.members.models import SignupSource

pytestmark = pytest.mark.django_db


def test_the_paywall_links_carry_the_call_to_action_outside_the_cache_key(client, demo):
    premium = demo.article(access_level="premium")
    html = client.get(premium.url).content.decode()
    signup = f"/accounts/signup/?next={premium.url.replace('/', '%2F')}%23via%3Dmembership_required"
    assert signup in html
    assert f"next={premium.url.replace('/', '%2F')}%23via%3Dmembership_required" in html  # the trial link


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/a/b/#via=meter_used_up", ("/a/b/", "meter_used_up")),
        (
            "/membership/start/?price=3&next=%2Fa%2F%23via%3Dmembership_required",
            ("/a/", "membership_required"),
        ),
        ("/a/#via=made_up", ("/a/", "")),
        ("https://evil.example/a/#via=gift_link", ("", "")),
        ("", ("", "")),
        ("/a/", ("/a/", "")),
    ],
)
def test_came_from_reads_the_innermost_next(next_url, expected):
    assert came_from(next_url) == expected


def test_with_via_leaves_a_url_with_a_fragment_alone():
    assert with_via("/a/#x", "gift_link") == "/a/#x"
    assert with_via("", "gift_link") == ""


def test_signing_up_from_the_paywall_records_the_article_and_call_to_action(client, demo):
    premium = demo.article(access_level="premium")
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "next": with_via(premium.url, "membership_required")},
    )
    assert response.status_code == 302
    source = SignupSource.objects.get(user__email="new@example.com")
    assert (source.path, source.cta) == (premium.url, "membership_required")


def test_a_direct_sign_up_has_no_source_page(client, demo):
    client.post(reverse("account_signup"), {"email": "direct@example.com"})
    source = SignupSource.objects.get(user__email="direct@example.com")
    assert (source.path, source.cta) == ("", "")


@pytest.fixture
def journey(demo, client, make_member, monthly, staff_user):
    """Three readers of one premium article: one signs up from the paywall, starts a trial and
    pays; one signs up from a gift link; one, already a member, reads on the meter and starts
    a trial from "meter used up" that is not yet decided."""
    now = timezone.now()
    premium = demo.article(access_level="premium")
    client.post(
        reverse("account_signup"),
        {"email": "p1@example.com", "next": with_via(premium.url, "membership_required")},
    )
    p1 = get_user_model().objects.get(email="p1@example.com")
    checkout, _ = checkout_start(
        user=p1, price=monthly, next_url=with_via(premium.url, "membership_required"), now=now
    )
    pay_checkout(checkout=checkout, card_number="4242 4242 4242 4242", now=now)
    run_due(now=now + timedelta(days=14, minutes=1))  # the trial converts on day 14
    link = gift_link_create(article=premium, user=staff_user, settings=PaywallSettings())
    gift_link_open(token=link.token, reader_key="session:abc")
    # The gift page's "Sign up free" link, followed in another browser.
    Client().post(
        reverse("account_signup"),
        {"email": "p2@example.com", "next": unquote(f"{premium.url}%23via%3Dgift_link")},
    )
    assert SignupSource.objects.filter(user__email="p2@example.com", cta="gift_link").exists()
    p3 = make_member("p3@example.com")
    meter_record_read(user=p3, article=premium, limit=3, now=now)
    checkout, _ = checkout_start(
        user=p3, price=monthly, next_url=with_via(premium.url, "meter_used_up"), now=now
    )
    pay_checkout(checkout=checkout, card_number="4242 4242 4242 4242", now=now)
    for n in range(40):  # forty anonymous readers were shown the paywall (the page's beacon)
        record_hit(
            fields={"id": str(premium.pk), "c": "membership_required"},
            environ={"REMOTE_ADDR": f"198.51.100.{n}", "HTTP_USER_AGENT": "Mozilla/5.0 Firefox/133.0"},
            now=now,
        )
    traffic.roll_day(timezone.localdate(now))
    return premium, now


def test_every_step_is_attributed_to_the_article_and_call_to_action(journey):
    premium, now = journey
    today, paid_day = timezone.localdate(now), timezone.localdate(now + timedelta(days=14, minutes=1))
    for day in {today, paid_day}:
        content_rollups.roll_funnel_day(day)
    data = funnel(Range(today, paid_day))
    by_cta = {row["cta"]: row for row in data["by_cta"]}
    assert {k: by_cta["membership_required"][k] for k in ("paywall", "signup", "trial", "paid")} == {
        "paywall": 40,
        "signup": 1,
        "trial": 1,
        "paid": 1,
    }
    assert (by_cta["gift_link"]["signup"], by_cta["gift_link"]["paid"]) == (1, 0)
    assert (by_cta["meter_used_up"]["trial"], by_cta["meter_used_up"]["paid"]) == (1, 0)
    assert data["totals"] == {"paywall": 40, "signup": 2, "trial": 2, "paid": 1}
    article = data["by_article"][0]
    assert (article["id"], article["path"], article["signup"], article["trial"], article["paid"]) == (
        premium.pk,
        premium.url,
        2,
        2,
        1,
    )
    assert article["paid_rate"] == 0.025  # 1 paid of 40 shown
    assert data["by_section"][0]["id"] == premium.section.pk and data["by_section"][0]["paid"] == 1
    assert {row["id"] for row in data["by_author"]} == {a.pk for a in premium.authors}
    assert (data["meter_reads"], data["gift_reads"], data["gift_signups"]) == (1, 1, 1)
    assert content(Range(today, paid_day))["top_converting"][0]["id"] == premium.pk
