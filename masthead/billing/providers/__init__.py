"""Payment providers behind one interface. Provider objects never leave this package.

A provider turns our intents (start a checkout, cancel at period end, change price, open the
card-update page, refund) into its own API calls, and its news (webhooks, or the test-mode
simulator) into normalised events for billing.events.handle_event. Member-facing operations
return a `SubscriptionSnapshot` (types.py) which the caller applies at once, so pages show the
change before the provider's webhook confirms it.

Every provider takes the same arguments: each operation gets our clock as `now` (the offline
providers use it, so tests and the simulator agree on time; Stripe keeps its own and ignores it).

The provider object for a name comes from `factory.get_provider`, not from here: this package
is loaded by billing.events (for types.py), which the test provider calls in turn.
"""

from django.conf import settings

from .types import ProviderPayment, Refund, SubscriptionSnapshot

__all__ = [
    "PaymentProvider",
    "ProviderPayment",
    "Refund",
    "SubscriptionSnapshot",
    "provider_name",
]


class PaymentProvider:
    name = ""
    label = ""

    def start_checkout(self, checkout, *, success_url, cancel_url, now) -> str:
        """Return the URL to send the reader to. Raise ProviderUnavailable on outage."""
        raise NotImplementedError

    def set_cancel_at_period_end(self, subscription, cancel, *, now) -> SubscriptionSnapshot:
        """Cancel (True) or resume (False) at period end."""
        raise NotImplementedError

    def change_price(self, subscription, price, quantity, *, now) -> SubscriptionSnapshot:
        """Move to another price (plan or interval), prorated."""
        raise NotImplementedError

    def card_update_url(self, subscription, *, return_url, now) -> str:
        raise NotImplementedError

    def end_now(self, subscription, *, now) -> SubscriptionSnapshot:
        """End at once (grace over, staff)."""
        raise NotImplementedError

    def set_paused(self, subscription, paused, *, now) -> SubscriptionSnapshot:
        raise NotImplementedError

    def refund(self, payment, *, now) -> Refund:
        """Refund a payment in full (the charge.refunded event's payload is its `as_payload()`)."""
        raise NotImplementedError

    def find_customer(self, email):
        """The provider's customer id for `email`, or "" (importing members without an id)."""
        return ""

    def customer_subscriptions(self, customer_ref) -> list[SubscriptionSnapshot] | None:
        """Snapshots of the customer's subscriptions that are active or trialing. Read only:
        nothing is created or charged. None if the provider has no such customer."""
        return None


def provider_name():
    """Stripe when its keys are configured; otherwise the offline test mode."""
    return "stripe" if getattr(settings, "STRIPE_SECRET_KEY", "") else "test"
