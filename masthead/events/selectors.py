"""Reads: availability, listings and what an event page shows. No state changes here."""

from django.db.models import Count, Q, Sum
from django.utils import timezone

# What the event pages show is read with the page models (models.py, which cannot import this
# module); those reads are part of this module's API all the same.
from .models import (  # noqa: F401
    FEW_LEFT,
    EventPage,
    Order,
    Ticket,
    TicketOffer,
    TicketType,
    WaitlistEntry,
    availability_step,
    availability_steps,
    available_by_type,
    buyer_is_member,
    event_page_context,
    listing,
    my_event_tickets,
    taken_by_type,
    ticket_offers,
)


def live_upcoming_events(now=None):
    now = now or timezone.now()
    return EventPage.objects.live().filter(ends_at__gt=now).order_by("starts_at")


def sales_figures(event, now=None):
    """Per ticket type: sold, checked in, held, left, revenue (minor units); and totals."""
    now = now or timezone.now()
    types = list(TicketType.objects.filter(event=event))
    left = available_by_type(event, types, now)
    sold = dict(
        Ticket.objects.filter(event=event)
        .exclude(state=Ticket.State.CANCELED)
        .values_list("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    checked = dict(
        Ticket.objects.filter(event=event, state=Ticket.State.CHECKED_IN)
        .values_list("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    revenue = dict(
        Order.objects.filter(event=event, state=Order.State.PAID)
        .values_list("ticket_type_id")
        .annotate(n=Sum("total"))
    )
    waiting = dict(
        WaitlistEntry.objects.filter(event=event, state=WaitlistEntry.State.WAITING)
        .values_list("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    rows = [
        {
            "ticket_type": tt,
            "sold": sold.get(tt.pk, 0),
            "checked_in": checked.get(tt.pk, 0),
            "left": left[tt.pk],
            "revenue": revenue.get(tt.pk, 0),
            "waiting": waiting.get(tt.pk, 0),
        }
        for tt in types
    ]
    totals = {key: sum(r[key] for r in rows) for key in ("sold", "checked_in", "revenue", "waiting")}
    currencies = {tt.currency for tt in types if tt.price}
    totals["currency"] = currencies.pop() if len(currencies) == 1 else ""
    return rows, totals


# --- For reports (the analytics app) ------------------------------------------------------------


def event_sales(starts_from, starts_until):
    """Per event starting in [starts_from, starts_until): tickets sold (paid orders), at member
    prices, revenue per currency, and tickets checked in. Free RSVPs count as tickets, not revenue."""
    events = list(
        EventPage.objects.filter(starts_at__gte=starts_from, starts_at__lt=starts_until).values(
            "id", "title", "starts_at"
        )
    )
    ids = [e["id"] for e in events]
    paid = Order.objects.filter(event_id__in=ids, state=Order.State.PAID)
    sold = {
        row["event_id"]: row
        for row in paid.values("event_id").annotate(
            tickets=Sum("quantity"), member_tickets=Sum("quantity", filter=Q(member_price=True))
        )
    }
    revenue = {}
    for row in paid.values("event_id", "currency").annotate(total=Sum("total")):
        revenue.setdefault(row["event_id"], {})[row["currency"]] = row["total"] or 0
    checked = {
        row["event_id"]: row
        for row in Ticket.objects.filter(event_id__in=ids)
        .exclude(state=Ticket.State.CANCELED)
        .values("event_id")
        .annotate(issued=Count("id"), checked_in=Count("id", filter=Q(state=Ticket.State.CHECKED_IN)))
    }
    return [
        {
            **event,
            "tickets": (sold.get(event["id"]) or {}).get("tickets") or 0,
            "member_tickets": (sold.get(event["id"]) or {}).get("member_tickets") or 0,
            "revenue": revenue.get(event["id"], {}),
            "issued": (checked.get(event["id"]) or {}).get("issued") or 0,
            "checked_in": (checked.get(event["id"]) or {}).get("checked_in") or 0,
        }
        for event in events
    ]
