"""Prepaid memberships: one month or one year paid once, with Alipay, WeChat Pay or a card.

Why: Stripe Checkout cannot renew a membership through WeChat Pay (no subscription mode) and
Alipay's recurring payments are limited, so a CNY member who pays with either buys a period
outright — a one-off Checkout in payment mode for the plan's monthly or yearly price. Access
starts when the provider confirms the payment (events.checkout.completed; for Alipay and WeChat
Pay that is checkout.session.async_payment_succeeded, after the reader scanned the QR code), and
runs to the end of the period; a period bought while another runs starts when that one ends. We
remind the member before it ends with a link to buy the next one. Card stays available for a
renewing membership (billing.services.checkout_start).

Starting a paid period and shrinking it on a refund (settlement.prepaid_paid, prepaid_refunded)
are below events, which calls them; this module starts checkouts and sends reminders.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.core.mail import send_on_commit

from .checkouts import _send_to_provider
from .errors import BillingError
from .membership import live_subscription
from .methods import methods_for, offers_one_off_methods
from .models import CheckoutSession, PrepaidMembership, Price
from .providers import provider_name
from .settings import billing_settings


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
