"""Newsletter and event figures, rolled up from their records and checked by hand."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.analytics.reports import Range, events, newsletters
from masthead.analytics.rollups import content as rollups
from masthead.events.models import EventPage, Order, Ticket, TicketType
from masthead.newsletters.models import Delivery, Issue, Newsletter, Subscriber, Subscription, Suppression

pytestmark = pytest.mark.django_db


def letter(name, *, tracked):
    return Newsletter.objects.create(
        name=name,
        slug=name.lower(),
        sender_name="Desk",
        sender_email="desk@example.com",
        track_engagement=tracked,
    )


def test_sends_delivery_bounces_unsubscribes_and_opens_where_tracked(demo):
    now = timezone.now()
    tracked, untracked = letter("Tracked", tracked=True), letter("Quiet", tracked=False)
    people = [Subscriber.objects.create(email=f"s{i}@example.com", created_at=now) for i in range(5)]
    for subscriber in people:
        Subscription.objects.create(subscriber=subscriber, newsletter=tracked, started_at=now)
    Subscription.objects.filter(subscriber=people[0]).update(ended_at=now)
    Subscription.objects.create(subscriber=people[0], newsletter=untracked, started_at=now)
    one = Issue.objects.create(newsletter=tracked, subject="One", status="sent", started_at=now)
    two = Issue.objects.create(newsletter=untracked, subject="Two", status="sent", started_at=now)
    states = ["sent", "sent", "sent", "failed", "pending"]
    for subscriber, state in zip(people, states, strict=True):
        Delivery.objects.create(issue=one, subscriber=subscriber, state=state)
    Delivery.objects.filter(issue=one, subscriber__in=people[:2]).update(opened_at=now)
    Delivery.objects.filter(issue=one, subscriber=people[0]).update(clicked_at=now)
    Delivery.objects.create(issue=two, subscriber=people[0], state="sent", opened_at=now)
    Suppression.objects.create(email="s3@example.com", reason="bounced", created_at=now)
    Suppression.objects.create(email="x@example.com", reason="complained", created_at=now)

    today = timezone.localdate(now)
    rollups.roll_funnel_day(today)
    rollups.roll_newsletters(now=now)
    data = newsletters(Range(today, today))
    issues = {row["subject"]: row for row in data["issues"]}
    assert {k: issues["One"][k] for k in ("planned", "sent", "failed", "opened", "clicked")} == {
        "planned": 5,
        "sent": 3,
        "failed": 1,
        "opened": 2,
        "clicked": 1,
    }
    assert issues["One"]["open_rate"] == round(2 / 3, 4)
    # Tracking off: opens recorded by accident are not reported as if they were measured.
    assert (issues["Two"]["sent"], issues["Two"]["opened"], issues["Two"]["open_rate"]) == (1, None, None)
    assert (data["sent"], data["failed"], data["bounced"], data["complained"]) == (4, 1, 1, 1)
    assert (data["subscribed"], data["unsubscribed"]) == (6, 1)


def test_tickets_revenue_member_share_and_check_ins(demo):
    now = timezone.now()
    event = EventPage.objects.get(slug="ai-summit")
    ticket_type = TicketType.objects.filter(event=event).first()

    def order(quantity, total, *, member, state="paid", checked=0):
        made = Order.objects.create(
            event=event,
            ticket_type=ticket_type,
            email="buyer@example.com",
            quantity=quantity,
            unit_price=total // quantity,
            public_unit_price=total // quantity,
            total=total,
            currency="USD",
            member_price=member,
            state=state,
            hold_expires_at=now + timedelta(minutes=15),
            created_at=now,
            paid_at=now if state == "paid" else None,
        )
        for position in range(quantity if state == "paid" else 0):
            Ticket.objects.create(
                order=made,
                event=event,
                ticket_type=ticket_type,
                position=position,
                attendee_name="A",
                attendee_email="a@example.com",
                created_at=now,
                state="checked_in" if position < checked else "valid",
            )

    order(2, 20000, member=False, checked=1)
    order(1, 8000, member=True, checked=1)
    order(1, 8000, member=True)
    order(3, 30000, member=False, state="expired")
    rollups.roll_events(now=now)
    day = timezone.localdate(event.starts_at)
    data = events(Range(day, day))
    row = next(r for r in data["events"] if r["id"] == event.pk)
    assert (row["tickets"], row["member_tickets"], row["member_share"]) == (4, 2, 0.5)
    assert row["revenue"] == {"USD": 36000}
    assert (row["issued"], row["checked_in"], row["checkin_rate"]) == (4, 2, 0.5)
