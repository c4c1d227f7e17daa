"""Thin views: read the request, call a service, show the result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.core import ratelimit
from masthead.core.caching import mark_cacheable, public_for_anonymous
from masthead.core.errors import refusal_to_message
from masthead.core.origin import site_origin

from . import services
from .calendar import event_ics, events_ics
from .errors import EventsError
from .models import EventPage, Order, Ticket, TicketType, WaitlistEntry
from .qr import qr_svg
from .selectors import live_upcoming_events, my_event_tickets

# Holds a member may start in BUY_WINDOW seconds: enough for any real buyer, and a bot cannot
# hold a whole event's tickets from one account.
BUY_LIMIT = 20
BUY_WINDOW = 600


def _private(response):
    return mark_cacheable(response, personal=True)


def _within_limit(key):
    return ratelimit.hit(key, limit=BUY_LIMIT, window=BUY_WINDOW)


def _int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _live_ticket_type(pk):
    ticket_type = get_object_or_404(TicketType.objects.select_related("event"), pk=pk)
    if not ticket_type.event.live:
        raise Http404
    return ticket_type


@require_POST
def buy(request, ticket_type_id):
    ticket_type = _live_ticket_type(ticket_type_id)
    event = ticket_type.event
    if not request.user.is_authenticated:
        messages.info(request, EventsError("sign_in_required").message)
        return redirect(f"{reverse('account_login')}?next={event.url}")
    if request.POST.get("website"):  # the honeypot: people never see it
        return redirect(event.url)
    if not _within_limit(f"events:buy:{request.user.pk}"):
        refusal_to_message(request, EventsError("rate_limited"))
        return redirect(event.url)
    try:
        order = services.order_start(
            event=event,
            ticket_type=ticket_type,
            user=request.user,
            quantity=_int(request.POST.get("quantity"), 1),
            code=request.POST.get("code", "")[:40],
            offer_token=request.POST.get("offer", "")[:60],
        )
    except EventsError as refusal:
        refusal_to_message(request, refusal)
        return redirect(event.url + "#tickets")
    return redirect("events:order", pk=order.pk)


@login_required
def order(request, pk):
    order = get_object_or_404(Order.objects.select_related("event", "ticket_type"), pk=pk, user=request.user)
    now = timezone.now()
    error = None
    if request.method == "POST" and order.state == Order.State.PENDING:
        attendees = [
            (request.POST.get(f"name_{i}", "")[:120], request.POST.get(f"email_{i}", "")[:254])
            for i in range(order.quantity)
        ]
        try:
            services.order_set_attendees(order=order, attendees=attendees)
            return redirect(services.order_pay(order=order, base_url=site_origin(), now=now))
        except EventsError as refusal:
            error = refusal.message
    order.refresh_from_db()
    tickets = list(order.tickets.all()) if order.state == Order.State.PAID else []
    response = render(
        request,
        "events/order.html",
        {
            "order": order,
            "event": order.event,
            "tickets": [(t, qr_svg(t.code, scale=4)) for t in tickets],
            "error": error,
            "hold_live": order.state == Order.State.PENDING and order.hold_expires_at > now,
            "awaiting_payment": order.state == Order.State.PENDING and order.checkout_ref,
            "attendee_rows": [
                (i, (order.attendees[i] if i < len(order.attendees) else {})) for i in range(order.quantity)
            ],
        },
        status=400 if error else 200,
    )
    return _private(response)


@login_required
def ticket(request, code):
    ticket = get_object_or_404(
        Ticket.objects.select_related("event", "order", "ticket_type"), code=code.upper()
    )
    mine = (
        ticket.order.user_id == request.user.pk or ticket.attendee_email.lower() == request.user.email.lower()
    )
    if not (mine or request.user.is_staff):
        raise Http404
    return _private(
        render(
            request,
            "events/ticket.html",
            {"ticket": ticket, "event": ticket.event, "qr": qr_svg(ticket.code)},
        )
    )


@require_POST
def waitlist_join(request, ticket_type_id):
    ticket_type = _live_ticket_type(ticket_type_id)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={ticket_type.event.url}")
    try:
        services.waitlist_join(ticket_type=ticket_type, user=request.user)
        messages.success(request, _("You are on the waitlist. We will email you if a ticket frees up."))
    except EventsError as refusal:
        refusal_to_message(request, refusal)
    return redirect(ticket_type.event.url + "#tickets")


@login_required
def waitlist_offer(request, token):
    entry = get_object_or_404(WaitlistEntry.objects.select_related("event", "ticket_type"), token=token)
    valid = entry.state == WaitlistEntry.State.OFFERED and entry.offer_expires_at > timezone.now()
    return _private(
        render(request, "events/waitlist_offer.html", {"entry": entry, "event": entry.event, "valid": valid})
    )


@public_for_anonymous
def calendar_feed(request):
    body = events_ics(list(live_upcoming_events()[:200]))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


@public_for_anonymous
def event_calendar(request, event_id):
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def account_panel(request):
    """The member's tickets on their account page (core.account_sections)."""
    if not request.user.is_authenticated:
        return None
    tickets = list(my_event_tickets(request.user))
    if not tickets:
        return None
    now = timezone.now()
    return {
        "upcoming": [t for t in tickets if t.event.ends_at > now],
        "past": [t for t in tickets if t.event.ends_at <= now][-10:],
    }
