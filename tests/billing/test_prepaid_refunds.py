"""A refund ends (or shortens) the prepaid period it paid for (billing.prepaid.prepaid_refunded).

The offline test mode here: its refund and the billing admin's refund action run the same
charge.refunded handler Stripe's webhooks reach (test_prepaid_stripe.py covers those). The rule:
the period keeps the share of its length that stays paid, never ending before the refund; the
periods stacked after it move earlier by what it lost; the member is told in their language.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from masthead.access.models import Grant
from masthead.billing.events import handle_event
from masthead.billing.gifts import gift_checkout_start, gift_claim
from masthead.billing.models import GiftMembership, Payment, PrepaidMembership
from masthead.billing.periods import next_period_start
from masthead.billing.prepaid import prepaid_checkout_start, prepaid_until
from masthead.billing.providers.testmode import pay_checkout, pay_with_method
from masthead.billing.services import refund_payment
from masthead.core import entitlement
from masthead.members.models import Profile

from .conftest import is_paying

pytestmark = pytest.mark.django_db


def buy(member, price, now, method="wechat_pay"):
    checkout, _url = prepaid_checkout_start(user=member, price=price, method=method, now=now)
    pay_with_method(checkout=checkout, method=method, succeed=True, now=now)
    return PrepaidMembership.objects.select_related("payment").get(checkout=checkout)


def grant_of(period):
    return Grant.objects.get(source="prepaid", source_ref=f"prepaid:{period.pk}")


def refund_event(payment, amount, *, event_id=None, now):
    return handle_event(
        provider=payment.provider,
        event_id=event_id or f"evt_refund_{payment.pk}_{amount}",
        event_type="charge.refunded",
        payload={"payment_ref": payment.provider_ref, "amount": amount},
        now=now,
    )


def test_the_staff_refund_action_ends_the_running_period_at_once(
    client, member, cny_monthly, staff_user, django_capture_on_commit_callbacks
):
    Profile.objects.update_or_create(user=member, defaults={"language": "zh-hans"})
    period = buy(member, cny_monthly, timezone.now())
    assert is_paying(member, timezone.now())
    version = entitlement.current_version(member.pk)
    mail.outbox.clear()

    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("payments:refund", args=[period.payment.pk]))
    assert response.status_code == 302
    now = timezone.now()
    period.refresh_from_db()
    assert period.refunded_amount == 6800 and period.refunded_at is not None
    assert period.starts_at < period.ends_at <= now
    assert grant_of(period).ends_at == period.ends_at
    assert not is_paying(member, now) and prepaid_until(member, now) is None
    # The page cache's entitlements of the member went stale with the grant.
    assert entitlement.current_version(member.pk) != version
    refund = Payment.objects.get(provider_ref=period.payment.provider_ref, state="refunded")
    assert (refund.amount, refund.currency) == (6800, "CNY")

    # One email, in the member's language, the amount formatted by Babel for it.
    (message,) = mail.outbox
    assert message.to == [member.email] and message.subject == "您的预付会员费用已退款"
    assert "¥68" in message.body and "CN¥" not in message.body
    assert "您的会员资格已随本次退款结束。" in message.body

    # The same refund again (a replay, or Stripe's own event for it) changes nothing.
    before = (period.ends_at, grant_of(period).ends_at)
    with django_capture_on_commit_callbacks(execute=True):
        assert refund_event(period.payment, 6800, now=now + timedelta(hours=1)) == "processed"
        assert refund_event(period.payment, 6800, now=now + timedelta(hours=1)) == "duplicate"
    period.refresh_from_db()
    assert (period.ends_at, grant_of(period).ends_at) == before and len(mail.outbox) == 1
    assert Payment.objects.filter(state="refunded").count() == 1


def test_stacked_periods_move_earlier_and_leave_no_gap(member, cny_monthly, cny_yearly, staff_user):
    t0 = timezone.now().replace(microsecond=0)
    first = buy(member, cny_monthly, t0)
    second = buy(member, cny_monthly, t0 + timedelta(days=1), method="alipay")
    third = buy(member, cny_yearly, t0 + timedelta(days=2))
    assert second.starts_at == first.ends_at and third.starts_at == second.ends_at
    third_length = third.ends_at - third.starts_at

    # The second month, not started yet, is refunded in full: it is gone, the year follows the first.
    at = t0 + timedelta(days=10)
    refund_payment(payment=second.payment, actor=staff_user, now=at)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.ends_at == second.starts_at and second.refunded_amount == 6800
    assert third.starts_at == first.ends_at and third.ends_at - third.starts_at == third_length
    assert (grant_of(third).starts_at, grant_of(third).ends_at) == (third.starts_at, third.ends_at)
    # The refunded month's grant is void: kept for the record, a microsecond long.
    void = grant_of(second)
    assert void.ends_at - void.starts_at == timedelta(microseconds=1)
    for day in (11, 20, 29):
        assert is_paying(member, t0 + timedelta(days=day))
    assert is_paying(member, first.ends_at + timedelta(hours=1))  # no gap where the month was
    assert prepaid_until(member, at) == third.ends_at == next_period_start(member, at)


def test_a_partial_refund_shortens_the_period_pro_rata(member, cny_monthly, cny_yearly):
    t0 = timezone.now().replace(microsecond=0)
    year = buy(member, cny_yearly, t0)
    month = buy(member, cny_monthly, t0)
    full = year.ends_at - year.starts_at
    month_length = month.ends_at - month.starts_at

    # A quarter of the year's price back, a month in: three quarters of the year stay paid.
    at = t0 + timedelta(days=30)
    assert refund_event(year.payment, 17000, now=at) == "processed"
    year.refresh_from_db()
    month.refresh_from_db()
    assert year.ends_at == year.starts_at + full * 3 / 4 and year.refunded_amount == 17000
    assert grant_of(year).ends_at == year.ends_at
    assert month.starts_at == year.ends_at and month.ends_at - month.starts_at == month_length
    assert grant_of(month).starts_at == month.starts_at
    # The refund row carries the total refunded; the same total again (another event id) is no news.
    assert Payment.objects.get(state="refunded", provider_ref=year.payment.provider_ref).amount == 17000
    assert refund_event(year.payment, 17000, event_id="evt_again", now=at) == "processed"
    year.refresh_from_db()
    assert year.ends_at == year.starts_at + full * 3 / 4

    # Later the whole of it: the year ends at that moment (the days read stay read).
    later = t0 + timedelta(days=40)
    assert refund_event(year.payment, 68000, now=later) == "processed"
    year.refresh_from_db()
    month.refresh_from_db()
    assert year.ends_at == later and year.refunded_amount == 68000
    assert month.starts_at == later and grant_of(month).starts_at == later
    assert Payment.objects.get(state="refunded", provider_ref=year.payment.provider_ref).amount == 68000
    assert is_paying(member, later + timedelta(days=1))
    assert not is_paying(member, later + month_length + timedelta(seconds=1))


def test_a_refund_of_a_period_already_over_changes_no_access(member, cny_monthly):
    t0 = timezone.now().replace(microsecond=0) - timedelta(days=50)
    old = buy(member, cny_monthly, t0)
    current = buy(member, cny_monthly, t0 + timedelta(days=40))
    before = (old.ends_at, current.starts_at, current.ends_at)
    assert refund_event(old.payment, 6800, now=timezone.now()) == "processed"
    old.refresh_from_db()
    current.refresh_from_db()
    assert (old.ends_at, current.starts_at, current.ends_at) == before
    assert old.refunded_amount == 6800 and is_paying(member, timezone.now())


def test_gifts_and_prepaid_periods_stack_on_each_other_and_close_the_gap(
    make_member, member, cny_monthly, individual, staff_user
):
    """One rule for both (periods.next_period_start): a gift claimed during a prepaid month starts
    after it, and moves earlier when that month is refunded."""
    t0 = timezone.now().replace(microsecond=0)
    month = buy(member, cny_monthly, t0)
    buyer = make_member("giver@example.com")
    checkout, _url = gift_checkout_start(
        purchaser=buyer, plan=individual, months=3, currency="USD", recipient_email=member.email, now=t0
    )
    pay_checkout(checkout=checkout, card_number="4242 4242 4242 4242", now=t0)
    gift = GiftMembership.objects.get(checkout=checkout)
    gift = gift_claim(token=gift.token, user=member, now=t0 + timedelta(days=1))
    gift_grant = Grant.objects.get(source="gift_membership", source_ref=f"gift:{gift.pk}")
    assert gift_grant.starts_at == month.ends_at
    gift_length = gift.ends_at - gift_grant.starts_at

    at = t0 + timedelta(days=5)
    refund_payment(payment=month.payment, actor=staff_user, now=at)
    gift.refresh_from_db()
    gift_grant.refresh_from_db()
    assert gift_grant.starts_at == at and gift.ends_at == at + gift_length == gift_grant.ends_at
    assert is_paying(member, at + timedelta(days=1))

    # And the other way round: a prepaid month bought while the gift runs starts when it ends.
    more = buy(member, cny_monthly, at + timedelta(days=2))
    assert more.starts_at == gift.ends_at


def test_a_refund_of_another_payment_touches_no_prepaid_period(member, cny_monthly, monthly, subscribe):
    t0 = timezone.now()
    period = buy(member, cny_monthly, t0)
    other = Payment.objects.create(
        user=member,
        description="Something else",
        amount=900,
        currency="USD",
        state="paid",
        provider="testmode",
        provider_ref="other_1",
        created_at=t0,
    )
    assert refund_event(other, 900, now=t0) == "processed"
    period.refresh_from_db()
    assert period.refunded_amount == 0 and is_paying(member, t0 + timedelta(days=1))


def test_a_partial_refund_email_in_english_says_until_when(
    member, cny_monthly, django_capture_on_commit_callbacks
):
    # Half of 10 January → 10 February (31 days) refunded: paid until 25 January, 16:00 UTC, which
    # is 26 January in the site's time zone (Asia/Shanghai). The email gives the reader's calendar
    # day, not UTC's (with t0 = now this test failed whenever the two days differed).
    t0 = datetime(2026, 1, 10, 4, 0, tzinfo=UTC)
    period = buy(member, cny_monthly, t0)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert refund_event(period.payment, 3400, now=t0 + timedelta(days=1)) == "processed"
    period.refresh_from_db()
    (message,) = mail.outbox
    assert message.subject == "Your prepaid membership was refunded"
    assert "We have refunded CN¥34 of your prepaid Individual membership." in message.body
    assert period.ends_at == datetime(2026, 1, 25, 16, 0, tzinfo=UTC)
    assert "Your membership is now paid until 26 January 2026." in message.body
