"""Prepaid memberships: one month or one year paid once, with Alipay, WeChat Pay or a card.

Why: Stripe Checkout cannot renew a membership through WeChat Pay (no subscription mode) and
Alipay's recurring payments are limited, so a CNY member who pays with either buys a period
outright — a one-off Checkout in payment mode for the plan's monthly or yearly price. Access
starts when the provider confirms the payment (events.checkout.completed; for Alipay and WeChat
Pay that is checkout.session.async_payment_succeeded, after the reader scanned the QR code), and
runs to the end of the period; a period bought while another runs starts when that one ends. We
remind the member before it ends with a link to buy the next one. Card stays available for a
renewing membership (billing.services.checkout_start).
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.access.models import Grant, Source
from masthead.access.services import grant_create, grant_reschedule
from masthead.core.audit import audit
from masthead.core.mail import send_on_commit

from .checkouts import _send_to_provider, live_subscription
from .errors import BillingError
from .methods import methods_for, offers_one_off_methods
from .models import CheckoutSession, Payment, PrepaidMembership, Price
from .periods import close_gap, next_period_start
from .providers import provider_name
from .settings import billing_settings


def period_end(start, interval):
    return start + (relativedelta(years=1) if interval == "year" else relativedelta(months=1))


def can_prepay(price):
    """A plan for one reader, on sale, in a currency whose staff offer methods beyond card."""
    return (
        price is not None
        and price.active
        and price.plan.active
        and not price.plan.is_group
        and offers_one_off_methods(price.currency)
    )


def prepaid_description(price):
    period = "1 year" if price.interval == "year" else "1 month"
    return f"{price.plan.name} ({period}, paid once)"


def prepaid_checkout_start(*, user, price, method="", next_url="", base_url="", now=None):
    """Open a checkout for one period of `price`'s plan, paid once. Returns (checkout, url).
    `method` (optional) is the reader's choice; the provider's page offers the currency's methods."""
    now = now or timezone.now()
    price = Price.objects.select_related("plan").get(pk=price.pk)
    if not (price.active and price.plan.active):
        raise BillingError("price_unavailable")
    if price.plan.is_group:
        raise BillingError("prepaid_not_for_plan")
    allowed = methods_for(price.currency)
    if method and method not in allowed or not offers_one_off_methods(price.currency):
        raise BillingError("method_unavailable", currency=price.currency)
    if live_subscription(user):
        raise BillingError("already_member")
    checkout = CheckoutSession.objects.create(
        user=user,
        email=user.email,
        kind=CheckoutSession.Kind.PREPAID,
        price=price,
        amount_due=price.amount,
        currency=price.currency,
        description=prepaid_description(price),
        payment_method=method,
        provider=provider_name(),
        next_url=next_url[:500],
        created_at=now,
    )
    return checkout, _send_to_provider(checkout, base_url=base_url)


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


def prepaid_until(user, now=None):
    """The end of the member's prepaid access (the last running period), or None."""
    if user is None or not user.is_authenticated:
        return None
    now = now or timezone.now()
    last = PrepaidMembership.objects.holding().filter(user=user, ends_at__gt=now).order_by("-ends_at").first()
    return last.ends_at if last else None


def send_prepaid_reminders(*, now=None):
    """Before the last prepaid period ends, remind the member once, with a link to buy the next."""
    now = now or timezone.now()
    window = now + timedelta(days=billing_settings().gift_reminder_days)
    due = (
        PrepaidMembership.objects.holding()
        .filter(ends_at__gt=now, ends_at__lte=window, reminder_sent_at__isnull=True, user__isnull=False)
        .select_related("user", "plan", "price")
    )
    sent = 0
    for period in due:
        if (
            PrepaidMembership.objects.holding()
            .filter(user=period.user, starts_at__gte=period.ends_at)
            .exists()
        ):
            continue  # the next period is already bought
        with transaction.atomic():
            if not PrepaidMembership.objects.filter(pk=period.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            ):
                continue
            renew_url = settings.SITE_URL + reverse("billing:pricing") + f"?currency={period.price.currency}"
            send_on_commit(
                "billing/email/prepaid_ending",
                to=period.user.email,
                context={"period": period, "renew_url": renew_url},
            )
        sent += 1
    return sent
