"""The offline test-mode provider: the embedded default, the demo and the browser tests.

It plays the part of a payment provider without one: a checkout page of our own (clearly marked
TEST MODE) that accepts documented test card numbers, and a simulator the task worker runs to
renew, retry and end subscriptions. Everything it does arrives as normalised provider events
through billing.events.handle_event — exactly the path Stripe's webhooks take — so the demo
exercises the real lifecycle, emails and grants.

Test cards (like Stripe's):
    4242 4242 4242 4242   succeeds, and so do renewals
    4000 0000 0000 0341   succeeds now, declines on renewal (to see past-due and grace)
    4000 0000 0000 0002   declined
    4000 0000 0000 9995   declined: insufficient funds
Any expiry date in the future and any CVC are accepted.
"""

import uuid
from datetime import timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ..errors import BillingError
from ..events import apply_snapshot, handle_event
from ..membership import live_subscription
from ..methods import method_label, methods_for
from ..models import CheckoutSession, ProviderEvent, Subscription
from ..money import discounted
from ..offers import offer_redeem
from ..settings import billing_settings
from . import PaymentProvider
from .types import ProviderPayment, Refund, SubscriptionSnapshot

CARDS = {
    "4242424242424242": ("ok", "ok"),
    "4000000000000341": ("ok", "decline"),
    "4000000000000002": ("card_declined", None),
    "4000000000009995": ("card_insufficient_funds", None),
}
DOCUMENTED_CARDS = [
    ("4242 4242 4242 4242", "Succeeds; renewals succeed"),
    ("4000 0000 0000 0341", "Succeeds now; renewals are declined"),
    ("4000 0000 0000 0002", "Declined"),
    ("4000 0000 0000 9995", "Declined: insufficient funds"),
]


def luhn_valid(number):
    digits = [int(d) for d in number]
    checksum = 0
    for i, digit in enumerate(reversed(digits)):
        if i % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        checksum += digit
    return len(digits) >= 12 and checksum % 10 == 0


def card_outcome(card_number):
    """("ok", renewal behaviour) or (refusal code, None) for a typed card number."""
    number = "".join(ch for ch in card_number if ch.isdigit())
    if not luhn_valid(number):
        return "card_invalid", None
    return CARDS.get(number, ("ok", "ok"))


def add_interval(when, interval, count=1):
    return when + (relativedelta(years=count) if interval == "year" else relativedelta(months=count))


def _version(sub=None, now=None):
    micros = int((now or timezone.now()).timestamp() * 1_000_000)
    return max(micros, (sub.provider_version + 1) if sub else 0)


def _iso(value):
    return value.isoformat() if value else None


def snapshot_of(sub, *, now, **changes):
    """The simulator's picture of `sub` with `changes` applied."""
    state = {
        "ref": sub.provider_ref,
        "customer_ref": sub.provider_customer_ref,
        "checkout_id": None,
        "price_ref": str(sub.price_id),
        "quantity": sub.quantity,
        "state": {
            "trialing": "trialing",
            "active": "active",
            "canceled": "trialing"
            if sub.trial_end and sub.trial_end > now and not sub.current_period_end
            else "active",
            "past_due": "past_due",
            "paused": "paused",
            "expired": "ended",
        }.get(sub.status, "active"),
        "cancel_at_period_end": sub.cancel_at_period_end,
        "current_period_start": _iso(sub.current_period_start),
        "current_period_end": _iso(sub.current_period_end),
        "trial_end": _iso(sub.trial_end),
        "canceled_at": _iso(sub.canceled_at),
        "ended_at": _iso(sub.ended_at),
        "past_due_since": _iso(sub.past_due_since),
        "next_payment_attempt": _iso(sub.next_payment_attempt),
        "payment_attempts": sub.payment_attempts,
        "discount_periods_left": sub.discount_periods_left,
        "version": _version(sub, now),
    }
    for key, value in changes.items():
        state[key] = _iso(value) if hasattr(value, "isoformat") else value
    return SubscriptionSnapshot(**state)


def _charge_amount(sub):
    """What a renewal charges: the price times seats, discounted while the offer lasts."""
    amount = sub.price.amount * sub.quantity
    if sub.offer_id and sub.discount_periods_left != 0:
        amount = discounted(amount, sub.offer, sub.price.currency)
    return amount


