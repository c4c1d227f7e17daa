"""Settling a paid checkout: what the provider's confirmed payment buys, and what its refund takes
back. events.py calls these (checkout.completed, charge.refunded); nothing here starts a checkout.

Why a module of its own: starting a checkout needs the provider (checkouts._send_to_provider),
and the test provider completes checkouts through events, which settles them. Settling here,
below events, and starting in gifts.py, payments.py and prepaid.py, above the providers, keeps
the provider path free of cycles (billing/CONTEXT.md). Other apps still register their one-time
payment handler through payments.register, which is this module's.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.urls import reverse

from masthead.access.models import Grant, Source
from masthead.access.services import grant_create, grant_reschedule
from masthead.core.audit import audit
from masthead.core.mail import send_on_commit

from .models import CheckoutSession, GiftMembership, Payment, PrepaidMembership
from .periods import close_gap, next_period_start

# --- One-time payments for other apps (payments.py) ----------------------------------------------

_handlers = {}


def register(purpose, *, on_paid):
    _handlers[purpose] = on_paid


def handler_for(purpose):
    try:
        return _handlers[purpose]
    except KeyError:
        raise LookupError(f"no payment handler registered for {purpose!r}") from None


def payment_completed(*, checkout, payment, now):
    """Called by events.py once per checkout when its payment is recorded."""
    if checkout.state == CheckoutSession.State.COMPLETE:
        return
    checkout.state, checkout.completed_at = CheckoutSession.State.COMPLETE, now
    checkout.save(update_fields=["state", "completed_at"])
    handler_for(checkout.purpose)(checkout=checkout, payment=payment, now=now)


# --- Gift memberships (gifts.py) -------------------------------------------------------------------


def gift_paid(*, checkout, provider, payment_ref, now):
    """The purchase is paid (events.checkout.completed): record the gift and send the claim link."""
    if GiftMembership.objects.filter(checkout=checkout).exists():
        return
    payment = (
        Payment.objects.filter(provider=provider, provider_ref=payment_ref, state="paid").first()
        if payment_ref
        else None
    )
    gift = GiftMembership.objects.create(
        purchaser=checkout.user,
        purchaser_email=checkout.email,
        recipient_email=checkout.gift_recipient,
        message=checkout.gift_message,
        plan=checkout.price.plan,
        months=checkout.gift_months,
        payment=payment,
        checkout=checkout,
        created_at=now,
    )
    checkout.state, checkout.completed_at = CheckoutSession.State.COMPLETE, now
    checkout.save(update_fields=["state", "completed_at"])
    audit(
        "billing.gift.purchased",
        actor=checkout.user,
        member=checkout.user,
        target=gift,
        now=now,
        months=gift.months,
        recipient=gift.recipient_email,
    )
    claim_url = settings.SITE_URL + reverse("billing:gift_claim", args=[gift.token])
    send_on_commit(
        "billing/email/gift_received", to=gift.recipient_email, context={"gift": gift, "claim_url": claim_url}
    )
    send_on_commit(
        "billing/email/gift_sent", to=gift.purchaser_email, context={"gift": gift, "claim_url": claim_url}
    )


# --- Prepaid periods (prepaid.py) ------------------------------------------------------------------


def period_end(start, interval):
    return start + (relativedelta(years=1) if interval == "year" else relativedelta(months=1))


def prepaid_paid(*, checkout, payment, now):
    """The payment is confirmed (events.checkout.completed): the period starts, with its grant.
    Idempotent: a replayed event finds the period already there."""
    existing = PrepaidMembership.objects.filter(checkout=checkout).first()
    if existing is not None:
        return existing
    user = checkout.user
    price = checkout.price
    starts = next_period_start(user, now)
    period = PrepaidMembership.objects.create(
        user=user,
        plan=price.plan,
        price=price,
        checkout=checkout,
        payment=payment,
        starts_at=starts,
        ends_at=period_end(starts, price.interval),
        created_at=now,
    )
    if user is not None:
        grant_create(
            user=user,
            level="premium",
            source="prepaid",
            source_ref=f"prepaid:{period.pk}",
            starts_at=starts,
            ends_at=period.ends_at,
            reason=f"prepaid {price.plan.name} ({price.interval})",
            now=now,
        )
    checkout.state, checkout.completed_at = CheckoutSession.State.COMPLETE, now
    checkout.save(update_fields=["state", "completed_at"])
    # Events arrive in any order: a refund reported before this payment was parked, and applied
    # (events.record_payment) before this period existed. It applies to the period now.
    refund = Payment.objects.filter(
        provider=payment.provider, provider_ref=payment.provider_ref, state=Payment.State.REFUNDED
    ).first()
    audit(
        "billing.prepaid.started",
        actor=user,
        member=user,
        target=period,
        now=now,
        plan=price.plan.slug,
        interval=price.interval,
        ends_at=period.ends_at.isoformat(),
    )
    if refund is not None:
        prepaid_refunded(payment=payment, refunded=refund.amount, now=now)
        period.refresh_from_db()
    return period


def prepaid_refunded(*, payment, refunded, now):
    """The provider refunded `refunded` (cumulative, minor units) of a payment: if it paid for a
    prepaid period, the period shrinks pro rata and its access with it. Returns the period, or
    None when the payment bought no prepaid period.

    The rule (billing/CONTEXT.md): the period keeps the share of its length that stays paid —
    a full refund leaves none, half a refund of a month leaves about 15 days from its start — but
    never ends before the refund (days already read cannot be taken back), and a period already
    over is left as it was. Periods stacked after it move earlier by what it lost
    (periods.close_gap), so no gap is left. Idempotent: the refunded amount is cumulative
    (Stripe's charge.amount_refunded), so a replayed or second event for the same refund finds
    nothing new; a larger one later shortens further. The member is told by email, in their
    language, with the amount formatted for it."""
    period = (
        # Only this row is locked: PostgreSQL refuses FOR UPDATE on the outer join to a member.
        PrepaidMembership.objects.select_for_update(of=("self",))
        .select_related("price", "plan", "user")
        .filter(payment=payment)
        .first()
    )
    if period is None:
        return None
    refunded = min(int(refunded or 0), payment.amount)
    if refunded <= period.refunded_amount:
        return period  # a replay, or news older than what we applied
    user = period.user
    old_end = period.ends_at
    full = period_end(period.starts_at, period.price.interval) - period.starts_at
    kept = full * (payment.amount - refunded) / payment.amount if payment.amount else full * 0
    new_end = max(period.starts_at + kept, min(now, old_end))
    newly_refunded = refunded - period.refunded_amount
    period.refunded_amount, period.refunded_at, period.ends_at = refunded, now, new_end
    period.save(update_fields=["refunded_amount", "refunded_at", "ends_at"])
    reason = f"prepaid payment refunded ({refunded}/{payment.amount} {payment.currency})"
    if user is not None:
        for grant in Grant.objects.filter(
            user=user, source=Source.PREPAID, source_ref=f"prepaid:{period.pk}"
        ):
            grant_reschedule(grant=grant, starts_at=grant.starts_at, ends_at=new_end, reason=reason, now=now)
        if old_end > now:
            close_gap(user=user, after=old_end, shift=old_end - new_end, now=now, reason=reason)
    audit(
        "billing.prepaid.refunded",
        member=user,
        target=period,
        now=now,
        refunded=refunded,
        amount=payment.amount,
        currency=payment.currency,
        previous_ends_at=old_end.isoformat(),
        ends_at=new_end.isoformat(),
    )
    if user is not None and user.email:
        paid_until = next_period_start(user, now)  # the end of what is still paid, gifts included
        send_on_commit(
            "billing/email/prepaid_refunded",
            to=user.email,
            context={
                "period": period,
                "amount": newly_refunded,
                "currency": payment.currency,
                # None when the refund left nothing from now on: access ended with it.
                "paid_until": paid_until if paid_until > now else None,
                "account_url": settings.SITE_URL + reverse("members:account"),
            },
        )
    return period
