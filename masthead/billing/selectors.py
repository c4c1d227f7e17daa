"""Read-only queries over billing's records for reports (the analytics app's rollups).

Each returns plain values for a time window [start, end): rows, not model instances, so callers
never hold billing objects. Amounts are integer minor units with their currency. The exception,
`prepaid_listing`, is billing's own admin listing (a queryset the Wagtail view pages and filters).
"""

from django.db.models import Case, F, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models import (
    CheckoutSession,
    GiftMembership,
    Group,
    OfferRedemption,
    Payment,
    PrepaidMembership,
    RevenueChange,
    Subscription,
)


def mrr_at(when):
    """MRR per currency at `when`: each change records the value before it, so the sum of all
    (after − before) up to `when` is what every subscription is worth then."""
    rows = (
        RevenueChange.objects.filter(at__lt=when)
        .values("currency")
        .annotate(total=Sum(F("mrr") - F("previous_mrr")))
    )
    return {row["currency"]: row["total"] for row in rows if row["total"]}


def revenue_changes(start, end):
    """Changes in [start, end), each with whether its subscription ever had MRR before it."""
    rows = list(
        RevenueChange.objects.filter(at__gte=start, at__lt=end)
        .order_by("at", "id")
        .values("id", "subscription_id", "at", "currency", "mrr", "previous_mrr")
    )
    earlier_paying = set(
        RevenueChange.objects.filter(
            subscription_id__in={r["subscription_id"] for r in rows}, at__lt=start, mrr__gt=0
        ).values_list("subscription_id", flat=True)
    )
    for row in rows:
        row["had_mrr_before"] = row["subscription_id"] in earlier_paying
        if row["mrr"] > 0:
            earlier_paying.add(row["subscription_id"])
    return rows


def first_paid_changes(start, end):
    """Subscriptions whose MRR first became positive in [start, end): (subscription id, at)."""
    firsts = {}
    rows = RevenueChange.objects.filter(mrr__gt=0, at__lt=end).order_by("at", "id")
    for sub_id, at in rows.filter(
        subscription_id__in=RevenueChange.objects.filter(at__gte=start, at__lt=end, mrr__gt=0).values(
            "subscription_id"
        )
    ).values_list("subscription_id", "at"):
        firsts.setdefault(sub_id, at)
    return {sub_id: at for sub_id, at in firsts.items() if start <= at < end}


def subscriptions(ids):
    """id → {user_id, started_at, trial_end, ended_at, status, currency} for `ids`."""
    rows = Subscription.objects.filter(pk__in=ids).values(
        "id", "user_id", "started_at", "trial_end", "ended_at", "status", currency=F("price__currency")
    )
    return {row["id"]: row for row in rows}


def trials_started(start, end):
    return list(
        Subscription.objects.filter(
            trial_end__isnull=False, started_at__gte=start, started_at__lt=end
        ).values("id", "user_id", "started_at")
    )


def trials_ended_unpaid(start, end):
    """Trial subscriptions that ended in [start, end) without ever bringing in revenue."""
    return list(
        Subscription.objects.filter(trial_end__isnull=False, ended_at__gte=start, ended_at__lt=end)
        .exclude(revenue_changes__mrr__gt=0)
        .values("id", "user_id", "ended_at")
    )


def payments(start, end):
    return list(
        Payment.objects.filter(created_at__gte=start, created_at__lt=end).values(
            "id", "subscription_id", "amount", "currency", "state", "created_at"
        )
    )


def gifts(start, end):
    bought = list(
        GiftMembership.objects.filter(created_at__gte=start, created_at__lt=end).values(
            "id", "months", amount=F("payment__amount"), currency=F("payment__currency")
        )
    )
    claimed = GiftMembership.objects.filter(claimed_at__gte=start, claimed_at__lt=end).count()
    return bought, claimed


def groups_created(start, end):
    return list(
        Group.objects.filter(created_at__gte=start, created_at__lt=end).values(
            "id", seats=F("subscription__quantity")
        )
    )


def offer_redemptions(start, end):
    return list(
        OfferRedemption.objects.filter(created_at__gte=start, created_at__lt=end).values_list(
            "offer__code", flat=True
        )
    )


def subscription_checkouts(user_ids):
    """Completed membership checkouts of these members: (user id, created_at, next_url), oldest first.
    `next_url` is where the reader was when they chose to pay (core.attribution)."""
    return list(
        CheckoutSession.objects.filter(
            user_id__in=user_ids,
            kind=CheckoutSession.Kind.SUBSCRIPTION,
            state=CheckoutSession.State.COMPLETE,
        )
        .order_by("created_at")
        .values_list("user_id", "created_at", "next_url")
    )


def payment_history(subscription_ids, before):
    """{subscription id: [(payment id, state)]} of paid and failed payments before `before`,
    oldest first: a paid payment after a failed one is a recovery."""
    history = {}
    rows = (
        Payment.objects.filter(subscription_id__in=subscription_ids, created_at__lt=before)
        .exclude(state=Payment.State.REFUNDED)
        .order_by("created_at", "id")
        .values_list("subscription_id", "id", "state")
    )
    for sub_id, pid, state in rows:
        history.setdefault(sub_id, []).append((pid, state))
    return history


PREPAID_STATES = [
    ("active", _("Active")),
    ("upcoming", _("Upcoming")),
    ("ended", _("Ended")),
    ("refunded", _("Refunded")),
]


def prepaid_listing(now):
    """Prepaid periods for the admin, one query: each with `paid_amount`, `currency`, `method`,
    `member_email` and its `state` at `now` — refunded (in full), upcoming, active or ended. A
    partly refunded period keeps its time state; its `refunded_amount` says how much went back."""
    paid = Coalesce(F("payment__amount"), F("checkout__amount_due"))
    return (
        PrepaidMembership.objects.select_related("user", "plan", "price", "payment", "checkout")
        .annotate(
            paid_amount=paid,
            currency=F("price__currency"),
            method=F("checkout__payment_method"),
            member_email=F("user__email"),
        )
        .annotate(
            state=Case(
                When(refunded_amount__gt=0, refunded_amount__gte=F("paid_amount"), then=Value("refunded")),
                When(starts_at__gt=now, then=Value("upcoming")),
                When(ends_at__gt=now, then=Value("active")),
                default=Value("ended"),
            )
        )
    )
