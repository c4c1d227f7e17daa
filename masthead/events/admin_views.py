"""Staff pages in the Wagtail admin: events with their sales, orders (cancel and refund), the
attendee list as CSV, and the door's check-in page. Thin: services do the changes."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.core.errors import refusal_to_message

from . import services
from .errors import EventsError
from .models import EventPage, Order, Ticket
from .selectors import sales_figures


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def event_list(request):
    """Sales per event for those who see orders; for door staff only the events to check in at."""
    sales = request.user.has_perm("events.view_order")
    if not sales:
        _require(request, "events.change_ticket")
    now = timezone.now()
    events = list(EventPage.objects.order_by("-starts_at")[:100])
    rows = [(event, sales_figures(event, now)[1] if sales else None) for event in events]
    return TemplateResponse(
        request, "events/admin/event_list.html", {"rows": rows, "now": now, "show_sales": sales}
    )


def event_detail(request, pk):
    _require(request, "events.view_order")
    event = get_object_or_404(EventPage, pk=pk)
    rows, totals = sales_figures(event)
    orders = (
        Order.objects.filter(event=event)
        .exclude(state=Order.State.EXPIRED)
        .select_related("ticket_type", "promo_code")
        .order_by("-created_at")[:300]
    )
    return TemplateResponse(
        request,
        "events/admin/event_detail.html",
        {"event": event, "rows": rows, "totals": totals, "orders": orders},
    )


@require_POST
def order_cancel(request, pk):
    _require(request, "events.change_order")
    order = get_object_or_404(Order.objects.select_related("event"), pk=pk)
    try:
        services.order_cancel(
            order=order,
            actor=request.user,
            refund=request.POST.get("refund") == "1",
            reason=request.POST.get("reason", "")[:300],
        )
        messages.success(request, _("Order %(ref)s canceled.") % {"ref": order.reference})
    except EventsError as refusal:
        refusal_to_message(request, refusal)
    return redirect("events_admin_event", pk=order.event_id)


def attendees_csv(request, pk):
    _require(request, "events.view_order")
    event = get_object_or_404(EventPage, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendees-{event.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["code", "attendee", "email", "ticket type", "state", "checked in at", "order", "buyer", "paid"]
    )
    tickets = (
        Ticket.objects.filter(event=event)
        .select_related("ticket_type", "order")
        .order_by("attendee_name", "pk")
    )
    for t in tickets.iterator(chunk_size=500):
        writer.writerow(
            [
                t.code,
                _csv_safe(t.attendee_name),
                _csv_safe(t.attendee_email),
                t.ticket_type.name,
                t.state,
                t.checked_in_at.isoformat() if t.checked_in_at else "",
                t.order.reference,
                _csv_safe(t.order.email),
                f"{t.order.unit_price / 100:.2f} {t.order.currency}",
            ]
        )
    return response


def _csv_safe(value):
    """Names come from buyers: a leading = + - @ would be a formula in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def check_in(request, pk):
    _require(request, "events.change_ticket")
    event = get_object_or_404(EventPage, pk=pk)
    result, status = None, 200
    if request.method == "POST":
        try:
            ticket = services.ticket_check_in(
                event=event, code=request.POST.get("code", ""), actor=request.user
            )
            result = {
                "ok": True,
                "text": _("Welcome, %(name)s (%(type)s).")
                % {"name": ticket.attendee_name, "type": ticket.ticket_type.name},
            }
        except EventsError as refusal:
            result, status = {"ok": False, "text": refusal.message}, refusal.status
    checked = Ticket.objects.filter(event=event, state=Ticket.State.CHECKED_IN).count()
    total = Ticket.objects.filter(event=event).exclude(state=Ticket.State.CANCELED).count()
    return TemplateResponse(
        request,
        "events/admin/check_in.html",
        {"event": event, "result": result, "checked": checked, "total": total},
        status=status,
    )
