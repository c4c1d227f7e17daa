"""Provider events → our records. The one path from Stripe webhooks and the test-mode provider
into subscriptions, payments and (through access_sync) grants.

Events arrive twice, out of order and in parallel (Stripe says so). Hence:
- each event is stored once under (provider, event id): a replay is a no-op;
- subscription snapshots carry the provider's version and an older one never overwrites a newer;
- payments are facts recorded once by their provider id;
- a provider's newer snapshot is taken even when it skips steps of our state machine (recorded
  as irregular), so a late event never loops on an invalid transition;
- a refund that arrives before its payment is parked and applied when the payment is recorded;
so any order of the same set of events ends in the same state (tests/billing/test_replay.py, and
over HTTP against a Stripe stand-in whose state has moved on: tests/billing/test_late_webhooks.py).

Normalised payloads (providers build them; nothing provider-specific passes this module). They
are stored as JSON, so the typed objects of providers/types.py travel as their `as_payload()`:
  subscription.updated   {"subscription": SNAPSHOT}
  checkout.completed     {"checkout_id", "subscription": SNAPSHOT | None, "payment": PAYMENT | None,
                          "method": str (optional: card, alipay, wechat_pay)}
  checkout.failed        {"checkout_id", "method": str} — a delayed payment (Alipay, WeChat Pay)
                          did not go through; nothing was bought
  invoice.paid           {"payment": PAYMENT}
  invoice.payment_failed {"payment": PAYMENT, "next_attempt_at": iso | None}
  charge.refunded        REFUND (its amount: the total refunded so far; a prepaid period
                          shrinks with it, settlement.prepaid_refunded)
SNAPSHOT = SubscriptionSnapshot, PAYMENT = ProviderPayment, REFUND = Refund.
"""

import logging
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from masthead.core.audit import audit

from . import lifecycle, notify, signals
from .access_sync import sync_subscription_access
from .groups import group_for_subscription
from .models import (
    CheckoutSession,
    Payment,
    PrepaidMembership,
    Price,
    ProviderEvent,
    Status,
    Subscription,
)
from .offers import offer_redeem
from .providers.types import ProviderPayment, SubscriptionSnapshot
from .revenue import record_revenue_change
from .settings import grace_days
from .settlement import gift_paid, payment_completed, prepaid_paid, prepaid_refunded

logger = logging.getLogger(__name__)


def _dt(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


class WaitForPayment(Exception):
    """The event concerns a payment not recorded yet (events arrive in any order): park it."""

    def __init__(self, payment_ref):
        super().__init__(f"waiting for payment {payment_ref}")
        self.payment_ref = payment_ref


def handle_event(*, provider, event_id, event_type, payload, now=None):
    """Apply one provider event exactly once. Returns "processed", "duplicate", "parked" or "failed".

    A failure is stored on the event (for the admin) and reported so the webhook answers 500 and
    the provider retries; the retry finds the stored event unprocessed and tries again. A parked
    event (a refund before its payment) is stored, acknowledged, and applied when what it waits
    for is recorded — the provider need not retry it, and nothing is dropped.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = ProviderEvent.objects.select_for_update().filter(provider=provider, event_id=event_id).first()
        if event is not None and event.processed_at is not None:
            return "duplicate"
        if event is not None and event.payload != payload:
            # A retry may carry a fresher payload; keep what was last tried, for the admin.
            event.payload = payload
            event.save(update_fields=["payload"])
        if event is None:
            try:
                with transaction.atomic():
                    event = ProviderEvent.objects.create(
                        provider=provider, event_id=event_id, type=event_type, payload=payload
                    )
            except IntegrityError:
                return "duplicate"  # a parallel delivery got here first and holds the row
        try:
            with transaction.atomic():
                HANDLERS[event_type](provider=provider, payload=payload, now=now)
        except WaitForPayment as waiting:
            event.waiting_for, event.error = waiting.payment_ref, str(waiting)
            event.save(update_fields=["waiting_for", "error"])
            # Logged once committed, so the log costs nothing inside the window in which a
            # payment recorded in parallel could miss this parked event.
            ref = waiting.payment_ref
            transaction.on_commit(
                lambda: logger.warning("Event %s %s waits for payment %s: parked", provider, event_id, ref)
            )
            return "parked"
        except Exception as error:  # noqa: BLE001 - recorded and retried, never lost
            logger.exception("Provider event %s %s failed", provider, event_id)
            event.error = f"{error.__class__.__name__}: {error}"[:2000]
            event.save(update_fields=["error"])
            return "failed"
        event.processed_at, event.error, event.waiting_for = now, "", ""
        event.save(update_fields=["processed_at", "error", "waiting_for"])
    return "processed"


def one_at_a_time_for_payment(provider, payment_ref):
    """Hold, until the transaction ends, a lock on one payment's events.

    A refund that finds no payment parks itself; recording the payment applies what is parked.
    Without a common lock the two can cross under READ COMMITTED: the refund looks before the
    payment commits, the payment looks for parked events before the refund's parking commits,
    and the refund waits forever (seen as tests/billing/test_late_webhooks.py's concurrent test
    failing now and then on PostgreSQL). With it, whichever comes second sees the first's
    commit. SQLite lets one writer in at a time, so it needs nothing here.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", [f"billing.payment:{provider}:{payment_ref}"]
            )


