"""No overselling: buyers racing for the last tickets, on PostgreSQL with real row locks."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from masthead.billing.models import CheckoutSession
from masthead.billing.providers.testmode import pay_checkout
from masthead.events import services
from masthead.events.errors import EventsError
from masthead.events.models import Order, Ticket, TicketType

BUYERS = 16
CAPACITY = 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_buyers_end_with_exactly_the_capacity_sold(demo, django_user_model):
    """Sixteen threads each hold one or two of the last five tickets and pay: exactly five are sold."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises writers")
    from masthead.events.models import EventPage

    event = EventPage.objects.get(slug="ai-summit")
    TicketType.objects.filter(event=event, name="General admission").update(
        quantity=CAPACITY, sale_starts_at=timezone.now() - timedelta(hours=1)
    )
    ticket_type = TicketType.objects.get(event=event, name="General admission")
    users = [
        django_user_model.objects.create_user(f"racer{i}", f"racer{i}@example.com", None)
        for i in range(BUYERS)
    ]
    barrier = threading.Barrier(BUYERS)
    outcomes = []

    def buy(user, quantity):
        try:
            barrier.wait()
            try:
                order = services.order_start(
                    event=event, ticket_type=ticket_type, user=user, quantity=quantity
                )
            except EventsError as refusal:
                outcomes.append(refusal.code)
                return
            services.order_pay(order=order)
            order.refresh_from_db()
            pay_checkout(
                checkout=CheckoutSession.objects.get(pk=order.checkout_ref), card_number="4242424242424242"
            )
            outcomes.append("bought")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=buy, args=(u, 1 + i % 2)) for i, u in enumerate(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Ticket.objects.filter(ticket_type=ticket_type).count() == CAPACITY
    paid = Order.objects.filter(ticket_type=ticket_type, state="paid")
    assert sum(o.quantity for o in paid) == CAPACITY
    assert outcomes.count("bought") == paid.count()
    assert set(outcomes) <= {"bought", "sold_out", "not_enough_left"}
