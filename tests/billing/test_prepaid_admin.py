"""The admin's listing of prepaid memberships (billing.wagtail_hooks.PrepaidViewSet): Finance and
administrators reach it, no other role does; states, filters, CSV export, amounts with Babel."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.billing.models import PrepaidMembership
from masthead.billing.prepaid import prepaid_checkout_start
from masthead.billing.providers.testmode import pay_with_method
from masthead.billing.services import refund_payment

pytestmark = pytest.mark.django_db

LISTING = "prepaid_memberships:index"


def buy(member, price, now, method):
    checkout, _url = prepaid_checkout_start(user=member, price=price, method=method, now=now)
    pay_with_method(checkout=checkout, method=method, succeed=True, now=now)
    return PrepaidMembership.objects.get(checkout=checkout)


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def periods(make_member, cny_monthly, staff_user):
    """One member with an ended, an active and an upcoming period; another whose was refunded."""
    now = timezone.now()
    reader = make_member("li.na@example.com")
    ended = buy(reader, cny_monthly, now - timedelta(days=60), "alipay")
    active = buy(reader, cny_monthly, now - timedelta(days=3), "wechat_pay")
    upcoming = buy(reader, cny_monthly, now, "alipay")
    other = make_member("wang@example.com")
    refunded = buy(other, cny_monthly, now, "wechat_pay")
    refund_payment(payment=refunded.payment, actor=staff_user)
    return {"ended": ended, "active": active, "upcoming": upcoming, "refunded": refunded}


@pytest.mark.parametrize(
    ("username", "reaches"),
    [
        ("finance", True),
        ("admin", True),
        ("editor", False),
        ("writer", False),
        ("moderator", False),
        ("door", False),
    ],
)
def test_only_roles_that_see_billing_reach_it(demo, username, reaches):
    client = client_for(username)
    response = client.get(reverse(LISTING))
    assert response.status_code in (200, 302, 403)
    assert (response.status_code == 200) is reaches
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ("Prepaid memberships" in menu) is reaches


def test_readers_and_visitors_are_sent_away(client, member, demo):
    response = client.get(reverse(LISTING))
    assert response.status_code == 302 and "login" in response.url
    client.force_login(member)
    assert client.get(reverse(LISTING)).status_code in (302, 403)
    assert client.get(reverse(LISTING) + "?export=csv").status_code in (302, 403)


def test_the_listing_shows_each_period_and_filters(demo, periods):
    finance = client_for("finance")
    html = finance.get(reverse(LISTING)).content.decode()
    assert html.count("li.na@example.com") >= 3 and "wang@example.com" in html
    for text in ("CN¥68", "WeChat Pay", "Alipay", "Active", "Upcoming", "Ended", "Refunded"):
        assert text in html, text
    # Finance cannot open the members admin: the member links to their payments instead.
    assert reverse("payments:index") + "?q=li.na%40example.com" in html

    def shown(query):
        page = finance.get(reverse(LISTING) + query)
        assert page.status_code == 200
        return page.content.decode()

    assert "wang@example.com" in shown("?state=refunded") and "li.na@" not in shown("?state=refunded")
    upcoming = shown("?state=upcoming")
    assert upcoming.count("li.na@example.com") >= 1 and "wang@" not in upcoming
    assert "wang@" not in shown("?method=alipay") and "li.na@" in shown("?method=alipay")
    assert "li.na@" not in shown("?currency=USD") and "li.na@" in shown("?currency=CNY")
    # Bad input: never a 500.
    for query in (
        "?state=bogus",
        "?currency=XXX&method=%3Cscript%3E",
        "?ordering=nonsense",
        "?p=abc",
        "?q=%00",
        "?state=active&state=ended",
    ):
        assert finance.get(reverse(LISTING) + query).status_code in (200, 404), query


def test_finance_inspects_one_period(demo, periods):
    finance = client_for("finance")
    page = finance.get(reverse("prepaid_memberships:inspect", args=[periods["refunded"].pk]))
    assert page.status_code == 200
    assert finance.get(reverse("prepaid_memberships:inspect", args=[999999])).status_code == 404
    assert finance.get("/admin/billing/prepaidmembership/abc/").status_code in (302, 404)


def test_administrators_link_to_the_member(demo, periods):
    html = client_for("admin").get(reverse(LISTING)).content.decode()
    user_id = periods["active"].user_id
    assert reverse("member_admin:member_history", args=[user_id]) in html


def test_the_csv_export_has_machine_readable_rows(demo, periods):
    finance = client_for("finance")
    response = finance.get(reverse(LISTING) + "?export=csv&state=refunded")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Member",
        "Plan",
        "Currency",
        "Amount",
        "Refunded",
        "Payment method",
        "Starts",
        "Ends",
        "State",
    ]
    (row,) = rows[1:]
    assert row[:6] == ["wang@example.com", "Individual", "CNY", "68.00", "68.00", "wechat_pay"]
    assert row[8] == "refunded"
    everything = finance.get(reverse(LISTING) + "?export=csv")
    assert len(list(csv.reader(io.StringIO(b"".join(everything.streaming_content).decode())))) == 5