def _apply_parked(*, provider, payment_ref, now):
    """Apply the events parked until `payment_ref` was recorded (inside the caller's transaction).

    A parked event whose row is locked is being delivered again right now (handle_event locks an
    event's row, then its handler waits for the payment lock this transaction holds): it is
    skipped, and that delivery applies it once this payment commits. Waiting for its row instead
    closed a cycle of locks (row, then payment lock; payment lock, then row) that PostgreSQL broke
    with "deadlock detected" in the concurrent late-webhook test (docs/notes/stop-30.md).
    """
    parked = ProviderEvent.objects.select_for_update(skip_locked=True).filter(
        provider=provider, waiting_for=payment_ref, processed_at__isnull=True
    )
    for event in parked.order_by("received_at", "pk"):
        with transaction.atomic():
            HANDLERS[event.type](provider=provider, payload=event.payload, now=now)
        event.processed_at, event.error, event.waiting_for = now, "", ""
        event.save(update_fields=["processed_at", "error", "waiting_for"])


# --- Subscriptions ----------------------------------------------------------------------------


def _price_for(provider, price_ref):
    if price_ref in (None, ""):
        return None
    if provider == "stripe":
        return Price.objects.select_related("plan").filter(stripe_price_id=price_ref).first()
    return Price.objects.select_related("plan").filter(pk=int(price_ref)).first()


def _subscription_for(provider, snap: SubscriptionSnapshot):
    """Our subscription for a provider snapshot: existing, or created from its checkout."""
    sub = Subscription.objects.select_for_update().filter(provider=provider, provider_ref=snap.ref).first()
    if sub is not None:
        return sub, False
    checkout = (
        CheckoutSession.objects.select_for_update(of=("self",))
        .select_related("price__plan")
        .filter(pk=snap.checkout_id)
        .first()
        if snap.checkout_id
        else None
    )
    if checkout is None:
        raise LookupError(f"no checkout for subscription {snap.ref}")
    # A parallel delivery may have created it while we waited for the checkout's lock.
    sub = Subscription.objects.select_for_update().filter(provider=provider, provider_ref=snap.ref).first()
    if sub is not None:
        return sub, False
    price = _price_for(provider, snap.price_ref) or checkout.price
    if price is None:
        raise LookupError(f"no price for subscription {snap.ref}")
    sub = Subscription.objects.create(
        user=checkout.user,
        plan=price.plan,
        price=price,
        quantity=snap.quantity or checkout.quantity,
        status=Status.TRIALING if snap.state == "trialing" else Status.ACTIVE,
        provider=provider,
        provider_ref=snap.ref,
        provider_customer_ref=snap.customer_ref or "",
        started_at=_dt(snap.current_period_start) or checkout.created_at,
        offer=checkout.offer,
        test_card_behaviour=snap.card_behaviour or "",
    )
    _complete_checkout(checkout, sub)
    # Payments recorded before their subscription existed now find it.
    Payment.objects.filter(provider=provider, provider_subscription_ref=snap.ref, subscription=None).update(
        subscription=sub, user=sub.user
    )
    return sub, True


