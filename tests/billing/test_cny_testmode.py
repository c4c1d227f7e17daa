"""The offline test mode offers Alipay and WeChat Pay for CNY prepaid memberships, through the
same events and handlers as Stripe; receipts and payment history in the reader's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from masthead.access.models import Grant
from masthead.access.selectors import member_status
from masthead.billing.models import CheckoutSession, Payment, PrepaidMembership
from masthead.billing.money import format_money
from masthead.billing.prepaid import prepaid_checkout_start, send_prepaid_reminders
from masthead.billing.services import checkout_start

from .conftest import is_paying

pytestmark = pytest.mark.django_db


def open_prepaid(client, member, price):
    client.force_login(member)
    response = client.post(reverse("billing:start"), {"price": price.pk, "pay": "once"})
    assert response.status_code == 302
    checkout = CheckoutSession.objects.get(user=member, kind="prepaid")
    assert response.url == reverse("billing:test_checkout", args=[checkout.pk])
    return checkout


def test_the_test_checkout_offers_card_alipay_and_wechat_pay(client, member, cny_monthly):
    checkout = open_prepaid(client, member, cny_monthly)
    page = client.get(reverse("billing:test_checkout", args=[checkout.pk]) + "?method=wechat_pay")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Card" in html and "Alipay" in html and "WeChat Pay" in html and "Scan with WeChat Pay" in html
    assert 'value="pay"' in html and 'value="fail"' in html and "CN¥68" in html


def test_wechat_pay_in_test_mode_grants_a_month(client, member, cny_monthly):
    checkout = open_prepaid(client, member, cny_monthly)
    url = reverse("billing:test_checkout", args=[checkout.pk])
    response = client.post(url, {"method": "wechat_pay", "outcome": "pay"})
    assert response.status_code == 302
    checkout.refresh_from_db()
    assert (checkout.state, checkout.payment_method) == ("complete", "wechat_pay")
    period = PrepaidMembership.objects.get(checkout=checkout)
    assert 28 <= (period.ends_at - period.starts_at).days <= 31
    assert Grant.objects.filter(user=member, source="prepaid").count() == 1
    assert is_paying(member, timezone.now())
    assert member_status(user=member, now=timezone.now()) == "paying"  # staff lists, API, webhooks
    assert Payment.objects.get(user=member).amount == 6800
    # Paying again (double submit) changes nothing.
    client.post(url, {"method": "wechat_pay", "outcome": "pay"})
    assert PrepaidMembership.objects.count() == 1 and Payment.objects.count() == 1
    # A second period bought now starts when the first ends.
    second, _url = prepaid_checkout_start(user=member, price=cny_monthly)
    client.post(reverse("billing:test_checkout", args=[second.pk]), {"method": "alipay", "outcome": "pay"})
    later = PrepaidMembership.objects.get(checkout=second)
    assert later.starts_at == period.ends_at


def test_a_prepaid_month_paid_by_test_card_grants_the_period(client, member, cny_monthly):
    checkout = open_prepaid(client, member, cny_monthly)
    response = client.post(
        reverse("billing:test_checkout", args=[checkout.pk]),
        {"name": "Li Na", "card_number": "4242 4242 4242 4242", "expiry": "12/39", "cvc": "123"},
    )
    assert response.status_code == 302
    checkout.refresh_from_db()
    assert (checkout.state, checkout.payment_method) == ("complete", "card")
    period = PrepaidMembership.objects.get(checkout=checkout)
    payment = Payment.objects.get(user=member)
    assert (payment.amount, payment.currency, period.payment_id) == (6800, "CNY", payment.pk)
    assert Grant.objects.filter(user=member, source="prepaid").count() == 1


def test_a_failed_alipay_payment_grants_nothing_and_says_why(client, member, cny_monthly):
    checkout = open_prepaid(client, member, cny_monthly)
    url = reverse("billing:test_checkout", args=[checkout.pk])
    response = client.post(url, {"method": "alipay", "outcome": "fail"})
    assert response.status_code == 400
    assert "Your Alipay payment did not go through" in response.content.decode()
    checkout.refresh_from_db()
    assert checkout.state == "failed" and checkout.error == "payment_method_failed:alipay"
    assert not Grant.objects.filter(user=member).exists() and not Payment.objects.exists()
    assert not is_paying(member, timezone.now())
    back = client.get(reverse("billing:checkout_return", args=[checkout.pk]), follow=True)
    assert "Your Alipay payment did not go through" in back.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"method": "paypal", "outcome": "pay"},
        {"method": "", "outcome": "pay"},
        {"method": "card", "outcome": "pay"},
        {"method": "alipay", "outcome": "maybe"},
    ],
)
def test_bad_input_is_a_clear_refusal(client, member, cny_monthly, data):
    checkout = open_prepaid(client, member, cny_monthly)
    response = client.post(reverse("billing:test_checkout", args=[checkout.pk]), data)
    assert response.status_code == 400
    assert not Grant.objects.filter(user=member).exists()


def test_wallets_are_refused_where_the_currency_does_not_offer_them(client, member, monthly, individual):
    # USD offers card only: no "pay once" page, and no wallet on a USD checkout.
    client.force_login(member)
    response = client.get(reverse("billing:start") + f"?price={monthly.pk}&pay=once", follow=True)
    assert response.status_code == 200 and "not offered for payments in USD" in response.content.decode()
    checkout, _url = checkout_start(user=member, price=monthly)
    response = client.post(
        reverse("billing:test_checkout", args=[checkout.pk]), {"method": "wechat_pay", "outcome": "pay"}
    )
    assert response.status_code == 400 and "not offered for payments in USD" in response.content.decode()
    assert not Grant.objects.filter(user=member).exists()


def test_receipts_and_history_in_the_readers_language(client, member, cny_monthly):
    checkout = open_prepaid(client, member, cny_monthly)
    mail.outbox.clear()
    with translation.override("zh-hans"):
        client.post(
            reverse("billing:test_checkout", args=[checkout.pk]),
            {"method": "wechat_pay", "outcome": "pay"},
        )
    payment = Payment.objects.get(user=member)
    receipt_url = reverse("billing:receipt", args=[payment.pk])
    english = client.get(receipt_url).content.decode()
    assert "CN¥68" in english
    with translation.override("zh-hans"):
        assert format_money(payment.amount, payment.currency) == "¥68"
        assert payment.display == "¥68"
    account = client.get(reverse("members:account")).content.decode()
    assert "CN¥68" in account and "paid until" in account


def test_a_reminder_before_the_period_ends_once(client, member, cny_monthly):
    checkout = open_prepaid(client, member, cny_monthly)
    client.post(reverse("billing:test_checkout", args=[checkout.pk]), {"method": "alipay", "outcome": "pay"})
    period = PrepaidMembership.objects.get(checkout=checkout)
    mail.outbox.clear()
    assert send_prepaid_reminders(now=period.ends_at - timedelta(days=30)) == 0
    soon = period.ends_at - timedelta(days=2)
    with transaction.atomic():
        assert send_prepaid_reminders(now=soon) == 1
    assert send_prepaid_reminders(now=soon) == 0
    period.refresh_from_db()
    assert period.reminder_sent_at == soon
