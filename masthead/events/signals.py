"""Domain signals of the events app, for apps above it (the api app's webhooks)."""

from django.dispatch import Signal

# An order was confirmed and its tickets issued (services.order_paid — paid orders and free
# RSVPs alike). Sent once per order, after the change commits; not for a late payment that was
# refunded because the tickets were gone.
order_paid = Signal()  # order_id
