"""Every state change on orders, tickets and the waitlist. Views, the admin, billing's payment
handler and the periodic job all call these.

The invariant: for every ticket type, tickets sold (not canceled) + tickets held by pending orders
whose hold has not expired + unexpired waitlist offers <= its quantity (and, summed over the
event, <= the event's capacity). Every function that adds to the left side first locks all the
event's ticket type rows (SELECT … FOR UPDATE, in primary-key order so two buyers never deadlock)
and counts under that lock. Holds expire by time alone: counting ignores an expired hold even
before expire_holds() has marked it, so an abandoned checkout frees its tickets on time.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from masthead.billing import payments
from masthead.billing.errors import BillingError
from masthead.billing.services import refund_payment
from masthead.core.audit import audit
from masthead.core.cachetags import invalidate_on_change
from masthead.core.mail import send_on_commit

from . import signals
from .confirmation import send_confirmation_job
from .errors import EventsError
from .models import EventPage, Order, PromoCode, Ticket, TicketType, WaitlistEntry
from .pricing import promo_terms, quote, terms_for
from .selectors import availability_steps, available_by_type, buyer_is_member

logger = logging.getLogger(__name__)

# How long tickets are held while the buyer pays; an abandoned checkout frees them after this.
HOLD_MINUTES = 15
# How long someone offered a ticket from the waitlist has to buy it.
OFFER_HOURS = 24
PURPOSE = "events.order"


def _lock_ticket_types(event):
    """Lock every ticket type of `event`: the serialisation point for its availability."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ticket types can only be locked inside a transaction")
    return {
        tt.pk: tt for tt in TicketType.objects.select_for_update().filter(event_id=event.pk).order_by("pk")
    }


def _invalidate_if_changed(event, before, now):
    """Anonymous event pages are page-cached and show availability in coarse steps (available,
    few left, sold out); when a step changes, the cached pages go."""
    if availability_steps(event, now) != before:
        invalidate_on_change()


def _promo_used(promo, now):
    """Tickets a promo code is used for: paid orders and unexpired holds."""
    live = Q(state=Order.State.PAID) | Q(state=Order.State.PENDING, hold_expires_at__gt=now)
    return Order.objects.filter(live, promo_code=promo).aggregate(n=Sum("quantity"))["n"] or 0


def _date(value, event):
    return date_format(timezone.localtime(value, event.zone), "DATETIME_FORMAT")


def order_start(*, event, ticket_type, user, quantity, code="", offer_token="", now=None):
    """Hold `quantity` tickets for a signed-in buyer at the price pricing.quote gives them.
    Returns the pending Order; raises EventsError with the reason otherwise."""
    now = now or timezone.now()
    if user is None or not user.is_authenticated:
        raise EventsError("sign_in_required")
    if quantity < 1:
        raise EventsError("quantity_invalid")
    if quantity > ticket_type.max_per_order:
        raise EventsError("over_limit", limit=ticket_type.max_per_order)
    member = buyer_is_member(user, now)  # outside the lock: it reads only the buyer's grants
    with transaction.atomic():
        before = availability_steps(event, now)
        types = _lock_ticket_types(event)
        ticket_type = types.get(ticket_type.pk)
        if ticket_type is None:
            raise EventsError("sale_ended")
        promo = None
        if code.strip():
            promo = (
                PromoCode.objects.select_for_update().filter(event=event, code__iexact=code.strip()).first()
            )
            if promo is None:
                raise EventsError("code_unknown")
        terms = terms_for(ticket_type, event)
        used = _promo_used(promo, now) if promo else 0
        q = quote(terms, member=member, promo=promo_terms(promo, used=used) if promo else None, now=now)
        if not q.ok:
            raise EventsError(q.refusal, date=_date(terms.sale_starts, event))
        if promo and promo.max_uses is not None and promo.max_uses - used < quantity:
            raise EventsError("code_not_enough", left=promo.max_uses - used)
        left = available_by_type(event, types.values(), now)[ticket_type.pk]
        entry = None
        if offer_token:
            entry = (
                WaitlistEntry.objects.select_for_update()
                .filter(
                    token=offer_token,
                    ticket_type=ticket_type,
                    state=WaitlistEntry.State.OFFERED,
                    offer_expires_at__gt=now,
                )
                .first()
            )
            if entry is None:
                raise EventsError("offer_invalid")
            left += 1  # the seat held for this offer is theirs
            if quantity > 1:
                raise EventsError("over_limit", limit=1)
        if left <= 0:
            raise EventsError("sold_out")
        if quantity > left:
            raise EventsError("not_enough_left", left=left)
        order = Order.objects.create(
            event=event,
            ticket_type=ticket_type,
            user=user,
            email=user.email,
            quantity=quantity,
            promo_code=promo,
            unit_price=q.unit_price,
            public_unit_price=q.public_price,
            total=q.unit_price * quantity,
            currency=q.currency,
            member_price=q.member_price_applied,
            hold_expires_at=now + timedelta(minutes=HOLD_MINUTES),
            attendees=[{"name": "", "email": ""} for _ in range(quantity)],
            created_at=now,
        )
        if entry is not None:
            # The offer's seat becomes this order's hold (same count, no gap for a racer).
            entry.state = WaitlistEntry.State.CONVERTED
            entry.save(update_fields=["state"])
            order.waitlist_entry = entry
            order.save(update_fields=["waitlist_entry"])
        _invalidate_if_changed(event, before, now)
    return order


