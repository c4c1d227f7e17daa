"""Adopting subscriptions that already exist at the payment provider: members who pay through
another platform's Stripe account become paying members here without paying again.

Nothing here creates a checkout, a price or a charge at the provider: it reads the customer's
subscriptions and records them as ours. From then on the provider's webhooks find the record
(stripe._is_ours) and apply to it like to any other subscription, idempotently.
"""

from django.db import transaction
from django.utils import timezone

from masthead.core.audit import audit

from .events import _dt, apply_snapshot
from .lifecycle import status_from_provider
from .models import LIVE_STATUSES, Interval, Price, Subscription
from .providers import provider_name
from .providers.factory import get_provider


class AdoptionRefused(Exception):
    """Why one subscription could not be adopted (the import reports it with the member)."""

    def __init__(self, code, detail=""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail = code, detail


def provider_configured():
    return provider_name() == "stripe"


def find_subscriptions(*, customer_ref="", email=""):
    """(customer ref, snapshots of the customer's active or trialing subscriptions).

    Without a customer ref the provider is asked for the one customer with `email`.
    Raises AdoptionRefused when Stripe is not configured or knows no such customer.
    """
    if not provider_configured():
        raise AdoptionRefused("not_configured", "Stripe is not configured (STRIPE_SECRET_KEY)")
    provider = get_provider("stripe")
    customer_ref = customer_ref or (provider.find_customer(email) if email else "")
    if not customer_ref:
        raise AdoptionRefused("no_customer", f"no single Stripe customer with the address {email}")
    snapshots = provider.customer_subscriptions(customer_ref)
    if snapshots is None:
        raise AdoptionRefused("no_customer", f"Stripe has no customer {customer_ref}")
    return customer_ref, snapshots


def parse_plan_map(text):
    """`price_x=individual:month,price_y=12` → {"price_x": Price, ...}.

    The right side is one of our prices: its id, or plan slug:interval[:currency]. Raises
    ValueError naming the entry that matches nothing.
    """
    mapping = {}
    for entry in filter(None, (part.strip() for part in (text or "").split(","))):
        ref, sep, ours = entry.partition("=")
        if not sep or not ref.strip() or not ours.strip():
            raise ValueError(f"plan map entry {entry!r} is not provider_price=our_price")
        price = _our_price(ours.strip())
        if price is None:
            raise ValueError(f"plan map entry {entry!r}: no active price {ours.strip()!r}")
        mapping[ref.strip()] = price
    return mapping


def _our_price(spec):
    prices = Price.objects.select_related("plan")
    if spec.isdigit():
        return prices.filter(pk=int(spec)).first()
    slug, _sep, rest = spec.partition(":")
    interval, _sep, currency = rest.partition(":")
    found = prices.filter(plan__slug=slug, interval=interval or Interval.MONTH, active=True)
    if currency:
        found = found.filter(currency=currency.upper())
    return found.order_by("pk").first()


def match_price(snap, plan_map):
    """Our price for a provider snapshot: named in the plan map, or carrying its Stripe price id."""
    ref = snap.price_ref or ""
    if ref in plan_map:
        return plan_map[ref]
    return Price.objects.select_related("plan").filter(stripe_price_id=ref).first() if ref else None


def subscription_adopt(*, user, snap, price, actor=None, now=None):
    """Record the provider subscription `snap` as `user`'s membership on `price` and give its
    access at once. Returns (subscription, created); adopting the same one again changes nothing
    but a fresher snapshot. Raises AdoptionRefused when it belongs to another member or the member
    already has another live membership."""
    now = now or timezone.now()
    provider = "stripe"
    with transaction.atomic():
        existing = (
            Subscription.objects.select_for_update().filter(provider=provider, provider_ref=snap.ref).first()
        )
        if existing is not None:
            if existing.user_id != user.pk:
                raise AdoptionRefused("other_member", f"{snap.ref} is already another member's")
            return apply_snapshot(provider=provider, snap=snap, now=now), False
        other = Subscription.objects.filter(user=user, status__in=LIVE_STATUSES).first()
        if other is not None:
            raise AdoptionRefused("already_member", f"the member already has a live membership ({other})")
        status = status_from_provider(snap.state, cancel_at_period_end=snap.cancel_at_period_end)
        sub = Subscription.objects.create(
            user=user,
            plan=price.plan,
            price=price,
            quantity=snap.quantity or 1,
            # Already in its state: apply_snapshot then sees no change of status, so the member
            # gets no "welcome" email for a membership they have had for years.
            status=status,
            provider=provider,
            provider_ref=snap.ref,
            provider_customer_ref=snap.customer_ref or "",
            started_at=_dt(snap.current_period_start) or now,
        )
        audit(
            "billing.subscription.adopted",
            actor=actor,
            member=user,
            target=sub,
            now=now,
            provider_ref=snap.ref,
            plan=price.plan.slug,
        )
        sub = apply_snapshot(provider=provider, snap=snap, now=now)
    return sub, True
