"""Every revenue and member figure against a scenario computed by hand.

Six members over January and February 2026 (newsroom time, Asia/Shanghai), in USD and CNY,
through the test-mode provider with the clock passed in:

  G  Jan 3   pays USD 900/month (no trial); renewal fails Feb 3; new card Feb 4: recovered
  A  Jan 10  trial (USD 900/month), converts Jan 24
  B  Jan 12  trial (CNY 6800/month), first charge fails Jan 26, grace over Feb 3: trial failed
  C  Jan 15  pays USD 9000/year (MRR 750); refunded and ended Jan 16
  D  Jan 20  pays USD 900/month; Feb 5 upgrades to Team, 3 seats × 700 (MRR 2100, prorated
             charge 2100 − round(900 × 15/31) = 1665); Feb 19 back to Individual (credit covers it)
  E  Jan 31 23:30  pays CNY 6800/month; cancels Feb 10; period ends Feb 28 23:30: churn
"""

from datetime import date

import pytest

from masthead.analytics.models import DailyMetric
from masthead.analytics.reports import Range, cohorts, members, revenue
from masthead.analytics.rollups import business
from masthead.billing.models import CheckoutSession, Payment, Price, Subscription
from masthead.billing.providers.testmode import pay_checkout, run_due, set_card
from masthead.billing.services import (
    checkout_start,
    expire_overdue,
    refund_payment,
    subscription_cancel,
    subscription_change_price,
    subscription_end,
)
from masthead.members.services import signup_source_record
from tests.billing.conftest import GOOD_CARD, LATER_DECLINED_CARD

from .conftest import at

pytestmark = pytest.mark.django_db


def join(make_member, name, when, next_url=""):
    user = make_member(f"{name}@example.com")
    type(user).objects.filter(pk=user.pk).update(date_joined=when)
    signup_source_record(user=user, next_url=next_url, now=when)
    return user


def pay_now(user, price, when, *, card=GOOD_CARD, next_url=""):
    """A paid start without a trial (as for a member who had one before)."""
    checkout, _ = checkout_start(user=user, price=price, next_url=next_url, now=when)
    CheckoutSession.objects.filter(pk=checkout.pk).update(trial_days=0)
    pay_checkout(checkout=checkout, card_number=card, now=when)
    return Subscription.objects.get(user=user)


def trial(user, price, when, *, card=GOOD_CARD, next_url=""):
    checkout, _ = checkout_start(user=user, price=price, next_url=next_url, now=when)
    pay_checkout(checkout=checkout, card_number=card, now=when)
    return Subscription.objects.get(user=user)


@pytest.fixture
def scenario(demo, make_member, monthly, yearly, staff_user):
    from masthead.billing.settings import billing_settings

    billing_settings().save()  # grace 7 days, retries after 1, 3, 5 days
    cny = Price.objects.get(plan__slug="individual", interval="month", currency="CNY", active=True)
    team = Price.objects.get(plan__slug="team", interval="month", currency="USD", active=True)
    article = demo.article(access_level="premium")
    via = f"{article.url}#via=membership_required"

    g = join(make_member, "g", at(1, 3, 9))
    sub_g = pay_now(g, monthly, at(1, 3, 10), card=LATER_DECLINED_CARD)
    a = join(make_member, "a", at(1, 10, 11), next_url=via)
    trial(a, monthly, at(1, 10), next_url=via)
    b = join(make_member, "b", at(1, 12, 11))
    trial(b, cny, at(1, 12), card=LATER_DECLINED_CARD)
    c = join(make_member, "c", at(1, 15, 11))
    sub_c = pay_now(c, yearly, at(1, 15))
    refund_payment(payment=Payment.objects.get(subscription=sub_c), actor=staff_user, now=at(1, 16))
    subscription_end(subscription=sub_c, actor=staff_user, now=at(1, 16), reason="refunded")
    d = join(make_member, "d", at(1, 20, 11))
    sub_d = pay_now(d, monthly, at(1, 20), next_url=f"{article.url}#via=meter_used_up")
    run_due(now=at(1, 24, 12, 1))  # A's trial converts
    run_due(now=at(1, 26, 12, 1))  # B's first charge fails
    e = join(make_member, "e", at(1, 31, 23, 0))
    sub_e = pay_now(e, cny, at(1, 31, 23, 30))
    assert expire_overdue(now=at(2, 3, 9)) == 1  # B: the grace period is over
    run_due(now=at(2, 3, 10))  # G's renewal fails
    set_card(subscription=sub_g, card_number=GOOD_CARD, now=at(2, 4, 10))  # … and is recovered
    sub_d = subscription_change_price(subscription=sub_d, price=team, quantity=3, now=at(2, 5))
    subscription_cancel(subscription=sub_e, now=at(2, 10))
    sub_d = subscription_change_price(subscription=sub_d, price=monthly, quantity=1, now=at(2, 19))
    run_due(now=at(2, 24, 12, 1))  # A renews
    run_due(now=at(2, 28, 23, 31))  # E's canceled period is over
    return {"article": article, "members": (a, b, c, d, e, g)}


JANUARY, FEBRUARY = ("2026-01-01", "2026-01-31"), ("2026-02-01", "2026-02-28")


def test_the_scenario_happened_as_described(scenario):
    states = dict(Subscription.objects.values_list("user__username", "status"))
    assert states == {
        "a": "active",
        "b": "expired",
        "c": "expired",
        "d": "active",
        "e": "expired",
        "g": "active",
    }
    assert Payment.objects.get(description__contains="prorated").amount == 1665


