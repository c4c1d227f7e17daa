"""Monthly recurring revenue (MRR): what a subscription brings in per month, and its history.

`monthly_value` says what one subscription is worth per month now; `record_revenue_change`
writes a RevenueChange row whenever that value moves (apply_snapshot calls it after every
provider snapshot, so Stripe webhooks and the test mode are recorded alike). Revenue reports
(the analytics app) add these rows up; nothing else derives MRR.

What counts: a subscription in a paid period (active, past due while the provider retries, or
canceled but not yet over) counts the price times seats, per month (yearly prices / 12),
discounted while its offer lasts. Trials, complimentary, paused and expired subscriptions count
nothing. Churn is therefore recorded when a subscription actually ends (the period it paid for
is over, or the grace period after failed payments), not when the member asks to cancel.
"""

from .models import Interval, RevenueChange, Status
from .money import discounted

PAID_STATUSES = {Status.ACTIVE, Status.PAST_DUE, Status.CANCELED}


def in_trial(sub):
    """Still in (or failing to leave) its free trial: no paid period yet. Mirrors lifecycle.access_for."""
    return sub.trial_end is not None and (
        sub.current_period_end is None or sub.current_period_end <= sub.trial_end
    )


def monthly_value(sub):
    """MRR of `sub` in minor units of `sub.price.currency` (0 when it brings in nothing)."""
    if sub.status not in PAID_STATUSES or in_trial(sub):
        return 0
    amount = sub.price.amount * sub.quantity
    if sub.offer_id and sub.discount_periods_left != 0:
        amount = discounted(amount, sub.offer, sub.price.currency)
    if sub.price.interval == Interval.YEAR:
        # Whole minor units; the remainder of a yearly price is not worth a fraction of a cent.
        amount = round(amount / 12)
    return amount


def record_revenue_change(sub, *, now):
    """Record `sub`'s MRR if it differs from the last recorded value. Safe to call twice.

    Call it inside the transaction that changed `sub`, with `sub` locked (apply_snapshot does),
    so two deliveries of the same event cannot both see the old value.
    """
    value = monthly_value(sub)
    currency = sub.price.currency
    last = RevenueChange.objects.filter(subscription=sub).order_by("-at", "-id").first()
    previous = last.mrr if last else 0
    if last is not None and last.currency != currency and previous:
        # A switch to a price in another currency: the old currency's revenue ends here.
        RevenueChange.objects.create(
            subscription=sub, at=now, currency=last.currency, mrr=0, previous_mrr=previous, status=sub.status
        )
        previous = 0
    if previous == value:
        return None
    at = now
    if sub.status == Status.EXPIRED and sub.ended_at is not None and sub.ended_at < now:
        # A late event about an end: the revenue stopped when the subscription ended (but never
        # before the last recorded change, so the history stays in order).
        at = max(sub.ended_at, last.at) if last else sub.ended_at
    return RevenueChange.objects.create(
        subscription=sub, at=at, currency=currency, mrr=value, previous_mrr=previous, status=sub.status
    )
