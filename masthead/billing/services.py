"""Membership operations: what readers and staff do to subscriptions.

Each asks the provider (through the provider interface), then applies the snapshot it returns
through billing.events.apply_snapshot — the same code the provider's webhooks reach — so the
page shows the change at once and the webhook that follows changes nothing.
"""

import uuid
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from masthead.access.models import Grant
from masthead.core.audit import audit

from . import notify, signals
from .access_sync import sync_subscription_access

# Starting a checkout (checkouts.py) and finding the live subscription (membership.py) are below
# this module, so gifts, payments, prepaid and the test provider use them without importing
# services. Views and privacy still read `services.live_subscription`.
from .checkouts import _send_to_provider
from .errors import BillingError, ProviderUnavailable
from .events import apply_snapshot, handle_event
from .lifecycle import InvalidTransition, allowed
from .membership import live_subscription
from .models import CheckoutSession, Interval, Plan, Price, Status, Subscription
from .money import discounted
from .offers import offer_check
from .providers import provider_name
from .providers.factory import get_provider
from .settings import billing_settings, grace_days

CHECKOUT_LIFETIME = timedelta(hours=24)


def had_trial(user):
    """One free trial per member: a trial subscription or a trial grant at any time counts."""
    return (
        Subscription.objects.filter(user=user, trial_end__isnull=False).exists()
        or Grant.objects.filter(user=user, source="trial").exists()
    )


def trial_days_for(*, user, plan, offer=None):
    if user is not None and user.is_authenticated and had_trial(user):
        return 0
    days = plan.trial_days
    if offer is not None and offer.kind == "trial" and offer.trial_days:
        days = max(days, offer.trial_days)
    return days


# --- Checkout ---------------------------------------------------------------------------------


def checkout_start(*, user, price, quantity=1, offer=None, next_url="", base_url="", now=None):
    """Open a checkout for `user` on `price`. Returns (checkout, url to send the reader to).

    Nothing is granted here: membership starts when the provider confirms payment (events.py).
    A provider outage leaves a failed checkout and nothing else.
    """
    now = now or timezone.now()
    price = Price.objects.select_related("plan").get(pk=price.pk)
    if not (price.active and price.plan.active):
        raise BillingError("price_unavailable")
    plan = price.plan
    if plan.is_group:
        if not plan.min_seats <= quantity <= plan.max_seats:
            raise BillingError("seats_out_of_range", min=plan.min_seats, max=plan.max_seats)
    else:
        quantity = 1
    if live_subscription(user):
        raise BillingError("already_member")
    if offer is not None:
        offer_check(offer=offer, plan=plan, currency=price.currency, now=now)
    trial_days = trial_days_for(user=user, plan=plan, offer=offer)
    checkout = CheckoutSession.objects.create(
        user=user,
        email=user.email,
        price=price,
        quantity=quantity,
        offer=offer,
        trial_days=trial_days,
        amount_due=discounted(price.amount * quantity, offer, price.currency),
        provider=provider_name(),
        next_url=next_url[:500],
        created_at=now,
    )
    return checkout, _send_to_provider(checkout, base_url=base_url)


# --- Changes members make ---------------------------------------------------------------------


def _apply(sub, snap, *, actor, code, now, reason=""):
    with transaction.atomic():
        sub = apply_snapshot(provider=sub.provider, snap=snap, now=now)
        audit(code, actor=actor, member=sub.user, target=sub, now=now, reason=reason)
    return sub


def _provider_call(fn, *args, now, **kwargs):
    """Call a provider method with our clock (every provider takes `now`; see providers).
    A provider outage becomes a clear BillingError."""
    try:
        return fn(*args, now=now, **kwargs)
    except ProviderUnavailable as error:
        raise BillingError("provider_unavailable") from error


def subscription_cancel(*, subscription, actor=None, now=None, reason=""):
    """Cancel at the end of the paid (or trial) period: access continues until then.
    The inverse is subscription_resume."""
    now = now or timezone.now()
    if subscription.status not in (Status.TRIALING, Status.ACTIVE, Status.PAST_DUE):
        raise BillingError("not_cancelable")
    snap = _provider_call(
        get_provider(subscription.provider).set_cancel_at_period_end, subscription, True, now=now
    )
    return _apply(
        subscription, snap, actor=actor, code="billing.subscription.cancel_requested", now=now, reason=reason
    )


