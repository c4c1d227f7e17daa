"""Orders, tickets, holds, the waitlist, cancellation and check-in, through the services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from masthead.billing.models import Payment
from masthead.core.models import AuditEntry
from masthead.events import services
from masthead.events.errors import EventsError
from masthead.events.models import Order, PromoCode, Ticket, WaitlistEntry
from masthead.events.selectors import available_by_type

pytestmark = pytest.mark.django_db


def left(ticket_type, now=None):
    return available_by_type(ticket_type.event, [ticket_type], now or timezone.now())[ticket_type.pk]


def test_a_paying_member_buys_in_the_presale_at_the_member_price(
    conference, general, paying, pay, django_capture_on_commit_callbacks
):
    order = services.order_start(event=conference, ticket_type=general, user=paying, quantity=2)
    assert (
        order.state == "pending" and order.member_price and order.unit_price == 12000 and order.total == 24000
    )
    services.order_set_attendees(
        order=order, attendees=[("Ada Paying", "paying@example.com"), ("Bo Guest", "bo@example.com")]
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        order = pay(order)
    assert order.state == "paid" and order.payment.amount == 24000
    tickets = list(order.tickets.all())
    assert [t.attendee_name for t in tickets] == ["Ada Paying", "Bo Guest"]
    assert len({t.code for t in tickets}) == 2
    (message,) = [m for m in mail.outbox if "Your tickets" in m.subject]
    names = [a[0] for a in message.attachments]
    assert names == [f"ticket-{t.code}.png" for t in tickets] + ["event.ics"]
    assert message.attachments[0][1][:8] == b"\x89PNG\r\n\x1a\n"
    assert "BEGIN:VEVENT" in str(message.attachments[-1][1])
    assert AuditEntry.objects.filter(code="events.order.paid", target_id=str(order.pk)).count() == 1


def test_paying_twice_issues_the_tickets_once(conference, general, paying, pay):
    order = pay(services.order_start(event=conference, ticket_type=general, user=paying, quantity=1))
    services.order_paid(order_id=order.pk, payment=order.payment)
    assert Ticket.objects.filter(order=order).count() == 1


def test_a_non_member_is_refused_during_the_presale_and_for_members_only_tickets(
    conference, general, roundtable, reader
):
    with pytest.raises(EventsError) as refusal:
        services.order_start(event=conference, ticket_type=general, user=reader, quantity=1)
    assert refusal.value.code == "members_presale"
    assert "presale" in refusal.value.message
    with pytest.raises(EventsError) as refusal:
        services.order_start(event=conference, ticket_type=roundtable, user=reader, quantity=1)
    assert refusal.value.code == "members_only"


def test_not_yet_on_sale_over_limit_and_codes(conference, general, paying):
    later = timezone.now() - timedelta(days=30)
    with pytest.raises(EventsError, match="not on sale yet"):
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=1, now=later)
    with pytest.raises(EventsError, match="at most 4"):
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=5)
    with pytest.raises(EventsError, match="don't know that promo code"):
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=1, code="NOPE")
    PromoCode.objects.create(
        event=conference, code="OLD", value=50, expires_at=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(EventsError, match="expired"):
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=1, code="old")
    PromoCode.objects.create(
        event=conference, code="TWO", value=50, max_uses=2, combinable_with_member_price=True
    )
    order = services.order_start(event=conference, ticket_type=general, user=paying, quantity=2, code=" two ")
    assert order.unit_price == 6000  # 150 → member 120 → code 50 % → 60
    with pytest.raises(EventsError, match="fully used"):
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=1, code="TWO")


def test_sold_out_then_an_abandoned_hold_frees_its_tickets(small_event, general, make_member):
    a, b = make_member("a@example.com"), make_member("b@example.com")
    now = timezone.now()
    held = services.order_start(event=small_event, ticket_type=general, user=a, quantity=3, now=now)
    assert left(general, now) == 0
    with pytest.raises(EventsError, match="Sold out"):
        services.order_start(event=small_event, ticket_type=general, user=b, quantity=1, now=now)
    later = now + timedelta(minutes=services.HOLD_MINUTES, seconds=1)
    # Time alone frees the hold, before the periodic job has run…
    assert left(general, later) == 3
    services.order_start(event=small_event, ticket_type=general, user=b, quantity=2, now=later)
    # …and the job marks it expired; running it twice changes nothing more.
    services.expire_holds(now=later)
    services.expire_holds(now=later)
    held.refresh_from_db()
    assert held.state == "expired"
    with pytest.raises(EventsError, match="no longer awaiting payment"):
        services.order_pay(order=held, now=later)


def test_a_payment_after_the_hold_expired_is_refunded_if_the_tickets_were_sold(
    small_event, general, make_member, pay, django_capture_on_commit_callbacks
):
    a, b = make_member("a@example.com"), make_member("b@example.com")
    now = timezone.now()
    slow = services.order_start(event=small_event, ticket_type=general, user=a, quantity=3, now=now)
    services.order_pay(order=slow, now=now)
    later = now + timedelta(minutes=20)
    pay(
        services.order_start(event=small_event, ticket_type=general, user=b, quantity=3, now=later), now=later
    )
    from masthead.billing.models import CheckoutSession
    from masthead.billing.providers.testmode import pay_checkout

    slow.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        pay_checkout(
            checkout=CheckoutSession.objects.get(pk=slow.checkout_ref),
            card_number="4242424242424242",
            now=later,
        )
    slow.refresh_from_db()
    assert slow.state == "refunded" and not slow.tickets.exists()
    assert Payment.objects.filter(provider_ref=slow.payment.provider_ref, state="refunded").count() == 1
    assert Ticket.objects.filter(ticket_type=general).count() == 3


def test_a_declined_card_issues_nothing(conference, general, paying, pay):
    from masthead.billing.errors import BillingError

    order = services.order_start(event=conference, ticket_type=general, user=paying, quantity=1)
    with pytest.raises(BillingError):
        pay(order, card="4000 0000 0000 0002")
    order.refresh_from_db()
    assert order.state == "pending" and not order.tickets.exists()


def test_free_rsvp_confirms_without_payment(briefing, reader):
    tt = briefing.ticket_types.get()
    order = services.order_start(event=briefing, ticket_type=tt, user=reader, quantity=1)
    services.order_set_attendees(order=order, attendees=[("Rea Der", "reader@example.com")])
    services.order_pay(order=order)
    order.refresh_from_db()
    assert order.state == "paid" and order.total == 0 and order.payment is None and order.tickets.count() == 1


def test_staff_cancel_refunds_through_the_provider_and_offers_the_waitlist(
    small_event, general, make_member, staff_user, pay, django_capture_on_commit_callbacks
):
    buyer, waiting, later_one = (
        make_member("buyer@example.com"),
        make_member("w1@example.com"),
        make_member("w2@example.com"),
    )
    order = pay(services.order_start(event=small_event, ticket_type=general, user=buyer, quantity=3))
    first = services.waitlist_join(ticket_type=general, user=waiting)
    services.waitlist_join(ticket_type=general, user=later_one)
    with pytest.raises(EventsError, match="already on the waitlist"):
        services.waitlist_join(ticket_type=general, user=waiting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.order_cancel(order=order, actor=staff_user, refund=True)
    order.refresh_from_db()
    assert order.state == "refunded"
    assert set(order.tickets.values_list("state", flat=True)) == {"canceled"}
    assert Payment.objects.filter(provider_ref=order.payment.provider_ref, state="refunded").exists()
    assert AuditEntry.objects.filter(code="events.order.canceled", actor=staff_user).exists()
    # Three tickets freed, two people waiting: both are offered one, in order, and the third is free.
    offered = list(WaitlistEntry.objects.filter(state="offered").order_by("created_at"))
    assert [e.email for e in offered] == ["w1@example.com", "w2@example.com"]
    assert left(general) == 1
    assert any("freed up" in m.body and m.to == ["w1@example.com"] for m in mail.outbox)
    # The offered person buys with their token even if the public takes the free ticket.
    services.order_start(
        event=small_event, ticket_type=general, user=make_member("x@example.com"), quantity=1
    )
    assert left(general) == 0
    mine = services.order_start(
        event=small_event, ticket_type=general, user=waiting, quantity=1, offer_token=first.token
    )
    assert mine.waitlist_entry_id == first.pk
    with pytest.raises(EventsError):
        services.order_cancel(order=order, actor=staff_user)


def test_a_lapsed_offer_goes_to_the_next_person(small_event, general, make_member, staff_user, pay):
    order = pay(
        services.order_start(
            event=small_event, ticket_type=general, user=make_member("b@example.com"), quantity=3
        )
    )
    services.waitlist_join(ticket_type=general, user=make_member("w1@example.com"))
    now = timezone.now()
    # Fill again so only one seat frees when we cancel one order of one ticket.
    services.order_cancel(order=order, actor=staff_user, now=now)
    services.waitlist_join(ticket_type=general, user=make_member("w2@example.com"), now=now) if left(
        general, now
    ) == 0 else None
    later = now + timedelta(hours=services.OFFER_HOURS, minutes=1)
    services.expire_holds(now=later)
    states = dict(WaitlistEntry.objects.values_list("email", "state"))
    assert states["w1@example.com"] == "lapsed"


def test_check_in_once_and_refuse_forged_reused_and_foreign_codes(
    conference, briefing, general, paying, staff_user, pay
):
    order = pay(services.order_start(event=conference, ticket_type=general, user=paying, quantity=1))
    ticket = order.tickets.get()
    checked = services.ticket_check_in(event=conference, code=ticket.code.lower(), actor=staff_user)
    assert checked.state == "checked_in" and checked.checked_in_by == staff_user
    with pytest.raises(EventsError, match="Already checked in"):
        services.ticket_check_in(event=conference, code=ticket.code, actor=staff_user)
    with pytest.raises(EventsError, match="No ticket has this code"):
        services.ticket_check_in(event=conference, code="ABCDEFGHJK", actor=staff_user)
    with pytest.raises(EventsError, match="another event"):
        services.ticket_check_in(event=briefing, code=ticket.code, actor=staff_user)


def test_holds_lock_the_ticket_types_for_update(conference, general, paying, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=1)
    if connection.vendor == "postgresql":
        assert any(
            "FOR UPDATE" in q["sql"] and "events_tickettype" in q["sql"] for q in queries.captured_queries
        )
    with django_assert_max_num_queries(25):
        services.order_start(event=conference, ticket_type=general, user=paying, quantity=1)


def test_erasing_a_member_keeps_orders_and_drops_the_waitlist(small_event, general, make_member, pay):
    from masthead.events.privacy import erase_member, export_member

    user = make_member("gone@example.com")
    pay(services.order_start(event=small_event, ticket_type=general, user=user, quantity=3))
    other = make_member("w@example.com")
    services.waitlist_join(ticket_type=general, user=other)
    assert export_member(user)["orders"][0]["tickets"]
    erase_member(other, now=timezone.now())
    assert not WaitlistEntry.objects.filter(user=other).exists()
    assert Order.objects.filter(user=user).count() == 1


def test_a_second_paid_checkout_for_the_same_order_is_refunded(
    conference, general, paying, pay, django_capture_on_commit_callbacks
):
    from masthead.billing.models import CheckoutSession
    from masthead.billing.providers.testmode import pay_checkout

    order = services.order_start(event=conference, ticket_type=general, user=paying, quantity=1)
    services.order_pay(order=order)
    order.refresh_from_db()
    first = CheckoutSession.objects.get(pk=order.checkout_ref)
    with django_capture_on_commit_callbacks(execute=True):
        order = pay(order)  # a second tab opened its own checkout and paid it
        pay_checkout(checkout=first, card_number="4242424242424242")
    order.refresh_from_db()
    assert order.tickets.count() == 1
    paid = Payment.objects.filter(user=paying, state="paid").exclude(pk=order.payment_id).get()
    assert Payment.objects.filter(provider_ref=paid.provider_ref, state="refunded").exists()


def test_the_periodic_job_and_the_demo_are_safe_to_run_twice(demo, conference):
    from masthead.events.demo import load_events_demo
    from masthead.events.tasks import expire_holds

    expire_holds.call()
    expire_holds.call()
    assert load_events_demo(demo.home) == 0


def test_selling_out_drops_cached_anonymous_pages_but_an_ordinary_sale_does_not(
    small_event, general, make_member, conference
):
    from masthead.core.cachetags import generation

    def gen():
        generation.forget()  # re-read now, not after the per-process second
        return generation.get()

    start = gen()
    # 3 left is already "few": one sale keeps the step, so the cached page stays.
    services.order_start(
        event=small_event, ticket_type=general, user=make_member("a@example.com"), quantity=1
    )
    assert gen() == start
    services.order_start(
        event=small_event, ticket_type=general, user=make_member("b@example.com"), quantity=2
    )
    assert gen() != start


def count_queries(fn):
    """Queries `fn` runs. (CaptureQueriesContext sees none across a test-client request here:
    the request_started signal resets the log it slices.)"""
    from django.db import connection

    seen = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        fn()
    return len(seen)


def test_the_event_page_has_a_fixed_number_of_queries(client, make_member, conference, general):
    from django.test import Client

    client.get(conference.url)  # warm the route and settings caches
    anonymous = count_queries(lambda: client.get(conference.url))
    assert 0 < anonymous <= 12
    member = Client()
    member.force_login(make_member("q@example.com"))
    member.get(conference.url)
    signed_in = count_queries(lambda: member.get(conference.url))
    # More tickets sold or more people waiting cost no more queries.
    for i in range(3):
        services.order_start(
            event=conference,
            ticket_type=general,
            user=make_member(f"m{i}@example.com"),
            quantity=1,
            now=general.sale_starts_at,
        )
    assert count_queries(lambda: client.get(conference.url)) == anonymous
    assert count_queries(lambda: member.get(conference.url)) == signed_in <= 25
