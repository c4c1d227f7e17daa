"""Gift memberships, groups and offers in the revenue figures, from billing's records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.analytics.reports import Range, revenue
from masthead.analytics.rollups import business
from masthead.billing.models import (
    CheckoutSession,
    GiftMembership,
    Group,
    Offer,
    OfferRedemption,
    Payment,
    Plan,
    Subscription,
)

pytestmark = pytest.mark.django_db


def checkout(user, price, when, **fields):
    return CheckoutSession.objects.create(
        user=user,
        email=user.email,
        price=price,
        amount_due=price.amount,
        provider="test",
        created_at=when,
        **fields,
    )


def test_gifts_groups_and_offers_of_a_day(demo, make_member, monthly):
    now = timezone.now()
    buyer, friend = make_member("buyer@example.com"), make_member("friend@example.com")
    plan = Plan.objects.get(slug="individual")
    payment = Payment.objects.create(
        user=buyer,
        description="Gift",
        amount=5000,
        currency="USD",
        state="paid",
        provider="test",
        provider_ref="g1",
        created_at=now,
    )
    GiftMembership.objects.create(
        purchaser=buyer,
        purchaser_email=buyer.email,
        recipient_email=friend.email,
        plan=plan,
        months=6,
        payment=payment,
        checkout=checkout(buyer, monthly, now, kind="gift"),
        state="claimed",
        claimed_by=friend,
        claimed_at=now,
        created_at=now,
    )
    team_price = Plan.objects.get(slug="team").prices.get(interval="month", currency="USD", active=True)
    sub = Subscription.objects.create(
        user=buyer,
        plan=team_price.plan,
        price=team_price,
        quantity=5,
        status="active",
        provider="test",
        provider_ref="t1",
        started_at=now,
    )
    Group.objects.create(name="Acme", owner=buyer, subscription=sub, created_at=now)
    offer = Offer.objects.create(name="Spring", code="SPRING", kind="percent", percent_off=20)
    for user in (buyer, friend):
        OfferRedemption.objects.create(
            offer=offer, user=user, checkout=checkout(user, monthly, now), created_at=now
        )
    OfferRedemption.objects.create(
        offer=offer, user=friend, checkout=checkout(friend, monthly, now), created_at=now - timedelta(days=40)
    )
    today = timezone.localdate(now)
    business.roll_day(today, now=now)
    figures = revenue(Range(today, today))
    assert (figures["gifts_bought"], figures["gifts_revenue"], figures["gifts_claimed"]) == (
        {"USD": 1},
        {"USD": 5000},
        1,
    )
    assert (figures["groups_created"], figures["group_seats"]) == (1, 5)
    assert figures["offers_redeemed"] == {"SPRING": 2}