def _periods_left_after_charge(sub):
    if not sub.offer_id or sub.discount_periods_left is None:
        return sub.discount_periods_left
    return max(0, sub.discount_periods_left - 1)


def _send(event_id, event_type, payload, now):
    return handle_event(provider="test", event_id=event_id, event_type=event_type, payload=payload, now=now)


class TestModeProvider(PaymentProvider):
    name = "test"
    label = "Test mode"

    def start_checkout(self, checkout, *, success_url, cancel_url, now):
        return reverse("billing:test_checkout", args=[checkout.pk])

    def set_cancel_at_period_end(self, subscription, cancel, *, now):
        return snapshot_of(
            subscription, now=now, cancel_at_period_end=cancel, canceled_at=now if cancel else None
        )

    def change_price(self, subscription, price, quantity, *, now):
        """Switch at once; charge the new period less the unused part of the old (never below 0)."""
        sub = subscription
        if sub.status == "trialing":
            return snapshot_of(sub, now=now, price_ref=str(price.pk), quantity=quantity)
        start, end = sub.current_period_start or now, sub.current_period_end or now
        length = max((end - start).total_seconds(), 1)
        unused = max(0.0, (end - now).total_seconds()) / length
        credit = round(sub.price.amount * sub.quantity * unused)
        due = max(0, price.amount * quantity - credit)
        new_end = add_interval(now, price.interval)
        if due:
            _send(
                f"test_proration_{sub.provider_ref}_{uuid.uuid4().hex}",
                "invoice.paid",
                {
                    "payment": ProviderPayment(
                        ref=f"tin_{uuid.uuid4().hex[:16]}",
                        subscription_ref=sub.provider_ref,
                        amount=due,
                        currency=price.currency,
                        description=f"{price.plan.name} ({price.get_interval_display()}), prorated",
                        period_start=now.isoformat(),
                        period_end=new_end.isoformat(),
                        at=now.isoformat(),
                    ).as_payload()
                },
                now,
            )
        return snapshot_of(
            sub,
            now=now,
            price_ref=str(price.pk),
            quantity=quantity,
            current_period_start=now,
            current_period_end=new_end,
        )

    def card_update_url(self, subscription, *, return_url, now):
        return reverse("billing:test_card", args=[subscription.pk])

    def end_now(self, subscription, *, now):
        return snapshot_of(subscription, now=now, state="ended", ended_at=now, cancel_at_period_end=False)

    def set_paused(self, subscription, paused, *, now):
        return snapshot_of(subscription, now=now, state="paused" if paused else "active")

    def refund(self, payment, *, now):
        return Refund(payment_ref=payment.provider_ref, amount=payment.amount)


class NoProvider(TestModeProvider):
    """Subscriptions staff give (complimentary): nothing to charge; changes apply locally."""

    name = "none"


# --- The checkout page's payment ----------------------------------------------------------------


def _checkout_payment(checkout, *, now):
    """The one payment of a one-off checkout (a purchase, a prepaid period, a gift), as the
    provider reports it; the same whichever method paid it."""
    if checkout.kind == CheckoutSession.Kind.GIFT:
        description = f"Gift: {checkout.gift_months} months of {checkout.price.plan.name}"
    else:
        description = checkout.description
    return ProviderPayment(
        ref=f"tch_{checkout.pk.hex[:20]}",
        amount=checkout.amount_due,
        currency=checkout.charge_currency,
        description=description,
        at=now.isoformat(),
    )


def _send_checkout_completed(checkout, payload, now):
    """The checkout's one completion event; a handler that failed is a bug, not a refusal."""
    event_id = f"test_checkout_{checkout.pk}"
    if _send(event_id, "checkout.completed", payload, now) == "failed":
        event = ProviderEvent.objects.get(provider="test", event_id=event_id)
        raise RuntimeError(f"test checkout could not complete: {event.error}")