def order_set_attendees(*, order, attendees):
    """Name and address per ticket, given before paying. `attendees`: [(name, email), …]."""
    if order.state != Order.State.PENDING:
        raise EventsError("order_not_pending")
    if len(attendees) != order.quantity or not all(n.strip() and e.strip() for n, e in attendees):
        raise EventsError("attendees_incomplete")
    order.attendees = [{"name": n.strip()[:120], "email": e.strip()[:254]} for n, e in attendees]
    order.save(update_fields=["attendees"])


def order_pay(*, order, base_url="", now=None):
    """Send the buyer to pay, or confirm a free order at once. Returns the URL to go to next."""
    now = now or timezone.now()
    if order.state != Order.State.PENDING:
        raise EventsError("order_not_pending")
    if order.hold_expires_at <= now:
        raise EventsError("hold_expired", minutes=HOLD_MINUTES)
    order_page = reverse("events:order", args=[order.pk])
    if order.total == 0:
        order_paid(order_id=order.pk, payment=None, now=now)
        return order_page

    try:
        checkout, url = payments.checkout_start(
            user=order.user,
            email=order.email,
            amount=order.total,
            currency=order.currency,
            description=f"{order.quantity} × {order.ticket_type.name}: {order.event.title}",
            purpose=PURPOSE,
            purpose_ref=str(order.pk),
            next_url=order_page,
            base_url=base_url,
            now=now,
        )
    except BillingError as error:
        raise EventsError("provider_unavailable") from error
    Order.objects.filter(pk=order.pk).update(checkout_ref=str(checkout.pk))
    return url


def on_payment(*, checkout, payment, now):
    """billing.payments' handler for "events.order": runs once per paid checkout."""
    order_paid(order_id=checkout.purpose_ref, payment=payment, now=now)


def order_paid(*, order_id, payment, now=None):
    """Confirm an order and issue its tickets. Safe to run twice: a paid order is left alone.

    A payment that arrives after the hold expired still gets its tickets if they are free; if
    they were sold meanwhile, the payment is refunded and the buyer told (never oversold)."""
    now = now or timezone.now()
    with transaction.atomic():
        order = Order.objects.select_related("event", "ticket_type").get(pk=order_id)
        event = order.event
        before = availability_steps(event, now)
        types = _lock_ticket_types(event)
        order = (
            Order.objects.select_for_update(of=("self",))
            .select_related("event", "ticket_type", "user")
            .get(pk=order_id)
        )
        if order.state == Order.State.PAID:
            if payment is not None and order.payment_id != payment.pk:
                # A second checkout for the same order (two tabs, a double click) was paid too.
                logger.warning("Second payment for order %s: refunding it", order.pk)
                audit("events.order.duplicate_payment_refunded", member=order.user, target=order, now=now)
                _refund_on_commit(payment)
            return order
        if order.state in (Order.State.CANCELED, Order.State.REFUNDED):
            logger.error("Payment for canceled order %s: refunding", order.pk)
            if payment is not None:
                _refund_on_commit(payment)
            return order
        still_held = order.state == Order.State.PENDING and order.hold_expires_at > now
        if not still_held:
            left = available_by_type(event, types.values(), now)[order.ticket_type_id]
            if left < order.quantity:
                order.state, order.payment, order.canceled_at = Order.State.REFUNDED, payment, now
                order.save(update_fields=["state", "payment", "canceled_at"])
                audit("events.order.late_payment_refunded", member=order.user, target=order, now=now)
                if payment is not None:
                    _refund_on_commit(payment)
                send_on_commit("events/email/late_payment", to=order.email, context={"order": order})
                return order
        order.state, order.payment, order.paid_at = Order.State.PAID, payment, now
        order.save(update_fields=["state", "payment", "paid_at"])
        attendees = order.attendees or []
        tickets = []
        for position in range(order.quantity):
            person = attendees[position] if position < len(attendees) else {}
            tickets.append(
                Ticket.objects.create(
                    order=order,
                    event=event,
                    ticket_type=order.ticket_type,
                    position=position,
                    attendee_name=(person.get("name") or (order.user.get_full_name() if order.user else ""))[
                        :120
                    ]
                    or order.email,
                    attendee_email=person.get("email") or order.email,
                    created_at=now,
                )
            )
        audit(
            "events.order.paid",
            member=order.user,
            target=order,
            now=now,
            total=order.total,
            currency=order.currency,
            tickets=len(tickets),
        )
        _invalidate_if_changed(event, before, now)
        # The worker mails the tickets: a slow mail server never holds up the buyer's request.
        transaction.on_commit(lambda: send_confirmation_job.enqueue(str(order.pk)))
        transaction.on_commit(lambda: signals.order_paid.send(sender=Order, order_id=order.pk))
    return order


