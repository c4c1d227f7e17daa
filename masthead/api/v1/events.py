"""Events and their orders. Scope `events:read`. Ticket codes are never listed: they admit people."""

from datetime import datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from masthead.events.models import EventPage, Order

from .base import ERRORS, ERRORS_404, DbId, PageMeta, not_found, paginate, require

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    is_online: bool
    venue_name: str
    tickets_sold: int
    paid_orders: int


class EventList(Schema):
    items: list[EventOut]
    meta: PageMeta


class OrderOut(Schema):
    id: str
    state: str
    ticket_type: str
    quantity: int
    total: int
    currency: str
    member_price: bool
    email: str
    member_id: int | None
    paid_at: datetime | None


class OrderList(Schema):
    items: list[OrderOut]
    meta: PageMeta


@router.get("/", response={200: EventList, **ERRORS}, summary="Live events, soonest first")
def list_events(
    request,
    page: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(20, ge=1, le=100),
    upcoming: bool = Query(False, description="Only events that have not ended"),
):
    require(request, "events:read")
    paid = Q(orders__state=Order.State.PAID)
    qs = (
        EventPage.objects.live()
        .annotate(sold=Sum("orders__quantity", filter=paid), paid_orders=Count("orders", filter=paid))
        .order_by("starts_at", "pk")
    )
    if upcoming:
        qs = qs.filter(ends_at__gt=timezone.now())
    rows, meta = paginate(qs, page, limit)
    items = [
        {
            "id": e.pk,
            "title": e.title,
            "slug": e.slug,
            "url": e.full_url,
            "starts_at": e.starts_at,
            "ends_at": e.ends_at,
            "time_zone": e.time_zone,
            "is_online": e.is_online,
            "venue_name": e.venue_name,
            "tickets_sold": e.sold or 0,
            "paid_orders": e.paid_orders,
        }
        for e in rows
    ]
    return {"items": items, "meta": meta}


@router.get("/{event_id}/orders/", response={200: OrderList, **ERRORS_404}, summary="An event's orders")
def list_orders(
    request,
    event_id: DbId,
    page: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(50, ge=1, le=100),
    state: Order.State | None = Query(None),
):
    require(request, "events:read")
    if not EventPage.objects.filter(pk=event_id).exists():
        raise not_found(_("event"))
    qs = Order.objects.filter(event_id=event_id).select_related("ticket_type").order_by("-hold_expires_at")
    if state:
        qs = qs.filter(state=state)
    rows, meta = paginate(qs, page, limit)
    items = [
        {
            "id": str(o.pk),
            "state": o.state,
            "ticket_type": o.ticket_type.name,
            "quantity": o.quantity,
            "total": o.total,
            "currency": o.currency,
            "member_price": o.member_price,
            "email": o.email,
            "member_id": o.user_id,
            "paid_at": o.paid_at,
        }
        for o in rows
    ]
    return {"items": items, "meta": meta}
