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

_handlers = {}


def register(purpose, *, on_paid):
    _handlers[purpose] = on_paid


def handler_for(purpose):
    try:
        return _handlers[purpose]
    except KeyError:
        raise LookupError(f"no payment handler registered for {purpose!r}") from None


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


def payment_completed(*, checkout, payment, now):
    """Called by events.py once per checkout when its payment is recorded."""
    if checkout.state == CheckoutSession.State.COMPLETE:
        return
    checkout.state, checkout.completed_at = CheckoutSession.State.COMPLETE, now
    checkout.save(update_fields=["state", "completed_at"])
    handler_for(checkout.purpose)(checkout=checkout, payment=payment, now=now)
