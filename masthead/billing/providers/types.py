"""What providers hand to billing.events: typed pictures of a subscription and of a payment.

Providers build these; events.apply_snapshot and events.record_payment read them. In a stored
provider event (ProviderEvent.payload, JSON) they travel as `as_payload()` dicts and are read back
with `from_payload()`, so an event replayed later is applied exactly as when it arrived.
Timestamps are ISO 8601 strings, as stored in the payload (events._dt reads them).
"""

from dataclasses import asdict, dataclass, fields
from typing import Any


def _known(cls, data):
    names = {field.name for field in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


@dataclass(frozen=True)
class SubscriptionSnapshot:
    """The provider's picture of one subscription at `version` (a newer one wins)."""

    ref: str
    state: str  # the provider's word: trialing, active, past_due, paused, canceled, ended, …
    customer_ref: str = ""
    checkout_id: str | None = None  # our CheckoutSession's id, when we started it
    price_ref: str | None = None
    quantity: int | None = None
    cancel_at_period_end: bool = False
    current_period_start: str | None = None
    current_period_end: str | None = None
    trial_end: str | None = None
    canceled_at: str | None = None
    ended_at: str | None = None
    version: int = 0
    # Dunning, when the provider tells it (an open invoice on an overdue subscription).
    past_due_since: str | None = None
    next_payment_attempt: str | None = None
    payment_attempts: int = 0
    # Test mode only; None leaves our record's value as it is.
    card_behaviour: str | None = None
    discount_periods_left: int | None = None

    def as_payload(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("card_behaviour", "discount_periods_left"):
            if data[key] is None:
                del data[key]
        return data

    @classmethod
    def from_payload(cls, data) -> "SubscriptionSnapshot":
        if isinstance(data, cls):
            return data
        data = _known(cls, data)
        data["payment_attempts"] = data.get("payment_attempts") or 0
        data["version"] = int(data.get("version") or 0)
        data["cancel_at_period_end"] = bool(data.get("cancel_at_period_end"))
        return cls(**data)


@dataclass(frozen=True)
class ProviderPayment:
    """One invoice or charge as the provider reports it (recorded once by `ref`)."""

    ref: str
    amount: int
    currency: str
    subscription_ref: str | None = None
    description: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    at: str | None = None

    def as_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, data) -> "ProviderPayment":
        if isinstance(data, cls):
            return data
        return cls(**_known(cls, data))


@dataclass(frozen=True)
class Refund:
    """A refund the provider made: of our payment `payment_ref`, `amount` in minor units."""

    payment_ref: str
    amount: int

    def as_payload(self) -> dict[str, Any]:
        return asdict(self)
