"""One-time payments for other apps: the handler runs once when the provider confirms payment."""

import pytest

from masthead.billing import payments
from masthead.billing.errors import BillingError
from masthead.billing.models import CheckoutSession, Payment
from masthead.billing.providers.testmode import pay_checkout

from .conftest import DECLINED_CARD, GOOD_CARD

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_calls():
    calls = []
    payments.register(
        "tests.tickets",
        on_paid=lambda checkout, payment, now: calls.append((checkout.purpose_ref, payment.amount)),
    )
    return calls


def test_a_one_time_payment_reaches_its_app_once(member, paid_calls):
    checkout, url = payments.checkout_start(
        user=member,
        email=member.email,
        amount=4500,
        currency="usd",
        description="2 tickets: AI Summit",
        purpose="tests.tickets",
        purpose_ref="order-7",
        next_url="/events/ai-summit/",
    )
    assert url == f"/membership/checkout/{checkout.pk}/"
    with pytest.raises(BillingError):
        pay_checkout(checkout=checkout, card_number=DECLINED_CARD)
    assert paid_calls == []
    pay_checkout(checkout=checkout, card_number=GOOD_CARD)
    pay_checkout(checkout=checkout, card_number=GOOD_CARD)
    assert paid_calls == [("order-7", 4500)]
    payment = Payment.objects.get(user=member)
    assert (payment.amount, payment.currency, payment.description) == (4500, "USD", "2 tickets: AI Summit")
    assert CheckoutSession.objects.get(pk=checkout.pk).state == "complete"


def test_an_unregistered_purpose_is_refused_up_front(member):
    with pytest.raises(LookupError):
        payments.checkout_start(
            user=member,
            email=member.email,
            amount=100,
            currency="USD",
            description="x",
            purpose="nobody.handles.this",
            purpose_ref="1",
        )
