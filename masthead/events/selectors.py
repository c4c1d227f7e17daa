"""Reads: availability, listings and what an event page shows. No state changes here."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from masthead.access.readers import load_reader

from .models import EventPage, Order, Ticket, TicketType, WaitlistEntry
from .pricing import quote, sale_phase, terms_for

# Fewer tickets left than this (or 10 % of the type, if more) shows as "few left". The page
# shows availability only in these coarse steps, so a sale changes the cached anonymous page
# only when a step changes (services._invalidate_if_changed).
FEW_LEFT = 5


def buyer_is_member(user, now):
    """Whether the buyer gets member benefits: a paying member, as the access app decides."""
    if user is None or not user.is_authenticated:
        return False

    return load_reader(user, now).is_paying(now)


def taken_by_type(event_id, now):
    """{ticket_type_id: tickets sold + held by unexpired orders + held by unexpired waitlist offers}.
    Exact only under services' lock on the event's ticket types; a hint anywhere else."""
    taken = {}
    sold = (
        Ticket.objects.filter(event_id=event_id)
        .exclude(state=Ticket.State.CANCELED)
        .values("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    held = (
        Order.objects.filter(event_id=event_id, state=Order.State.PENDING, hold_expires_at__gt=now)
        .values("ticket_type_id")
        .annotate(n=Sum("quantity"))
    )
    offered = (
        WaitlistEntry.objects.filter(
            event_id=event_id, state=WaitlistEntry.State.OFFERED, offer_expires_at__gt=now
        )
        .values("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    for rows in (sold, held, offered):
        for row in rows:
            taken[row["ticket_type_id"]] = taken.get(row["ticket_type_id"], 0) + (row["n"] or 0)
    return taken


def available_by_type(event, ticket_types, now):
    """{ticket_type_id: how many more may be sold}, honouring the event's overall capacity."""
    taken = taken_by_type(event.pk, now)
    left_overall = None
    if event.capacity is not None:
        left_overall = max(0, event.capacity - sum(taken.values()))
    result = {}
    for tt in ticket_types:
        left = max(0, tt.quantity - taken.get(tt.pk, 0))
        result[tt.pk] = left if left_overall is None else min(left, left_overall)
    return result


def availability_step(left, quantity):
    if left <= 0:
        return "sold_out"
    if left <= max(FEW_LEFT, quantity // 10):
        return "few"
    return "available"


def availability_steps(event, now):
    types = list(TicketType.objects.filter(event=event))
    left = available_by_type(event, types, now)
    return {tt.pk: availability_step(left[tt.pk], tt.quantity) for tt in types}


@dataclass
class TicketOffer:
    """A ticket type as the event page shows it to one reader (anonymous: a non-member)."""

    ticket_type: TicketType
    quote: object
    phase: str
    step: str
    member_quote: object  # what a paying member would pay now

    @property
    def is_free(self):
        return self.ticket_type.price == 0


def ticket_offers(event, *, member, now):
    types = list(event.ticket_types.all())
    left = available_by_type(event, types, now)
    offers = []
    for tt in types:
        terms = terms_for(tt, event)
        offers.append(
            TicketOffer(
                ticket_type=tt,
                quote=quote(terms, member=member, now=now),
                phase=sale_phase(terms, now=now),
                step=availability_step(left[tt.pk], tt.quantity),
                member_quote=quote(terms, member=True, now=now),
            )
        )
    return offers


def event_page_context(event, request):
    """The event page: the same for every anonymous reader (cacheable); for a signed-in reader
    also their membership benefits, their tickets and the join link (the response is private)."""
    now = timezone.now()
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    member = buyer_is_member(user, now) if signed_in else False
    my_tickets = list(my_event_tickets(user, event)) if signed_in else []
    waiting = (
        set(
            WaitlistEntry.objects.filter(
                event=event, user=user, state__in=[WaitlistEntry.State.WAITING, WaitlistEntry.State.OFFERED]
            ).values_list("ticket_type_id", flat=True)
        )
        if signed_in
        else set()
    )
    return {
        "now": now,
        "is_member": member,
        "signed_in": signed_in,
        "offers": ticket_offers(event, member=member, now=now),
        "my_tickets": my_tickets,
        # The join link is for ticket holders only: never in an anonymous (shared) page.
        "show_join_link": bool(event.is_online and my_tickets),
        "waiting_for": waiting,
        "is_past": event.ends_at <= now,
        "speakers": list(event.speakers.select_related("author")),
        "agenda": list(event.agenda_items.all()),
    }


def my_event_tickets(user, event=None):
    """Valid tickets a member bought or that were issued to their address."""
    tickets = Ticket.objects.filter(Q(order__user=user) | Q(attendee_email__iexact=user.email)).exclude(
        state=Ticket.State.CANCELED
    )
    if event is not None:
        tickets = tickets.filter(event=event)
    return tickets.select_related("event", "ticket_type", "order").order_by("event__starts_at", "pk")


def listing(index):
    now = timezone.now()
    events = EventPage.objects.live().child_of(index).select_related("cover_image")
    return {
        "upcoming": list(events.filter(ends_at__gt=now).order_by("starts_at")),
        "past": list(events.filter(ends_at__lte=now).order_by("-starts_at")[:30]),
    }


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
