"""Fixtures for billing: demo plans, members, and subscribing through the test-mode provider."""

import pytest
from django.utils import timezone

from masthead.billing.models import Plan, Price
from tests import factories

GOOD_CARD = "4242 4242 4242 4242"
LATER_DECLINED_CARD = "4000 0000 0000 0341"
DECLINED_CARD = "4000 0000 0000 0002"


@pytest.fixture
def make_member(db):
    """make_member(email): a member with that verified address (tests/factories.py)."""

    def make(email="reader@example.com"):
        return factories.make_member(email=email)

    return make


@pytest.fixture
def member(make_member):
    return make_member()


@pytest.fixture
def individual(demo):
    return Plan.objects.get(slug="individual")


@pytest.fixture
def cny_monthly(individual):
    return Price.objects.get(plan=individual, interval="month", currency="CNY", active=True)


@pytest.fixture
def cny_yearly(individual):
    return Price.objects.get(plan=individual, interval="year", currency="CNY", active=True)


@pytest.fixture
def monthly(individual):
    return Price.objects.get(plan=individual, interval="month", currency="USD", active=True)


@pytest.fixture
def yearly(individual):
    return Price.objects.get(plan=individual, interval="year", currency="USD", active=True)


@pytest.fixture
def subscribe():
    """Subscribe through the test-mode checkout, as a reader would."""
    from masthead.billing.models import Subscription
    from masthead.billing.providers.testmode import pay_checkout
    from masthead.billing.services import checkout_start

    def go(user, price, *, card=GOOD_CARD, offer=None, quantity=1, now=None):
        now = now or timezone.now()
        checkout, _url = checkout_start(user=user, price=price, offer=offer, quantity=quantity, now=now)
        pay_checkout(checkout=checkout, card_number=card, now=now)
        return Subscription.objects.get(user=user, status__in=["trialing", "active"])

    return go


def is_paying(user, when):
    from masthead.access.readers import load_reader

    return load_reader(user, when).is_paying(when)
