"""Memberships through the test-mode provider: the whole lifecycle, its emails, grants and audits.

Time is a parameter of every service, so these tests move the clock by passing `now`.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from masthead.access.models import Grant
from masthead.billing.errors import BillingError, ProviderUnavailable
from masthead.billing.models import CheckoutSession, Payment, Subscription
from masthead.billing.providers.testmode import TestModeProvider, pay_checkout, run_due, set_card
from masthead.billing.services import (
    checkout_start,
    expire_overdue,
    send_trial_reminders,
    subscription_cancel,
    subscription_change_price,
    subscription_resume,
    subscription_switch_interval,
)
from masthead.core.models import AuditEntry

from .conftest import DECLINED_CARD, GOOD_CARD, LATER_DECLINED_CARD, is_paying

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def subjects():
    """What was sent: the tests run the on-commit callbacks (emails) of the steps they check."""
    return [m.subject for m in mail.outbox]


def test_a_free_trial_starts_with_access_and_a_welcome_email(
    member, monthly, subscribe, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscribe(member, monthly, now=now)
    assert sub.status == "trialing" and sub.trial_end == now + 14 * DAY
    assert is_paying(member, now + DAY)
    assert Grant.objects.get(user=member, source="trial").ends_at == sub.trial_end
    assert not Payment.objects.exists(), "a trial charges nothing"
    assert any("free trial" in s for s in subjects())
    assert AuditEntry.objects.filter(code="billing.subscription.trialing", member=member).exists()


def test_a_declined_card_grants_nothing_and_says_why(member, monthly):
    checkout, url = checkout_start(user=member, price=monthly)
    assert url == f"/membership/checkout/{checkout.pk}/"
    with pytest.raises(BillingError) as refused:
        pay_checkout(checkout=checkout, card_number=DECLINED_CARD)
    assert "declined" in refused.value.message
    assert not Subscription.objects.exists() and not Grant.objects.filter(user=member).exists()
    checkout.refresh_from_db()
    assert checkout.state == "open", "the reader may try another card"


def test_the_trial_reminder_goes_once_before_the_trial_ends(
    member, monthly, subscribe, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscribe(member, monthly, now=now)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_trial_reminders(now=now + 5 * DAY) == 0
        assert send_trial_reminders(now=now + 12 * DAY) == 1
        assert send_trial_reminders(now=now + 12 * DAY + timezone.timedelta(hours=1)) == 0
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Your free trial ends on" in mail.outbox[0].subject
    sub.refresh_from_db()
    assert sub.trial_reminder_sent_at


def test_at_trial_end_the_first_charge_happens_and_access_continues(
    member, monthly, subscribe, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscribe(member, monthly, now=now)
    mail.outbox.clear()
    at_end = sub.trial_end + timezone.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now=at_end)
        run_due(now=at_end)  # the worker may run twice: nothing happens twice
    sub.refresh_from_db()
    assert sub.status == "active" and sub.current_period_end.month != sub.trial_end.month
    payment = Payment.objects.get(subscription=sub)
    assert (payment.amount, payment.currency, payment.state) == (900, "USD", "paid")
    assert payment.receipt_number and isinstance(payment.amount, int)
    assert is_paying(member, at_end + 20 * DAY)
    assert [s for s in subjects() if s.startswith("Receipt")], subjects()


def test_a_failed_first_charge_ends_access_with_the_trial_until_the_card_is_fixed(
    member, monthly, subscribe, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscribe(member, monthly, card=LATER_DECLINED_CARD, now=now)
        at_end = sub.trial_end + timezone.timedelta(minutes=1)
        run_due(now=at_end)
    sub.refresh_from_db()
    assert sub.status == "past_due"
    assert not is_paying(member, at_end + timezone.timedelta(minutes=1))
    assert "Your payment did not go through" in subjects()
    set_card(subscription=sub, card_number=GOOD_CARD, now=at_end + DAY)
    sub.refresh_from_db()
    assert sub.status == "active" and is_paying(member, at_end + 2 * DAY)


def test_failed_renewals_are_retried_with_emails_then_expire_after_the_grace_period(
    member, monthly, subscribe, django_capture_on_commit_callbacks
):
    from masthead.billing.settings import billing_settings

    billing_settings().save()  # defaults: grace 7 days, retries after 1, 3, 5 days
    now = timezone.now()
    sub = subscribe(member, monthly, card=LATER_DECLINED_CARD, now=now)
    # Pretend the trial was paid: make it an active subscription whose period ends soon.
    Subscription.objects.filter(pk=sub.pk).update(
        status="active", trial_end=None, current_period_start=now, current_period_end=now + DAY
    )
    sub.refresh_from_db()
    from masthead.billing.access_sync import sync_subscription_access

    sync_subscription_access(sub, grace_days=7, now=now)
    failed_at = now + DAY + timezone.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now=failed_at)
        sub.refresh_from_db()
        assert sub.status == "past_due" and sub.next_payment_attempt
        assert is_paying(member, failed_at + 6 * DAY), "access is kept through the grace period"
        for day in (1, 3, 5):
            run_due(now=failed_at + day * DAY + timezone.timedelta(minutes=1))
    assert subjects().count("Your payment did not go through") == 4
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_overdue(now=failed_at + 6 * DAY) == 0
        assert expire_overdue(now=failed_at + 7 * DAY + timezone.timedelta(minutes=1)) == 1
    sub.refresh_from_db()
    assert sub.status == "expired"
    assert not is_paying(member, failed_at + 7 * DAY + timezone.timedelta(minutes=2))
    assert "Your membership has ended" in subjects()
    codes = list(AuditEntry.objects.filter(member=member).values_list("code", flat=True))
    assert "billing.subscription.past_due" in codes and "billing.subscription.expired" in codes


def test_cancel_keeps_access_until_the_period_ends_and_resume_undoes_it(
    member, monthly, subscribe, django_capture_on_commit_callbacks
):
    now = timezone.now()
    sub = subscribe(member, monthly, now=now)
    run_due(now=sub.trial_end + timezone.timedelta(minutes=1))
    sub.refresh_from_db()
    period_end = sub.current_period_end
    later = sub.trial_end + 5 * DAY
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscription_cancel(subscription=sub, actor=member, now=later)
    assert sub.status == "canceled" and sub.cancel_at_period_end
    assert is_paying(member, period_end - DAY)
    assert "Your membership is canceled" in subjects()
    sub = subscription_resume(subscription=sub, actor=member, now=later + DAY)
    assert sub.status == "active" and not sub.cancel_at_period_end
    sub = subscription_cancel(subscription=sub, actor=member, now=later + 2 * DAY)
    run_due(now=period_end + timezone.timedelta(minutes=1))
    sub.refresh_from_db()
    assert sub.status == "expired"
    assert not is_paying(member, period_end + timezone.timedelta(minutes=2))
    assert Payment.objects.filter(subscription=sub, state="paid").count() == 1, "no charge after canceling"
    with pytest.raises(BillingError):
        subscription_resume(subscription=sub, actor=member, now=period_end + DAY)


def test_one_trial_per_member(member, monthly, subscribe):
    now = timezone.now()
    sub = subscribe(member, monthly, now=now)
    subscription_cancel(subscription=sub, actor=member, now=now + DAY)
    run_due(now=sub.trial_end + DAY)
    checkout, _url = checkout_start(user=member, price=monthly, now=now + 20 * DAY)
    assert checkout.trial_days == 0
    pay_checkout(checkout=checkout, card_number=GOOD_CARD, now=now + 20 * DAY)
    second = Subscription.objects.get(user=member, status="active")
    assert second.trial_end is None and Payment.objects.filter(subscription=second, amount=900).exists()


def test_switching_monthly_to_yearly_is_prorated(member, monthly, yearly, subscribe):
    now = timezone.now()
    sub = subscribe(member, monthly, now=now)
    run_due(now=sub.trial_end + timezone.timedelta(minutes=1))
    sub.refresh_from_db()
    midway = sub.current_period_start + (sub.current_period_end - sub.current_period_start) / 2
    sub = subscription_switch_interval(subscription=sub, actor=member, now=midway)
    assert sub.price == yearly and sub.status == "active"
    proration = Payment.objects.filter(subscription=sub).order_by("-created_at").first()
    assert 9000 - 900 < proration.amount < 9000, "the unused half month is credited"
    assert (sub.current_period_end - sub.current_period_start).days >= 365


def test_changing_plan(member, monthly, subscribe, individual):
    from masthead.billing.models import Price

    team_monthly = Price.objects.get(plan__slug="team", interval="month", currency="USD")
    sub = subscribe(member, monthly)
    sub = subscription_change_price(subscription=sub, price=team_monthly, quantity=3, actor=member)
    assert sub.plan.slug == "team" and sub.quantity == 3
    with pytest.raises(BillingError) as refused:
        subscription_change_price(subscription=sub, price=team_monthly, quantity=3, actor=member)
    assert refused.value.code == "same_price"


def test_a_double_click_never_makes_two_memberships(member, monthly):
    first, _ = checkout_start(user=member, price=monthly)
    second, _ = checkout_start(user=member, price=monthly)
    pay_checkout(checkout=first, card_number=GOOD_CARD)
    pay_checkout(checkout=first, card_number=GOOD_CARD)  # the same form submitted twice
    with pytest.raises(BillingError) as refused:
        pay_checkout(checkout=second, card_number=GOOD_CARD)
    assert refused.value.code == "already_member"
    assert Subscription.objects.filter(user=member).count() == 1
    assert not Payment.objects.filter(user=member).exists()
    with pytest.raises(BillingError) as refused:
        checkout_start(user=member, price=monthly)
    assert refused.value.code == "already_member"


def test_a_provider_outage_during_checkout_leaves_nothing_half_made(member, monthly, monkeypatch):
    def outage(self, checkout, **kwargs):
        raise ProviderUnavailable("connection refused")

    monkeypatch.setattr(TestModeProvider, "start_checkout", outage)
    with pytest.raises(BillingError) as refused:
        checkout_start(user=member, price=monthly)
    assert "Nothing has been charged" in refused.value.message
    assert CheckoutSession.objects.get(user=member).state == "failed"
    assert not Subscription.objects.exists() and not Grant.objects.filter(user=member).exists()


def test_money_is_whole_minor_units_with_a_currency(member, individual, subscribe):
    from masthead.billing.models import Price
    from masthead.billing.money import format_money, percent_of

    cny = Price.objects.get(plan=individual, interval="month", currency="CNY")
    checkout, _ = checkout_start(user=member, price=cny)
    assert checkout.amount_due == 6800 and isinstance(checkout.amount_due, int)
    assert format_money(6800, "CNY") == "¥68" and format_money(999, "USD") == "$9.99"
    assert percent_of(999, 25) == 250  # 249.75 rounds half up, never a float
