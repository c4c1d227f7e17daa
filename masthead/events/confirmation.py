"""The order confirmation email and its background job.

Below `services` (which queues the job when an order is paid) and `tasks` (which re-exports the
job under its old name), so neither imports the other's caller.
"""

from django_tasks import task

from masthead.core.mail import send_templated

from .calendar import event_ics
from .models import Order
from .qr import qr_png


def send_confirmation(*, order_id):
    """The confirmation email: each ticket's QR code and the calendar file attached."""
    order = Order.objects.select_related("event", "ticket_type").get(pk=order_id)
    tickets = list(order.tickets.all())
    attachments = [(f"ticket-{t.code}.png", qr_png(t.code), "image/png") for t in tickets]
    attachments.append(("event.ics", event_ics(order.event), "text/calendar"))
    send_templated(
        "events/email/confirmation",
        to=order.email,
        context={"order": order, "event": order.event, "tickets": tickets},
        attachments=attachments,
    )


@task()
def send_confirmation_job(order_id):
    send_confirmation(order_id=order_id)
