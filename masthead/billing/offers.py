"""Offers: discounts and longer trials, by code or link, limited in uses and time."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from masthead.core.audit import audit

from .errors import BillingError
from .models import Offer, OfferRedemption


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


def offer_redeem(*, offer, checkout, user):
    """Count one use when a checkout completes (once per checkout; the limit is re-checked under lock)."""
    with transaction.atomic():
        locked = Offer.objects.select_for_update().get(pk=offer.pk)
        if OfferRedemption.objects.filter(checkout=checkout).exists():
            return
        OfferRedemption.objects.create(offer=locked, user=user, checkout=checkout, created_at=timezone.now())
        Offer.objects.filter(pk=locked.pk).update(redemptions=F("redemptions") + 1)
        audit("billing.offer.redeemed", member=user, target=locked, code_used=locked.code)


def describe(offer, currency=None):
    from .money import format_money

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
