"""A one-use offer code redeemed by parallel checkouts: the use limit holds at completion.

Threads with their own database connections, as tests/events/test_race.py: on PostgreSQL the
offer's row lock serialises completions; on SQLite its IMMEDIATE transactions serialise writers.
"""

import threading

import pytest
from django.db import connections

from masthead.billing.errors import BillingError
from masthead.billing.models import CheckoutSession, Offer, OfferRedemption, Price, Subscription
from masthead.billing.providers.testmode import pay_checkout
from masthead.billing.services import checkout_start

from .conftest import GOOD_CARD

BUYERS = 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_one_use_offer_completes_once_however_many_checkouts_race(demo, django_user_model):
    price = Price.objects.get(plan__slug="individual", interval="month", currency="USD", active=True)
    offer = Offer.objects.create(
        name="Launch", code="ONCE50", kind=Offer.Kind.PERCENT, percent_off=50, max_redemptions=1
    )
    users = [
        django_user_model.objects.create_user(f"racer{i}", f"racer{i}@example.com", None)
        for i in range(BUYERS)
    ]
    # Every checkout starts while the one use is still there: the start-time check lets all in.
    checkouts = [checkout_start(user=user, price=price, offer=offer)[0] for user in users]
    barrier = threading.Barrier(BUYERS)
    outcomes = []

    def complete(checkout):
        try:
            barrier.wait()
            try:
                pay_checkout(checkout=checkout, card_number=GOOD_CARD)
                outcomes.append("paid")
            except BillingError as refusal:
                outcomes.append(refusal.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=complete, args=(c,)) for c in checkouts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["offer_used_up"] * (BUYERS - 1) + ["paid"]
    offer.refresh_from_db()
    assert offer.redemptions == 1 and OfferRedemption.objects.filter(offer=offer).count() == 1
    assert Subscription.objects.filter(offer=offer).count() == 1
    assert (
        CheckoutSession.objects.filter(offer=offer, state="failed", error="offer_used_up").count()
        == BUYERS - 1
    )