def pay_checkout(*, checkout, card_number, now=None):
    """Pay a test-mode checkout with a test card. Raises BillingError for a declined card
    (nothing is created); a second submission of the same checkout changes nothing."""
    now = now or timezone.now()
    outcome, renewals = card_outcome(card_number)
    if outcome != "ok":
        raise BillingError(outcome)
    checkout = CheckoutSession.objects.select_related("price__plan").get(pk=checkout.pk)
    if checkout.state != CheckoutSession.State.OPEN:
        if checkout.state == CheckoutSession.State.COMPLETE:
            return checkout
        raise BillingError("checkout_closed")

    if checkout.kind == CheckoutSession.Kind.SUBSCRIPTION and live_subscription(checkout.user):
        # A second checkout opened by a double click: refuse before charging anything.
        CheckoutSession.objects.filter(pk=checkout.pk).update(
            state=CheckoutSession.State.FAILED, error="already a member"
        )
        raise BillingError("already_member")
    price = checkout.price
    payload: dict[str, Any] = {"checkout_id": str(checkout.pk), "subscription": None, "payment": None}
    if checkout.kind != CheckoutSession.Kind.SUBSCRIPTION:
        # A purchase, a prepaid membership period or a gift: one payment, by card here.
        payload["method"] = "card"
        payload["payment"] = _checkout_payment(checkout, now=now).as_payload()
    else:
        ref = f"tsub_{checkout.pk.hex[:20]}"
        trial_end = now + timedelta(days=checkout.trial_days) if checkout.trial_days else None
        period_end = trial_end or add_interval(now, price.interval)
        offer = checkout.offer
        periods_left = None
        if offer is not None and offer.kind != "trial":
            periods_left = {"once": 1, "repeating": offer.duration_months or 1}.get(offer.duration)
        payload["subscription"] = SubscriptionSnapshot(
            ref=ref,
            customer_ref=f"tcus_{checkout.user_id}",
            checkout_id=str(checkout.pk),
            price_ref=str(price.pk),
            quantity=checkout.quantity,
            state="trialing" if trial_end else "active",
            current_period_start=now.isoformat(),
            current_period_end=None if trial_end else period_end.isoformat(),
            trial_end=trial_end.isoformat() if trial_end else None,
            card_behaviour=renewals,
            discount_periods_left=(
                max(0, periods_left - 1) if periods_left and not trial_end else periods_left
            ),
            version=_version(now=now),
        ).as_payload()
        if not trial_end:
            payload["payment"] = ProviderPayment(
                ref=f"tin_{checkout.pk.hex[:20]}",
                subscription_ref=ref,
                amount=checkout.amount_due,
                currency=price.currency,
                description=f"{price.plan.name} ({price.get_interval_display()})",
                period_start=now.isoformat(),
                period_end=period_end.isoformat(),
                at=now.isoformat(),
            ).as_payload()

    try:
        with transaction.atomic():
            if checkout.offer_id:
                # The offer's use limit holds here, under its lock, before anything is charged:
                # parallel checkouts that all started with one use left complete one at a time.
                offer_redeem(offer=checkout.offer, checkout=checkout, user=checkout.user, now=now)
            _send_checkout_completed(checkout, payload, now)
    except BillingError as refusal:
        CheckoutSession.objects.filter(pk=checkout.pk, state=CheckoutSession.State.OPEN).update(
            state=CheckoutSession.State.FAILED, error=refusal.code
        )
        raise
    checkout.refresh_from_db()
    return checkout


def pay_with_method(*, checkout, method, succeed, now=None):
    """The test-mode QR-code step for Alipay or WeChat Pay: the reader "scans" and pays
    (`succeed`), or the payment fails. Like Stripe's delayed methods, success arrives as
    checkout.completed and failure as checkout.failed — the same events and handlers — and a
    failure raises BillingError("payment_method_failed") saying why; nothing is granted."""
    now = now or timezone.now()
    checkout = CheckoutSession.objects.select_related("price__plan").get(pk=checkout.pk)
    currency = checkout.charge_currency
    if (
        checkout.kind == CheckoutSession.Kind.SUBSCRIPTION
        or method == "card"
        or method not in methods_for(currency)
    ):
        raise BillingError("method_unavailable", currency=currency)
    if checkout.state != CheckoutSession.State.OPEN:
        if checkout.state == CheckoutSession.State.COMPLETE:
            return checkout
        raise BillingError("checkout_closed")
    if not succeed:
        _send(
            f"test_checkout_failed_{checkout.pk}",
            "checkout.failed",
            {"checkout_id": str(checkout.pk), "method": method},
            now,
        )
        raise BillingError("payment_method_failed", method=method_label(method))
    payload = {
        "checkout_id": str(checkout.pk),
        "subscription": None,
        "method": method,
        "payment": _checkout_payment(checkout, now=now).as_payload(),
    }
    _send_checkout_completed(checkout, payload, now)
    checkout.refresh_from_db()
    return checkout