def test_mrr_and_its_movements_per_currency_and_month(scenario, report):
    jan = report(*JANUARY)
    assert jan["mrr"] == {"USD": 900 + 900 + 900, "CNY": 6800}  # G, A, D; E
    assert jan["arr"] == {"USD": 2700 * 12, "CNY": 6800 * 12}
    assert jan["mrr_movements"]["new"] == {"USD": 900 + 750 + 900 + 900, "CNY": 6800}
    assert jan["mrr_movements"]["churn"] == {"USD": 750}
    assert jan["mrr_movements"]["expansion"] == {} and jan["mrr_movements"]["contraction"] == {}
    feb = report(*FEBRUARY)
    assert feb["mrr"] == {"USD": 2700}  # CNY went to 0 with E
    assert feb["mrr_movements"]["new"] == {}
    assert feb["mrr_movements"]["expansion"] == {"USD": 2100 - 900}
    assert feb["mrr_movements"]["contraction"] == {"USD": 2100 - 900}
    assert feb["mrr_movements"]["churn"] == {"CNY": 6800}


def test_e_paid_on_the_last_evening_of_january_counts_in_january(scenario, report):
    """23:30 on Jan 31 in Shanghai is 15:30 UTC: the newsroom's calendar decides the month."""
    assert report("2026-01-31", "2026-01-31")["mrr_movements"]["new"] == {"CNY": 6800}
    assert report("2026-02-01", "2026-02-01")["mrr_movements"]["new"] == {}
    assert report("2026-02-28", "2026-02-28")["mrr_movements"]["churn"] == {"CNY": 6800}


def test_trials_members_and_churn(scenario, report):
    jan = report(*JANUARY)
    assert (jan["trials_started"], jan["trials_converted"], jan["trials_failed"]) == (2, 1, 0)
    assert jan["trial_conversion_rate"] == 1.0
    assert (jan["paying_members"], jan["trialing_members"], jan["free_members"]) == (4, 0, 2)
    assert jan["total_members"] == 6 and jan["new_members"] == 6
    assert (jan["new_paying_members"], jan["churned_members"]) == (5, 1)  # C churned
    feb = report(*FEBRUARY)
    assert (feb["trials_started"], feb["trials_converted"], feb["trials_failed"]) == (0, 0, 1)
    assert (feb["paying_members"], feb["free_members"], feb["churned_members"]) == (3, 3, 1)
    both = report(JANUARY[0], FEBRUARY[1])
    assert both["trial_conversion_rate"] == 0.5
    assert report("2026-01-12", "2026-01-12")["trialing_members"] == 2


def test_payments_refunds_failures_and_recoveries(scenario, report):
    report(JANUARY[0], FEBRUARY[1])
    jan = revenue(Range(date(2026, 1, 1), date(2026, 1, 31)))
    assert jan["payments"] == {"USD": 900 + 9000 + 900 + 900, "CNY": 6800}
    assert jan["payments_count"] == {"USD": 4, "CNY": 1}
    assert jan["refunds"] == {"USD": 9000} and jan["refunds_count"] == {"USD": 1}
    assert jan["failed_payments"] == {"CNY": 1} and jan["failed_amount"] == {"CNY": 6800}
    assert jan["recovered_payments"] == {}
    feb = revenue(Range(date(2026, 2, 1), date(2026, 2, 28)))
    assert feb["payments"] == {"USD": 900 + 1665 + 900}  # G recovered, D prorated, A renewed
    assert feb["failed_payments"] == {"USD": 1} and feb["recovered_payments"] == {"USD": 1}


def test_reporting_currency_conversion(scenario, report):
    from masthead.analytics.models import ExchangeRate

    jan = report(*JANUARY)
    assert jan["reporting_currency"] == "USD"
    assert jan["mrr_converted"] == 2700 and jan["unconverted_currencies"] == ["CNY"]
    ExchangeRate.objects.create(currency="CNY", rate="0.14")
    jan = report(*JANUARY, refresh=False)
    assert jan["mrr_converted"] == 2700 + 952  # 6800 fen × 0.14 = 952 cents
    assert jan["unconverted_currencies"] == []


def test_cohort_retention(scenario):
    business.roll_cohorts(now=at(3, 1, 0, 30))
    rows = cohorts(Range(date(2026, 1, 1), date(2026, 3, 1)))
    # Paid membership began in January for G, C, D, A and E; at the end of January C had gone,
    # at the end of February E too; on March 1 the other three still pay.
    assert [(r["month"], r["size"], r["retained"]) for r in rows] == [(date(2026, 1, 1), 5, [4, 3, 3])]
    assert rows[0]["rates"] == [0.8, 0.6, 0.6]


def test_monthly_member_rows(scenario, report):
    report(JANUARY[0], FEBRUARY[1])
    months = members(Range(date(2026, 1, 1), date(2026, 2, 28)))["months"]
    assert [(m["joined"], m["new_paying"], m["churned"], m["paying_end"]) for m in months] == [
        (6, 5, 1, 4),
        (0, 0, 1, 3),
    ]
    assert months[1]["churn_rate"] == 0.25  # 1 of the 4 paying at the start of February


def test_rolling_a_day_again_changes_nothing(scenario, report):
    report(*JANUARY)
    before = sorted(DailyMetric.objects.values_list("day", "metric", "key", "value"))
    report(*JANUARY)
    assert sorted(DailyMetric.objects.values_list("day", "metric", "key", "value")) == before
    assert len(before) > 50


def test_revenue_changes_are_recorded_once_per_change(scenario):
    """A replayed provider event changes nothing: the MRR history has one row per movement."""
    from masthead.billing.models import RevenueChange

    d = Subscription.objects.get(user__username="d")
    assert list(RevenueChange.objects.filter(subscription=d).values_list("previous_mrr", "mrr")) == [
        (0, 900),
        (900, 2100),
        (2100, 900),
    ]
    run_due(now=at(2, 28, 23, 31))
    assert RevenueChange.objects.filter(subscription=d).count() == 3
