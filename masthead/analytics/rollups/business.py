"""Revenue and members, from billing's and access's records.

Metrics (per day unless said; key):
  mrr (currency)                      MRR at the end of the day (snapshot)
  revenue.new / .expansion / .contraction / .churn / .reactivation (currency)
                                      MRR movements that day, in minor units (all positive)
  subs.new / subs.churned (currency)  subscriptions starting / stopping to bring in revenue
  trials.started / trials.converted / trials.failed ("")
  payments.paid, payments.paid_count, payments.failed, payments.failed_count,
  payments.recovered, refunds.amount, refunds.count (currency)
  gifts.bought, gifts.revenue (currency), gifts.claimed (""), groups.created, groups.seats ("")
  offers.redeemed (offer code)
  members.total, members.free, members.paying, members.trialing, members.complimentary ("")
                                      at the end of the day (snapshot; staff are not members)
  members.paying.source (grant source) paying members by what pays for them
  members.joined, members.new_paying, members.churned ("")
  cohort.size ("") and cohort.retained (months after) on the cohort's first day: members whose
                                      paid membership began that month, and how many of them
                                      were paying at the end of each later month
"""

from collections import defaultdict
from datetime import timedelta

from django.utils import timezone

from masthead.access import selectors as access
from masthead.billing import selectors as billing
from masthead.members import selectors as members

from ..models import DailyMetric
from .common import Rows, add_months, bounds, month_start, replace

PAYING_SOURCES = ("subscription", "group_seat", "gift_membership", "prepaid")
REVENUE_METRICS = {
    "mrr",
    "revenue.new",
    "revenue.expansion",
    "revenue.contraction",
    "revenue.churn",
    "revenue.reactivation",
    "subs.new",
    "subs.churned",
    "trials.started",
    "trials.converted",
    "trials.failed",
    "payments.paid",
    "payments.paid_count",
    "payments.failed",
    "payments.failed_count",
    "payments.recovered",
    "refunds.amount",
    "refunds.count",
    "gifts.bought",
    "gifts.revenue",
    "gifts.claimed",
    "groups.created",
    "groups.seats",
    "offers.redeemed",
}
MEMBER_METRICS = {
    "members.total",
    "members.free",
    "members.paying",
    "members.trialing",
    "members.complimentary",
    "members.paying.source",
    "members.joined",
    "members.new_paying",
    "members.churned",
}
SNAPSHOT_MEMBER_METRICS = {
    "members.total",
    "members.free",
    "members.paying",
    "members.trialing",
    "members.complimentary",
    "members.paying.source",
}
COHORT_METRICS = {"cohort.size", "cohort.retained"}
COHORT_MONTHS = 24


def roll_day(day, *, now=None):
    start, end = bounds(day)
    rows = Rows()
    _revenue(rows, start, end)
    _payments(rows, start, end)
    _extras(rows, start, end)
    replace(metrics=REVENUE_METRICS, rows=rows, day=day, snapshots={"mrr"})
    rows = Rows()
    _members(rows, start, end, now=now)
    replace(metrics=MEMBER_METRICS, rows=rows, day=day, snapshots=SNAPSHOT_MEMBER_METRICS)


def classify(change):
    """(movement, amount) of one RevenueChange row."""
    before, after = change["previous_mrr"], change["mrr"]
    if before == 0:
        return ("revenue.reactivation" if change["had_mrr_before"] else "revenue.new"), after
    if after == 0:
        return "revenue.churn", before
    if after > before:
        return "revenue.expansion", after - before
    return "revenue.contraction", before - after


def _revenue(rows, start, end):
    for currency, value in billing.mrr_at(end).items():
        rows.add("mrr", currency, value)
    for change in billing.revenue_changes(start, end):
        movement, amount = classify(change)
        rows.add(movement, change["currency"], amount)
        if movement == "revenue.new":
            rows.add("subs.new", change["currency"])
        elif movement == "revenue.churn":
            rows.add("subs.churned", change["currency"])
    rows.add("trials.started", "", len(billing.trials_started(start, end)))
    first_paid = billing.first_paid_changes(start, end)
    subs = billing.subscriptions(first_paid)
    rows.add("trials.converted", "", sum(1 for s in subs.values() if s["trial_end"] is not None))
    rows.add("trials.failed", "", len(billing.trials_ended_unpaid(start, end)))