def _complete_checkout(checkout, sub):
    if checkout.state != CheckoutSession.State.COMPLETE:
        checkout.state = CheckoutSession.State.COMPLETE
        checkout.completed_at = timezone.now()
        checkout.save(update_fields=["state", "completed_at"])
        if checkout.offer_id:
            # The provider has charged by now: record the use whatever the limit (the test
            # mode claims it before charging; see offers.offer_redeem).
            offer_redeem(offer=checkout.offer, checkout=checkout, user=checkout.user, enforce_limit=False)
        if checkout.price.plan.is_group:
            group_for_subscription(sub, now=sub.started_at)


def apply_snapshot(*, provider, snap: SubscriptionSnapshot, now):
    sub, created = _subscription_for(provider, snap)
    version = snap.version
    if not created and version <= sub.provider_version:
        return sub  # an older picture of the subscription, arriving late
    before = None if created else sub.status
    target = lifecycle.status_from_provider(snap.state, cancel_at_period_end=snap.cancel_at_period_end)
    # The provider's newer picture is the truth even when it is no single step of our machine:
    # late events mean we may have missed the steps between (canceled → resumed → past due arrives
    # as canceled → past due). Refusing would answer 500 on every retry and leave the member in a
    # state the provider has left; instead the jump is taken and recorded as such.
    irregular = before is not None and not lifecycle.allowed(before, target)
    if irregular:
        logger.warning("Subscription %s: %s → %s from the provider, skipping steps", sub.pk, before, target)
    price = _price_for(provider, snap.price_ref)
    if price is not None:
        sub.price, sub.plan = price, price.plan
    sub.status = target
    sub.quantity = snap.quantity or sub.quantity
    sub.current_period_start = _dt(snap.current_period_start)
    sub.current_period_end = _dt(snap.current_period_end)
    sub.trial_end = _dt(snap.trial_end)
    sub.cancel_at_period_end = snap.cancel_at_period_end
    sub.canceled_at = _dt(snap.canceled_at)
    sub.ended_at = _dt(snap.ended_at) if target == Status.EXPIRED else None
    # When the provider says the payment first failed is the same whenever we hear of it; our own
    # clock is the fallback only (a late event would otherwise shorten or lengthen the grace).
    sub.past_due_since = (
        (_dt(snap.past_due_since) or sub.past_due_since or now) if target == Status.PAST_DUE else None
    )
    sub.next_payment_attempt = _dt(snap.next_payment_attempt)
    sub.payment_attempts = snap.payment_attempts
    if snap.card_behaviour is not None:
        sub.test_card_behaviour = snap.card_behaviour
    if snap.discount_periods_left is not None:
        sub.discount_periods_left = snap.discount_periods_left
    sub.provider_version = version
    sub.save()
    record_revenue_change(sub, now=now)
    if before != target:
        audit(
            f"billing.subscription.{target}",
            member=sub.user,
            target=sub,
            now=now,
            previous=before,
            provider=provider,
            plan=sub.plan.slug,
            **({"irregular": True} if irregular else {}),
        )
        notify.status_changed(sub, before=before, after=target)
        _announce_membership(sub, before=before, after=target)
    sync_subscription_access(sub, grace_days=grace_days(), now=now, reason=f"subscription {target}")
    return sub


