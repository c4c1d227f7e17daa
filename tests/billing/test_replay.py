"""Provider events arrive twice, out of order and in parallel. The same set of events, in any order
and with any repeats, must leave the member in the same state as the events in order."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.access.readers import load_reader
from masthead.billing.events import handle_event
from masthead.billing.models import CheckoutSession, Payment, ProviderEvent, Subscription
from masthead.billing.services import checkout_start
from masthead.core.models import AuditEntry

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def scenario(checkout, t0):
    """A year in the life of a membership, as the provider would report it."""
    ref = "tsub_replay"

    def snap(
        version, state, period_start=None, period_end=None, cancel=False, ended=None, past_due_since=None
    ):
        return {
            "subscription": {
                "ref": ref,
                "customer_ref": "tcus",
                "checkout_id": str(checkout.pk),
                "price_ref": str(checkout.price_id),
                "quantity": 1,
                "state": state,
                "cancel_at_period_end": cancel,
                "current_period_start": period_start.isoformat() if period_start else None,
                "current_period_end": period_end.isoformat() if period_end else None,
                "trial_end": (t0 + 14 * DAY).isoformat(),
                "canceled_at": None,
                "ended_at": ended.isoformat() if ended else None,
                "past_due_since": past_due_since.isoformat() if past_due_since else None,
                "version": version,
            }
        }

    def paid(n, start, end):
        return {
            "payment": {
                "ref": f"tin_{n}",
                "subscription_ref": ref,
                "amount": 900,
                "currency": "USD",
                "period_start": start.isoformat(),
                "period_end": end.isoformat(),
                "at": start.isoformat(),
            }
        }

    p1 = (t0 + 14 * DAY, t0 + 44 * DAY)
    p2 = (t0 + 44 * DAY, t0 + 74 * DAY)
    return [
        (
            "e1",
            "checkout.completed",
            {
                "checkout_id": str(checkout.pk),
                "subscription": snap(1, "trialing")["subscription"],
                "payment": None,
            },
        ),
        ("e2", "invoice.paid", paid(1, *p1)),
        ("e3", "subscription.updated", snap(2, "active", *p1)),
        (
            "e4",
            "invoice.payment_failed",
            {
                "payment": {
                    "ref": "tin_2:1",
                    "subscription_ref": ref,
                    "amount": 900,
                    "currency": "USD",
                    "at": p2[0].isoformat(),
                },
                "next_attempt_at": None,
            },
        ),
        ("e5", "subscription.updated", snap(3, "past_due", *p1, past_due_since=p2[0])),
        ("e6", "invoice.paid", paid(2, *p2)),
        ("e7", "subscription.updated", snap(4, "active", *p2)),
        ("e8", "subscription.updated", snap(5, "active", *p2, cancel=True)),
    ]


def member_state(user, now):
    sub = Subscription.objects.get(user=user)
    reader = load_reader(user, now)
    return {
        "status": sub.status,
        "period_end": sub.current_period_end,
        "cancel_at_period_end": sub.cancel_at_period_end,
        "paying_now": reader.is_paying(now),
        "paying_at_period_end": load_reader(user, sub.current_period_end - DAY).is_paying(
            sub.current_period_end - DAY
        ),
        "payments": sorted(Payment.objects.filter(user=user).values_list("provider_ref", "state", "amount")),
        "events": ProviderEvent.objects.filter(provider="test").count(),
    }


def feed(events, now):
    for event_id, event_type, payload in events:
        assert handle_event(
            provider="test", event_id=event_id, event_type=event_type, payload=payload, now=now
        ) in ("processed", "duplicate"), event_id


@pytest.fixture
def replay_setup(member, monthly):
    checkout, _ = checkout_start(user=member, price=monthly)
    t0 = checkout.created_at
    now = t0 + 50 * DAY
    return member, checkout, scenario(checkout, t0), now


class Rollback(Exception):
    pass


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_with_repeats_ends_in_the_same_state(replay_setup, data):
    member, checkout, events, now = replay_setup
    expected = {}
    try:
        with transaction.atomic():
            feed(events, now)
            expected = member_state(member, now)
            raise Rollback
    except Rollback:
        pass
    repeats = data.draw(st.lists(st.sampled_from(events), max_size=8))
    shuffled = data.draw(st.permutations(events + repeats))
    try:
        with transaction.atomic():
            feed(shuffled, now)
            assert member_state(member, now) == expected, [e[0] for e in shuffled]
            raise Rollback
    except Rollback:
        pass
    assert expected["status"] == "canceled" and expected["paying_now"] and len(expected["payments"]) == 3


def test_a_replayed_event_changes_nothing_the_second_time(replay_setup):
    member, checkout, events, now = replay_setup
    feed(events, now)
    audits = AuditEntry.objects.count()
    state = member_state(member, now)
    feed(events, now)
    assert member_state(member, now) == state
    assert AuditEntry.objects.count() == audits


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_parallel_deliveries_of_one_event_change_state_once(demo, make_member):
    """Real concurrency needs PostgreSQL's row locks; SQLite serialises writers, so there it runs
    one after the other (and must still count once)."""
    from masthead.billing.models import Price

    member = make_member("parallel@example.com")
    price = Price.objects.get(plan__slug="individual", interval="month", currency="USD")
    checkout, _ = checkout_start(user=member, price=price)
    events = scenario(checkout, checkout.created_at)
    now = checkout.created_at + 50 * DAY
    feed(events[:1], now)
    barrier = threading.Barrier(2)
    results = []

    def deliver():
        try:
            if connection.vendor == "postgresql":
                barrier.wait()
            results.append(
                handle_event(
                    provider="test", event_id="e2", event_type="invoice.paid", payload=events[1][2], now=now
                )
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for t in threads:
        t.start()
        if connection.vendor != "postgresql":
            t.join()
    for t in threads:
        t.join()
    assert sorted(results) == ["duplicate", "processed"]
    assert Payment.objects.filter(provider_ref="tin_1").count() == 1
    assert AuditEntry.objects.filter(code="billing.payment.paid", member=member).count() == 1
    assert CheckoutSession.objects.get(pk=checkout.pk).state == "complete"
