"""Gift memberships: buy 1, 3, 6 or 12 months for someone; they claim it with a link; no renewal.

Recording the paid purchase (settlement.gift_paid) is below events, which calls it.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.access.services import grant_create
from masthead.core.audit import audit
from masthead.core.mail import send_on_commit

from .checkouts import _send_to_provider
from .errors import BillingError
from .membership import live_subscription
from .models import CheckoutSession, GiftMembership
from .periods import next_period_start
from .providers import provider_name
from .settings import billing_settings

GIFT_MONTHS = (1, 3, 6, 12)


def gift_price(*, plan, months, currency):
    """A gift costs the monthly price times the months, or the yearly price for 12 months."""
    prices = {p.interval: p for p in plan.prices.filter(active=True, currency=currency)}
    if months == 12 and "year" in prices:
        return prices["year"], prices["year"].amount
    if "month" not in prices:
        raise BillingError("price_unavailable")
    return prices["month"], prices["month"].amount * months


def gift_checkout_start(
    *, purchaser, plan, months, currency, recipient_email, message="", base_url="", now=None
):
    now = now or timezone.now()
    if months not in GIFT_MONTHS or plan.is_group or not plan.active:
        raise BillingError("price_unavailable")
    price, amount = gift_price(plan=plan, months=months, currency=currency)
    checkout = CheckoutSession.objects.create(
        user=purchaser if purchaser and purchaser.is_authenticated else None,
        email=purchaser.email,
        kind=CheckoutSession.Kind.GIFT,
        price=price,
        amount_due=amount,
        provider=provider_name(),
        gift_months=months,
        gift_recipient=recipient_email,
        gift_message=message[:500],
        created_at=now,
    )
    return checkout, _send_to_provider(checkout, base_url=base_url)


def gift_claim(*, token, user, now=None):
    """The recipient (signed in with any address) claims the gift: access for its months, no renewal."""
    now = now or timezone.now()
    with transaction.atomic():
        gift = GiftMembership.objects.select_for_update().filter(token=token).first()
        if gift is None or gift.state == GiftMembership.State.REFUNDED:
            raise BillingError("gift_unknown")
        if gift.state == GiftMembership.State.CLAIMED:
            if gift.claimed_by_id == user.pk:
                return gift
            raise BillingError("gift_already_claimed")
        if live_subscription(user):
            raise BillingError("gift_has_membership")
        # A gift claimed while another paid-once period (gift or prepaid) runs starts when the
        # last one ends (periods.next_period_start, the rule prepaid periods follow too).
        starts = next_period_start(user, now)
        gift.state, gift.claimed_by, gift.claimed_at = GiftMembership.State.CLAIMED, user, now
        gift.ends_at = starts + relativedelta(months=gift.months)
        gift.save(update_fields=["state", "claimed_by", "claimed_at", "ends_at"])
        grant_create(
            user=user,
            level="premium",
            source="gift_membership",
            source_ref=f"gift:{gift.pk}",
            starts_at=starts,
            ends_at=gift.ends_at,
            reason=f"gift from {gift.purchaser_email}",
            now=now,
        )
        audit("billing.gift.claimed", actor=user, member=user, target=gift, now=now)
    return gift


def send_gift_reminders(*, now=None):
    """Before a gift ends, remind the member once, with an offer to continue."""
    now = now or timezone.now()
    config = billing_settings()
    window = now + timedelta(days=config.gift_reminder_days)
    due = GiftMembership.objects.filter(
        state=GiftMembership.State.CLAIMED,
        ends_at__gt=now,
        ends_at__lte=window,
        reminder_sent_at__isnull=True,
    ).select_related("claimed_by", "plan")
    sent = 0
    for gift in due:
        if GiftMembership.objects.filter(pk=gift.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        ):
            offer = config.gift_continue_offer
            url = settings.SITE_URL + (
                reverse("billing:offer", args=[offer.code]) if offer else reverse("billing:pricing")
            )
            send_on_commit(
                "billing/email/gift_ending",
                to=gift.claimed_by.email,
                context={"gift": gift, "offer": offer, "continue_url": url},
            )
            sent += 1
    return sent