def subscription_resume(*, subscription, actor=None, now=None):
    """Undo a cancellation before the period ends (the inverse of subscription_cancel)."""
    now = now or timezone.now()
    end = subscription.current_period_end or subscription.trial_end
    if subscription.status != Status.CANCELED or (end and end <= now):
        raise BillingError("not_resumable")
    snap = _provider_call(
        get_provider(subscription.provider).set_cancel_at_period_end, subscription, False, now=now
    )
    return _apply(subscription, snap, actor=actor, code="billing.subscription.resumed", now=now)


def subscription_change_price(*, subscription, price, quantity=None, actor=None, now=None):
    """Switch monthly/yearly or change plan; the provider prorates.

    The new price is held to what a checkout would allow (checkout_start): a group plan's seat
    range, one seat otherwise, and the currency the member already pays in (proration across
    currencies means nothing)."""
    now = now or timezone.now()
    price = Price.objects.select_related("plan").get(pk=price.pk)
    plan = price.plan
    quantity = quantity or subscription.quantity
    if not plan.is_group:
        quantity = 1
    if price.pk == subscription.price_id and quantity == subscription.quantity:
        raise BillingError("same_price")
    if not (price.active and plan.active):
        raise BillingError("price_unavailable")
    if plan.is_group and not plan.min_seats <= quantity <= plan.max_seats:
        raise BillingError("seats_out_of_range", min=plan.min_seats, max=plan.max_seats)
    current_currency = subscription.price.currency
    if price.currency != current_currency:
        raise BillingError("price_wrong_currency", currency=current_currency)
    if subscription.status not in (Status.TRIALING, Status.ACTIVE):
        raise BillingError("not_cancelable")
    snap = _provider_call(
        get_provider(subscription.provider).change_price, subscription, price, quantity, now=now
    )
    return _apply(
        subscription,
        snap,
        actor=actor,
        code="billing.subscription.price_changed",
        now=now,
        reason=f"{subscription.price} → {price}",
    )


def subscription_switch_interval(*, subscription, actor=None, now=None):
    other = Interval.YEAR if subscription.price.interval == Interval.MONTH else Interval.MONTH
    price = Price.objects.filter(
        plan=subscription.plan, interval=other, currency=subscription.price.currency, active=True
    ).first()
    if price is None:
        raise BillingError("price_unavailable")
    return subscription_change_price(subscription=subscription, price=price, actor=actor, now=now)


def card_update_url(*, subscription, return_url, now=None):
    return _provider_call(
        get_provider(subscription.provider).card_update_url,
        subscription,
        return_url=return_url,
        now=now or timezone.now(),
    )


# --- Changes staff make -----------------------------------------------------------------------


def subscription_pause(*, subscription, actor, now=None, reason=""):
    """Stop access and charges until unpaused (the inverse of subscription_unpause)."""
    now = now or timezone.now()
    if not allowed(subscription.status, Status.PAUSED) or subscription.status == Status.PAUSED:
        raise BillingError("not_cancelable")
    snap = _provider_call(get_provider(subscription.provider).set_paused, subscription, True, now=now)
    return _apply(
        subscription, snap, actor=actor, code="billing.subscription.paused_by_staff", now=now, reason=reason
    )


def subscription_unpause(*, subscription, actor, now=None):
    now = now or timezone.now()
    if subscription.status != Status.PAUSED:
        raise BillingError("not_resumable")
    snap = _provider_call(get_provider(subscription.provider).set_paused, subscription, False, now=now)
    return _apply(subscription, snap, actor=actor, code="billing.subscription.unpaused_by_staff", now=now)


def subscription_end(*, subscription, actor=None, now=None, reason=""):
    """End at once (staff, or the grace period is over)."""
    now = now or timezone.now()
    if subscription.status == Status.EXPIRED:
        return subscription
    snap = _provider_call(get_provider(subscription.provider).end_now, subscription, now=now)
    return _apply(subscription, snap, actor=actor, code="billing.subscription.ended", now=now, reason=reason)