def set_card(*, subscription, card_number, now=None):
    """The test-mode card-update page: a new card decides how renewals behave; an overdue
    subscription is retried at once with it."""
    outcome, renewals = card_outcome(card_number)
    if outcome != "ok":
        raise BillingError(outcome)
    now = now or timezone.now()

    apply_snapshot(provider="test", snap=snapshot_of(subscription, now=now, card_behaviour=renewals), now=now)
    subscription.refresh_from_db()
    if subscription.status == "past_due":
        charge_due(subscription, now=now, force=True)


# --- The simulator the worker runs --------------------------------------------------------------


def charge_due(sub, *, now, force=False):
    """Renew, convert a trial or retry a failed payment for one test-mode subscription, if due."""
    if sub.status == "canceled":
        end = sub.current_period_end or sub.trial_end
        if end and end <= now:
            _send(
                f"test_end_{sub.provider_ref}_{end.isoformat()}",
                "subscription.updated",
                {"subscription": snapshot_of(sub, now=now, state="ended", ended_at=end).as_payload()},
                now,
            )
        return
    if sub.status == "trialing":
        due_at = sub.trial_end
        period_start = sub.trial_end
    elif sub.status == "active":
        due_at = sub.current_period_end
        period_start = sub.current_period_end
    elif sub.status == "past_due":
        due_at = now if force else sub.next_payment_attempt
        period_start = sub.current_period_end or sub.trial_end
        if due_at is None:
            return
    else:
        return
    if due_at is None or due_at > now:
        return
    amount = _charge_amount(sub)
    period_end = add_interval(period_start, sub.price.interval)
    attempt = sub.payment_attempts + 1
    key = f"{sub.provider_ref}_{period_start.isoformat()}_{attempt}"
    description = f"{sub.plan.name} ({sub.price.get_interval_display()})"

    def this_invoice(**period):
        """The payment of this period's invoice, as the provider reports it (paid or failed)."""
        return ProviderPayment(
            ref=f"tin_{key}",
            subscription_ref=sub.provider_ref,
            amount=amount,
            currency=sub.price.currency,
            description=description,
            at=now.isoformat(),
            **period,
        ).as_payload()

    if sub.test_card_behaviour == "decline":
        schedule = billing_settings().retry_schedule
        since = sub.past_due_since or now
        next_attempt = since + timedelta(days=schedule[attempt - 1]) if attempt <= len(schedule) else None
        _send(
            f"test_fail_{key}",
            "invoice.payment_failed",
            {
                "payment": this_invoice(),
                "next_attempt_at": next_attempt.isoformat() if next_attempt else None,
            },
            now,
        )
        _send(
            f"test_pastdue_{key}",
            "subscription.updated",
            {
                "subscription": snapshot_of(
                    sub,
                    now=now,
                    state="past_due",
                    past_due_since=since,
                    next_payment_attempt=next_attempt,
                    payment_attempts=attempt,
                ).as_payload()
            },
            now,
        )
        return
    _send(
        f"test_paid_{key}",
        "invoice.paid",
        {"payment": this_invoice(period_start=period_start.isoformat(), period_end=period_end.isoformat())},
        now,
    )
    _send(
        f"test_renewed_{key}",
        "subscription.updated",
        {
            "subscription": snapshot_of(
                sub,
                now=now,
                state="active",
                current_period_start=period_start,
                current_period_end=period_end,
                past_due_since=None,
                next_payment_attempt=None,
                payment_attempts=0,
                discount_periods_left=_periods_left_after_charge(sub),
            ).as_payload()
        },
        now,
    )


def run_due(*, now=None):
    """Everything the simulator owes at `now`. Safe to run twice: event ids are deterministic."""
    now = now or timezone.now()
    count = 0
    due = Subscription.objects.filter(
        provider="test", status__in=["trialing", "active", "past_due", "canceled"]
    )
    for sub in due.select_related("price__plan", "plan", "offer").iterator():
        with transaction.atomic():
            charge_due(sub, now=now)
        count += 1
    return count