def _refund_on_commit(payment):
    def refund():
        try:
            refund_payment(payment=payment, actor=None)
        except Exception:  # noqa: BLE001 - staff see the paid-but-refunded order and can retry
            logger.exception("Could not refund payment %s", payment.pk)

    transaction.on_commit(refund)


def order_cancel(*, order, actor, refund=True, reason="", now=None):
    """Staff cancel a confirmed order: its tickets stop being valid, the payment is refunded
    through the provider (if `refund` and there was one), and freed tickets go to the waitlist.
    The reverse of order_paid()."""
    now = now or timezone.now()
    with transaction.atomic():
        before = availability_steps(order.event, now)
        _lock_ticket_types(order.event)
        order = (
            Order.objects.select_for_update(of=("self",)).select_related("event", "payment").get(pk=order.pk)
        )
        if order.state != Order.State.PAID:
            raise EventsError("not_cancelable")
        refunded = False
        if refund and order.payment is not None and order.payment.state == "paid":
            try:
                # Inside the transaction: if the provider refuses, the order stays confirmed.
                refund_payment(payment=order.payment, actor=actor, now=now)
            except BillingError as error:
                raise EventsError("provider_unavailable") from error
            refunded = True
        order.state = Order.State.REFUNDED if refunded else Order.State.CANCELED
        order.canceled_at = now
        order.save(update_fields=["state", "canceled_at"])
        order.tickets.update(state=Ticket.State.CANCELED)
        audit(
            "events.order.canceled",
            actor=actor,
            member=order.user,
            target=order,
            reason=reason,
            now=now,
            refunded=refunded,
            total=order.total if refunded else 0,
        )
        send_on_commit(
            "events/email/canceled", to=order.email, context={"order": order, "refunded": refunded}
        )
        waitlist_offer_next(event=order.event, now=now)
        _invalidate_if_changed(order.event, before, now)
    return order


def ticket_check_in(*, event, code, actor, now=None):
    """Mark a ticket used at the door. Refuses unknown codes, other events' tickets, canceled
    tickets and second check-ins, each with its own message. Returns the ticket."""
    now = now or timezone.now()
    code = "".join(code.split()).upper()[:40]
    refusal = None
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(of=("self",)).select_related("event").filter(code=code).first()
        )
        if ticket is None:
            refusal = EventsError("code_not_found")
        elif ticket.event_id != event.pk:
            refusal = EventsError("wrong_event", event=ticket.event.title)
        elif ticket.state == Ticket.State.CANCELED:
            refusal = EventsError("ticket_canceled")
        elif ticket.state == Ticket.State.CHECKED_IN:
            refusal = EventsError("already_checked_in", time=_date(ticket.checked_in_at, event))
        else:
            ticket.state, ticket.checked_in_at, ticket.checked_in_by = Ticket.State.CHECKED_IN, now, actor
            ticket.save(update_fields=["state", "checked_in_at", "checked_in_by"])
            audit("events.ticket.checked_in", actor=actor, target=ticket, now=now, event=event.pk)
    if refusal is not None:
        # Refusals are recorded too: a forged or shared code shows up in the audit log.
        audit(
            "events.ticket.check_in_refused",
            actor=actor,
            target=event,
            now=now,
            ticket_code=code,
            why=refusal.code,
        )
        raise refusal
    return ticket


