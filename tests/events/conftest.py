"""Fixtures for events: the demo events, members who pay and who don't, buying through services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.events.models import EventPage, TicketType
from tests import factories

GOOD_CARD = "4242 4242 4242 4242"
DECLINED_CARD = "4000 0000 0000 0002"


@pytest.fixture
def make_member(db):
    """make_member(email): a member with that verified address (tests/factories.py)."""

    def make(email="reader@example.com"):
        return factories.make_member(email=email)

    return make


@pytest.fixture
def reader(make_member):
    return make_member("reader@example.com")


@pytest.fixture
def paying(make_member):
    """A paying member: a premium grant from the access app, as billing would create."""
    from masthead.access.services import grant_create

    user = make_member("paying@example.com")
    grant_create(
        user=user, level="premium", source="complimentary", starts_at=timezone.now() - timedelta(days=1)
    )
    return user


@pytest.fixture
def conference(demo):
    return EventPage.objects.get(slug="ai-summit")


@pytest.fixture
def briefing(demo):
    return EventPage.objects.get(slug="chip-policy-briefing")


@pytest.fixture
def general(conference):
    return TicketType.objects.get(event=conference, name="General admission")


@pytest.fixture
def roundtable(conference):
    return TicketType.objects.get(event=conference, name="Members' roundtable")


@pytest.fixture
def small_event(conference):
    """The conference with its general admission on public sale and only 3 tickets."""
    TicketType.objects.filter(event=conference, name="General admission").update(
        quantity=3, sale_starts_at=timezone.now() - timedelta(hours=1)
    )
    return conference


@pytest.fixture
def pay():
    """Pay an order through the test-mode checkout, as a buyer would."""
    from masthead.billing.models import CheckoutSession
    from masthead.billing.providers.testmode import pay_checkout
    from masthead.events import services

    def go(order, *, card=GOOD_CARD, now=None):
        services.order_pay(order=order, now=now)
        order.refresh_from_db()
        checkout = CheckoutSession.objects.get(pk=order.checkout_ref)
        pay_checkout(checkout=checkout, card_number=card, now=now)
        order.refresh_from_db()
        return order

    return go