def _payments(rows, start, end):
    payments = billing.payments(start, end)
    paid_subs = {p["subscription_id"] for p in payments if p["state"] == "paid" and p["subscription_id"]}
    history = billing.payment_history(paid_subs, end)
    for payment in payments:
        currency, amount, state = payment["currency"], payment["amount"], payment["state"]
        if state == "paid":
            rows.add("payments.paid", currency, amount)
            rows.add("payments.paid_count", currency)
            previous = _previous_state(history.get(payment["subscription_id"], []), payment["id"])
            if previous == "failed":
                rows.add("payments.recovered", currency)
        elif state == "failed":
            rows.add("payments.failed", currency, amount)
            rows.add("payments.failed_count", currency)
        elif state == "refunded":
            rows.add("refunds.amount", currency, amount)
            rows.add("refunds.count", currency)


def _previous_state(history, payment_id):
    """The state of the payment before `payment_id` in its subscription's history."""
    previous = None
    for pid, state in history:
        if pid == payment_id:
            return previous
        previous = state
    return None


def _extras(rows, start, end):
    bought, claimed = billing.gifts(start, end)
    for gift in bought:
        if gift["currency"]:
            rows.add("gifts.bought", gift["currency"])
            rows.add("gifts.revenue", gift["currency"], gift["amount"] or 0)
    rows.add("gifts.claimed", "", claimed)
    groups = billing.groups_created(start, end)
    rows.add("groups.created", "", len(groups))
    rows.add("groups.seats", "", sum(g["seats"] for g in groups))
    for code in billing.offer_redemptions(start, end):
        rows.add("offers.redeemed", code)


def category_by_member(grants, staff):
    """{user id: paying | trialing | complimentary} from (user id, source) grant pairs."""
    rank = {"trial": 2, "complimentary": 1, "staff": 1}
    best = {}
    for user_id, source in grants:
        if user_id in staff:
            continue
        value = 3 if source in PAYING_SOURCES else rank.get(source, 1)
        if value > best.get(user_id, (0, ""))[0]:
            best[user_id] = (value, source)
    names = {3: "paying", 2: "trialing", 1: "complimentary"}
    return {user_id: (names[value], source) for user_id, (value, source) in best.items()}


def _members(rows, start, end, *, now=None):
    staff = members.staff_ids()
    at_end = category_by_member(access.premium_grants_covering(end - timedelta(microseconds=1)), staff)
    at_start = category_by_member(access.premium_grants_covering(start - timedelta(microseconds=1)), staff)
    total = members.members_joined_before(end)
    counts = defaultdict(int)
    for category, source in at_end.values():
        counts[category] += 1
        if category == "paying":
            rows.add("members.paying.source", source)
    rows.add("members.total", "", total)
    for category in ("paying", "trialing", "complimentary"):
        rows.add(f"members.{category}", "", counts[category])
    rows.add("members.free", "", max(0, total - len(at_end)))
    rows.add("members.joined", "", members.members_joined(start, end))
    paying_end = {u for u, (c, _s) in at_end.items() if c == "paying"}
    paying_start = {u for u, (c, _s) in at_start.items() if c == "paying"}
    rows.add("members.new_paying", "", len(paying_end - paying_start))
    rows.add("members.churned", "", len(paying_start - paying_end))


def paying_spans():
    """{user id: [(start, end or None)]} of paid access (not trials, not complimentary)."""
    staff = members.staff_ids()
    spans = defaultdict(list)
    for user_id, starts_at, ends_at in access.premium_grant_spans(sources=PAYING_SOURCES):
        if user_id not in staff:
            spans[user_id].append((starts_at, ends_at))
    return spans


def covered(spans, when):
    return any(start <= when and (end is None or end > when) for start, end in spans)


def roll_cohorts(*, now=None):
    """Cohort retention, recomputed whole (it is a few thousand numbers)."""
    now = now or timezone.now()
    this_month = month_start(timezone.localdate(now))
    first = add_months(this_month, -(COHORT_MONTHS - 1))
    rows = {}
    for spans in paying_spans().values():
        joined = month_start(timezone.localdate(min(start for start, _ in spans)))
        if joined < first:
            continue
        rows[(joined, "cohort.size", "")] = rows.get((joined, "cohort.size", ""), 0) + 1
        months = (this_month.year - joined.year) * 12 + this_month.month - joined.month
        for k in range(months + 1):
            month_end = bounds(add_months(joined, k + 1) - timedelta(days=1))[1]
            at = min(month_end, now) - timedelta(microseconds=1)
            if covered(spans, at):
                key = (joined, "cohort.retained", str(k))
                rows[key] = rows.get(key, 0) + 1
    days = set(DailyMetric.objects.filter(metric__in=COHORT_METRICS).values_list("day", flat=True))
    days |= {key[0] for key in rows}
    return replace(metrics=COHORT_METRICS, rows=rows, days=days)