def subscription_complimentary(*, user, plan, ends_at, actor, reason, now=None):
    """A membership staff give: no provider, no charge, access until `ends_at`."""

    now = now or timezone.now()
    price = plan.prices.filter(active=True).first()
    if live_subscription(user):
        raise BillingError("already_member")
    with transaction.atomic():
        sub = Subscription.objects.create(
            user=user,
            plan=plan,
            price=price,
            status=Status.COMPLIMENTARY,
            provider="none",
            provider_ref=f"comp_{uuid.uuid4().hex[:20]}",
            started_at=now,
            current_period_start=now,
            current_period_end=ends_at,
        )
        audit(
            "billing.subscription.complimentary",
            actor=actor,
            member=user,
            target=sub,
            reason=reason,
            now=now,
            ends_at=ends_at.isoformat(),
        )

        sync_subscription_access(sub, grace_days=grace_days(), now=now, actor=actor, reason=reason)
        transaction.on_commit(
            lambda: signals.membership_changed.send(
                sender=Subscription, subscription_id=sub.pk, change="started"
            )
        )
    return sub


def refund_payment(*, payment, actor, now=None):
    now = now or timezone.now()
    refund = _provider_call(get_provider(payment.provider).refund, payment, now=now)
    handle_event(
        provider=payment.provider,
        event_id=f"refund_{payment.provider}_{payment.provider_ref}",
        event_type="charge.refunded",
        payload=refund.as_payload(),
        now=now,
    )
    audit("billing.payment.refund_requested", actor=actor, member=payment.user, target=payment, now=now)


# --- Periodic jobs ----------------------------------------------------------------------------


def expire_overdue(*, now=None):
    """End subscriptions whose payment failed and whose grace period is over, and
    complimentary ones past their end. Safe to run twice."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=grace_days())
    ended = 0
    overdue = Subscription.objects.filter(
        Q(status=Status.PAST_DUE, past_due_since__lte=cutoff)
        | Q(status=Status.COMPLIMENTARY, current_period_end__lte=now)
        | Q(
            status=Status.PAST_DUE,
            trial_end__isnull=False,
            current_period_end__isnull=True,
            past_due_since__lte=cutoff,
        )
    )
    for sub in overdue.select_related("plan", "price"):
        try:
            subscription_end(
                subscription=sub, now=now, reason="grace period over" if sub.status == "past_due" else "ended"
            )
            ended += 1
        except (BillingError, InvalidTransition):
            continue
    return ended


def send_trial_reminders(*, now=None):
    """Email members whose trial ends within the reminder window, once each."""
    now = now or timezone.now()
    window = now + timedelta(days=billing_settings().trial_reminder_days)
    due = Subscription.objects.filter(
        status=Status.TRIALING, trial_end__gt=now, trial_end__lte=window, trial_reminder_sent_at__isnull=True
    )
    sent = 0
    for sub in due.select_related("plan", "price", "user"):
        # Claim the reminder first, so two workers never both send it.
        if Subscription.objects.filter(pk=sub.pk, trial_reminder_sent_at__isnull=True).update(
            trial_reminder_sent_at=now
        ):
            notify.trial_ending(sub)
            audit("billing.subscription.trial_reminder_sent", member=sub.user, target=sub, now=now)
            sent += 1
    return sent


def pricing_plans(*, currency):
    """Plans on sale with their monthly and yearly prices in `currency`, and the yearly saving."""
    plans = []
    for plan in Plan.objects.filter(active=True).prefetch_related("prices"):
        prices = {p.interval: p for p in plan.prices.all() if p.active and p.currency == currency}
        if not prices:
            continue
        monthly, yearly = prices.get("month"), prices.get("year")
        saving = None
        if monthly and yearly and monthly.amount * 12 > yearly.amount:
            saving = round(100 * (monthly.amount * 12 - yearly.amount) / (monthly.amount * 12))
        plans.append({"plan": plan, "monthly": monthly, "yearly": yearly, "saving_percent": saving})
    return plans


def available_currencies():
    return sorted(
        set(Price.objects.filter(active=True, plan__active=True).values_list("currency", flat=True))
    )
