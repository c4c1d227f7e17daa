"""One-time payments for other apps (event tickets, …) through the same providers and events.

An app registers a handler for its `purpose`; billing runs the checkout (Stripe Checkout in
payment mode, or the test-mode page) and, when the provider confirms payment through
events.handle_event, calls `on_paid(checkout, payment, now)` exactly once. The app keeps its own
records (orders, holds) and never sees provider objects.

    payments.register("events.order", on_paid=orders.order_paid)
    checkout, url = payments.checkout_start(user=..., amount=4500, currency="USD",
                                            description="2 tickets: AI Summit", purpose="events.order",
                                            purpose_ref=str(order.pk), next_url=order_page, base_url=...)
"""

from django.utils import timezone

from .checkouts import _send_to_provider
from .models import CheckoutSession
from .providers import provider_name

# The handler registry is below events (settlement.py), which calls the handlers; other apps
# register here as before (and tests put a handler in `_handlers` directly).
from .settlement import _handlers, handler_for, register  # noqa: F401


def checkout_start(
    *, user, email, amount, currency, description, purpose, purpose_ref, next_url="", base_url="", now=None
):
    """Open a one-time payment. Returns (checkout, url to send the payer to).
    Raises BillingError("provider_unavailable") if the provider cannot be reached."""
    handler_for(purpose)  # fail early if the app forgot to register
    checkout = CheckoutSession.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        email=email,
        kind=CheckoutSession.Kind.PAYMENT,
        amount_due=int(amount),
        currency=currency.upper(),
        description=description[:200],
        purpose=purpose,
        purpose_ref=str(purpose_ref),
        provider=provider_name(),
        next_url=next_url[:500],
        created_at=now or timezone.now(),
    )
    return checkout, _send_to_provider(checkout, base_url=base_url)
