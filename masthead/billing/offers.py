"""Offers: discounts and longer trials, by code or link, limited in uses and time."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from masthead.core.audit import audit

from .errors import BillingError
from .models import Offer, OfferRedemption
from .money import format_money


def offer_by_code(code):
    code = (code or "").strip()
    if not code:
        return None
    offer = Offer.objects.filter(code__iexact=code, active=True).first()
    if offer is None:
        raise BillingError("offer_unknown")
    return offer


def offer_check(*, offer, plan, currency, now=None):
    """Raise BillingError if `offer` cannot be used for `plan` in `currency` at `now`."""
    now = now or timezone.now()
    if not offer.active or (offer.expires_at and offer.expires_at <= now):
        raise BillingError("offer_expired")
    if offer.max_redemptions is not None and offer.redemptions >= offer.max_redemptions:
        raise BillingError("offer_used_up")
    if offer.pk and offer.plans.exists() and not offer.plans.filter(pk=plan.pk).exists():
        raise BillingError("offer_not_for_plan")
    if offer.kind == Offer.Kind.FIXED and offer.currency and offer.currency != currency:
        raise BillingError("offer_wrong_currency", currency=offer.currency)


def offer_redeem(*, offer, checkout, user, enforce_limit=True, now=None):
    """Count one use of `offer` by `checkout` (once per checkout), under a lock on the offer.

    This is where the use limit holds: offer_check at checkout start only answers early, and any
    number of checkouts may start while one use is left. Completing ones come through here one at
    a time; when the uses are gone, BillingError("offer_used_up") — the test-mode checkout calls
    this before it charges. A provider that has already charged the discount (a Stripe webhook)
    passes enforce_limit=False: the use is recorded, and audited as over the limit.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = Offer.objects.select_for_update().get(pk=offer.pk)
        if OfferRedemption.objects.filter(checkout=checkout).exists():
            return
        over = locked.max_redemptions is not None and locked.redemptions >= locked.max_redemptions
        if over and enforce_limit:
            raise BillingError("offer_used_up")
        OfferRedemption.objects.create(offer=locked, user=user, checkout=checkout, created_at=now)
        Offer.objects.filter(pk=locked.pk).update(redemptions=F("redemptions") + 1)
        audit(
            "billing.offer.redeemed",
            member=user,
            target=locked,
            now=now,
            code_used=locked.code,
            **({"over_limit": True} if over else {}),
        )


def describe(offer, currency=None):
    if offer is None:
        return ""
    if offer.kind == Offer.Kind.TRIAL:
        return f"{offer.trial_days}-day free trial"
    off = (
        f"{offer.percent_off}% off"
        if offer.kind == Offer.Kind.PERCENT
        else (f"{format_money(offer.amount_off or 0, offer.currency or currency or 'USD')} off")
    )
    duration = {
        Offer.Duration.ONCE: "your first payment",
        Offer.Duration.REPEATING: f"{offer.duration_months} months",
        Offer.Duration.FOREVER: "every payment",
    }[offer.duration]
    return f"{off} {duration}"