def _announce_membership(sub, *, before, after):
    if before is None:
        change = "started"
    elif after == Status.CANCELED:
        change = "canceled"
    elif after == Status.EXPIRED:
        change = "ended"
    else:
        return
    transaction.on_commit(
        lambda: signals.membership_changed.send(sender=Subscription, subscription_id=sub.pk, change=change)
    )


def _on_subscription_updated(*, provider, payload, now):
    apply_snapshot(
        provider=provider, snap=SubscriptionSnapshot.from_payload(payload["subscription"]), now=now
    )


def _on_checkout_completed(*, provider, payload, now):
    checkout = CheckoutSession.objects.select_for_update().filter(pk=payload["checkout_id"]).first()
    if checkout is None:
        raise LookupError(f"unknown checkout {payload['checkout_id']}")
    if payload.get("subscription"):
        apply_snapshot(
            provider=provider, snap=SubscriptionSnapshot.from_payload(payload["subscription"]), now=now
        )
    payment = None
    if payload.get("payment"):
        payment, _created = record_payment(
            provider=provider,
            data=ProviderPayment.from_payload(payload["payment"]),
            now=now,
            checkout=checkout,
        )
    if checkout.kind == CheckoutSession.Kind.PAYMENT:
        if payment is None:
            raise LookupError(f"payment checkout {checkout.pk} completed without a payment")
        payment_completed(checkout=checkout, payment=payment, now=now)
    elif checkout.kind == CheckoutSession.Kind.PREPAID:
        if payment is None:
            raise LookupError(f"prepaid checkout {checkout.pk} completed without a payment")
        _note_method(checkout, payload.get("method"))
        prepaid_paid(checkout=checkout, payment=payment, now=now)
    elif checkout.kind == CheckoutSession.Kind.GIFT:
        gift_paid(
            checkout=checkout,
            provider=provider,
            payment_ref=(payload.get("payment") or {}).get("ref"),
            now=now,
        )
    elif checkout.state != CheckoutSession.State.COMPLETE and not payload.get("subscription"):
        raise LookupError(f"checkout {checkout.pk} completed without a subscription")


def _note_method(checkout, method):
    if method and checkout.payment_method != method:
        checkout.payment_method = str(method)[:20]
        checkout.save(update_fields=["payment_method"])


def _on_checkout_failed(*, provider, payload, now):
    """A delayed payment failed (the reader did not pay the QR code, or Alipay refused): the
    checkout ends as failed, with the reason the return page shows. Nothing was granted, so
    nothing is taken back; a late failure for a checkout already complete changes nothing."""
    checkout = CheckoutSession.objects.select_for_update().filter(pk=payload["checkout_id"]).first()
    if checkout is None:
        raise LookupError(f"unknown checkout {payload['checkout_id']}")
    if checkout.state == CheckoutSession.State.COMPLETE:
        logger.warning("Checkout %s: a failure arrived after it completed; ignored", checkout.pk)
        return
    method = str(payload.get("method") or checkout.payment_method or "")[:20]
    checkout.state = CheckoutSession.State.FAILED
    checkout.payment_method = method
    checkout.error = f"payment_method_failed:{method}"
    checkout.save(update_fields=["state", "payment_method", "error"])
    audit(
        "billing.checkout.payment_failed",
        member=checkout.user,
        target=checkout,
        now=now,
        provider=provider,
        method=method,
    )


# --- Payments ---------------------------------------------------------------------------------