# --- Waitlist -----------------------------------------------------------------------------------


def waitlist_join(*, ticket_type, user, now=None):
    now = now or timezone.now()
    if user is None or not user.is_authenticated:
        raise EventsError("sign_in_required")
    event = ticket_type.event
    left = available_by_type(event, [ticket_type], now)[ticket_type.pk]
    if left > 0:
        raise EventsError("waitlist_not_sold_out")
    if WaitlistEntry.objects.filter(
        ticket_type=ticket_type, email__iexact=user.email, state__in=["waiting", "offered"]
    ).exists():
        raise EventsError("waitlist_already")

    try:
        with transaction.atomic():
            return WaitlistEntry.objects.create(
                ticket_type=ticket_type, event=event, user=user, email=user.email.lower(), created_at=now
            )
    except IntegrityError as error:  # a double click: the unique constraint keeps one entry
        raise EventsError("waitlist_already") from error


def waitlist_offer_next(*, event, now=None):
    """Offer freed tickets to waiting people, first come first served, one ticket each. Call it
    inside a transaction after tickets free up; it locks the ticket types itself."""
    now = now or timezone.now()
    with transaction.atomic():
        types = _lock_ticket_types(event)
        offered = []
        left = available_by_type(event, types.values(), now)
        for tt_id, free in left.items():
            if free <= 0:
                continue
            for entry in WaitlistEntry.objects.select_for_update().filter(
                ticket_type_id=tt_id, state=WaitlistEntry.State.WAITING
            )[:free]:
                entry.state, entry.offered_at = WaitlistEntry.State.OFFERED, now
                entry.offer_expires_at = now + timedelta(hours=OFFER_HOURS)
                entry.save(update_fields=["state", "offered_at", "offer_expires_at"])
                audit("events.waitlist.offered", member=entry.user, target=entry, now=now)
                send_on_commit(
                    "events/email/waitlist_offer",
                    to=entry.email,
                    context={
                        "entry": entry,
                        "event": event,
                        "ticket_type": types[tt_id],
                        "hours": OFFER_HOURS,
                    },
                )
                offered.append(entry)
    return offered


# --- Periodic job ---------------------------------------------------------------------------


def expire_holds(*, now=None):
    """Mark holds and waitlist offers that ran out, offer the freed tickets, and drop cached
    event pages whose sale phase changed. Safe to run twice: it acts only on rows still marked
    pending/offered past their time."""
    now = now or timezone.now()
    events = set(
        Order.objects.filter(state=Order.State.PENDING, hold_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    ) | set(
        WaitlistEntry.objects.filter(
            state=WaitlistEntry.State.OFFERED, offer_expires_at__lte=now
        ).values_list("event_id", flat=True)
    )
    for event in EventPage.objects.filter(pk__in=events):
        with transaction.atomic():
            _lock_ticket_types(event)
            Order.objects.filter(event=event, state=Order.State.PENDING, hold_expires_at__lte=now).update(
                state=Order.State.EXPIRED
            )
            WaitlistEntry.objects.filter(
                event=event, state=WaitlistEntry.State.OFFERED, offer_expires_at__lte=now
            ).update(state=WaitlistEntry.State.LAPSED)
            waitlist_offer_next(event=event, now=now)
    _invalidate_on_phase_change(now)
    return len(events)


def _invalidate_on_phase_change(now):
    """A ticket type going on sale (presale, public) or off sale changes the cached event page."""
    last = cache.get("events:phase-check")
    cache.set("events:phase-check", now, None)
    if last is None or last >= now:
        return

    hours = set(EventPage.objects.values_list("member_early_access_hours", flat=True))
    boundary = Q(sale_starts_at__gt=last, sale_starts_at__lte=now) | Q(
        sale_ends_at__gt=last, sale_ends_at__lte=now
    )
    for h in hours:
        if h:
            boundary |= Q(
                event__member_early_access_hours=h,
                sale_starts_at__gt=last + timedelta(hours=h),
                sale_starts_at__lte=now + timedelta(hours=h),
            )
    if (
        TicketType.objects.filter(boundary).exists()
        or EventPage.objects.filter(
            Q(starts_at__gt=last, starts_at__lte=now) | Q(ends_at__gt=last, ends_at__lte=now)
        ).exists()
    ):
        invalidate_on_change()