def record_payment(
    *,
    provider,
    data: ProviderPayment,
    now,
    state=Payment.State.PAID,
    checkout=None,
    next_attempt_at=None,
    notify_member=True,
):
    """Record a provider invoice or charge once. Returns (payment, created)."""
    one_at_a_time_for_payment(provider, data.ref)
    sub = None
    if data.subscription_ref:
        sub = Subscription.objects.filter(provider=provider, provider_ref=data.subscription_ref).first()
    user = sub.user if sub else (checkout.user if checkout else None)
    email = (user.email if user else "") or (checkout.email if checkout else "")
    try:
        with transaction.atomic():
            payment = Payment.objects.create(
                subscription=sub,
                user=user,
                description=data.description or (str(sub.plan) if sub else "Payment"),
                amount=int(data.amount),
                currency=data.currency.upper(),
                state=state,
                provider=provider,
                provider_ref=data.ref,
                provider_subscription_ref=data.subscription_ref or "",
                period_start=_dt(data.period_start),
                period_end=_dt(data.period_end),
                created_at=_dt(data.at) or now,
                billing_email=email,
            )
    except IntegrityError:
        return Payment.objects.get(provider=provider, provider_ref=data.ref, state=state), False
    if state == Payment.State.PAID:
        payment.receipt_number = f"R{payment.created_at:%Y}-{payment.pk:06d}"
        payment.save(update_fields=["receipt_number"])
    audit(
        f"billing.payment.{state}",
        member=user,
        target=payment,
        now=now,
        amount=payment.amount,
        currency=payment.currency,
        provider=provider,
    )
    if notify_member:
        notify.payment_recorded(payment, next_attempt_at=_dt(next_attempt_at))
    if state == Payment.State.PAID:
        _apply_parked(provider=provider, payment_ref=payment.provider_ref, now=now)
    if state == Payment.State.FAILED:
        transaction.on_commit(lambda: signals.payment_failed.send(sender=Payment, payment_id=payment.pk))
    elif state == Payment.State.PAID and sub is not None:
        earlier = Payment.objects.filter(subscription=sub, state=Payment.State.PAID).exclude(pk=payment.pk)
        if earlier.exists():
            transaction.on_commit(
                lambda: signals.membership_changed.send(
                    sender=Subscription, subscription_id=sub.pk, change="renewed"
                )
            )
    return payment, True


def _on_invoice_paid(*, provider, payload, now):
    record_payment(provider=provider, data=ProviderPayment.from_payload(payload["payment"]), now=now)


def _on_invoice_failed(*, provider, payload, now):
    record_payment(
        provider=provider,
        data=ProviderPayment.from_payload(payload["payment"]),
        now=now,
        state=Payment.State.FAILED,
        next_attempt_at=payload.get("next_attempt_at"),
    )


def _on_charge_refunded(*, provider, payload, now):
    one_at_a_time_for_payment(provider, payload["payment_ref"])
    original = Payment.objects.filter(
        provider=provider, provider_ref=payload["payment_ref"], state="paid"
    ).first()
    if original is None:
        # Not recorded (yet): its payment event may still be on its way; kept (and logged by
        # handle_event), changing nothing.
        raise WaitForPayment(payload["payment_ref"])
    # Cumulative, as Stripe's charge.amount_refunded: a second partial refund carries the total.
    amount = min(int(payload.get("amount") or original.amount), original.amount)
    prepaid = PrepaidMembership.objects.filter(payment=original).exists()
    refund, created = record_payment(
        provider=provider,
        data=ProviderPayment(
            ref=payload["payment_ref"],
            subscription_ref=original.provider_subscription_ref,
            amount=amount,
            currency=original.currency,
            description=f"Refund: {original.description}",
        ),
        now=now,
        state=Payment.State.REFUNDED,
        # A prepaid period's member gets one email saying both the amount and what became of
        # their membership (settlement.prepaid_refunded), not the plain refund notice as well.
        notify_member=not prepaid,
    )
    if not created and amount > refund.amount:
        # A later, larger refund of the same payment: the one refund row carries the total.
        Payment.objects.filter(pk=refund.pk).update(amount=amount)
    if prepaid:
        prepaid_refunded(payment=original, refunded=amount, now=now)


HANDLERS = {
    "subscription.updated": _on_subscription_updated,
    "checkout.completed": _on_checkout_completed,
    "checkout.failed": _on_checkout_failed,
    "invoice.paid": _on_invoice_paid,
    "invoice.payment_failed": _on_invoice_failed,
    "charge.refunded": _on_charge_refunded,
}
