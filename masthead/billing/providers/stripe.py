"""Stripe behind the PaymentProvider interface, and Stripe's webhooks turned into our events.

Why it is shaped like this:
- Stripe objects never leave this module. Every answer becomes the normalised SNAPSHOT and
  PAYMENT dicts of billing.events, so the rest of billing cannot tell Stripe from test mode.
- A webhook is a hint, not the truth. Stripe delivers events late, twice and out of order, so for
  subscription news we re-read the subscription from the API and stamp the snapshot with the time
  we read it; events.apply_snapshot ignores a snapshot older than the one it has, so a stale
  delivery can never roll a membership back.
- Event payloads follow the API version of the webhook endpoint, which need not be the SDK's:
  fields that moved between versions (period dates on subscription items, an invoice's
  subscription under `parent`, invoice payments) are read from wherever the version puts them.
- Outages (network, Stripe's 5xx, rate limits, a revoked key) become ProviderUnavailable, which
  callers turn into a polite refusal with nothing created. Requests Stripe rejects as invalid are
  our bugs and propagate.
"""

import functools
import logging
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import stripe
from django.conf import settings

from ..errors import ProviderUnavailable
from ..methods import methods_for
from ..models import CheckoutSession, Offer, Payment, Price, Subscription
from . import PaymentProvider
from .types import ProviderPayment, Refund, SubscriptionSnapshot

logger = logging.getLogger(__name__)

UNAVAILABLE = (stripe.APIConnectionError, stripe.APIError, stripe.RateLimitError, stripe.AuthenticationError)
# Every subscription we read or change comes with its latest invoice, which says how far Stripe is
# in retrying an overdue payment (apply_snapshot overwrites those fields on every snapshot).
WITH_INVOICE = ["latest_invoice"]
# States in which Stripe is still collecting (or gave up collecting) the first payment: nothing
# has been bought yet, so no snapshot in these states reaches our records.
NOT_BOUGHT = ("incomplete", "incomplete_expired")
# Subscriptions an import links to members (billing.adoption): paying now, or in a trial.
ADOPTABLE = ("active", "trialing")


class InvalidWebhook(ValueError):
    """The request is not a Stripe event signed with our webhook secret."""


@functools.lru_cache(maxsize=4)
def _client(api_key, api_base):
    return stripe.StripeClient(
        api_key, base_addresses={"api": api_base} if api_base else None, max_network_retries=2
    )


def client():
    """The SDK client for the configured account (and STRIPE_API_BASE, which tests point at localstripe)."""
    return _client(settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE)


def _call(method, *args, **kwargs):
    """Call the SDK and return its answer as plain dicts; an outage raises ProviderUnavailable."""
    try:
        return method(*args, **kwargs).to_dict()
    except UNAVAILABLE as error:
        logger.warning("Stripe unavailable: %s", error)
        raise ProviderUnavailable(f"Stripe: {error.__class__.__name__}: {error}"[:300]) from error


def _find(method, object_id):
    """Retrieve by id, or None if Stripe has no such object."""
    try:
        return _call(method, object_id)
    except stripe.InvalidRequestError as error:
        if error.http_status == 404:
            return None
        raise


def _iso(timestamp):
    return datetime.fromtimestamp(timestamp, UTC).isoformat() if timestamp else None


def _read_version():
    """A snapshot's version: when its state was read from Stripe, in microseconds."""
    return time.time_ns() // 1000


def _id(value):
    """An expandable field's id, whether Stripe sent the id or the expanded object."""
    return value.get("id") if isinstance(value, dict) else value


# --- Snapshots ----------------------------------------------------------------------------------


def snapshot(subscription, *, version=None):
    """The SubscriptionSnapshot of a Stripe subscription (a dict as the API returns it)."""
    sub = subscription
    item = ((sub.get("items") or {}).get("data") or [{}])[0]
    state = sub["status"]
    if sub.get("pause_collection") and state not in ("canceled", "incomplete_expired"):
        # Staff paused collection: Stripe keeps the status, we stop access and charges.
        state = "paused"
    dunning = {}
    invoice = sub.get("latest_invoice")
    if (
        isinstance(invoice, dict)
        and invoice.get("status") == "open"
        and sub["status"] in ("past_due", "unpaid")
    ):
        dunning = {
            "next_payment_attempt": _iso(invoice.get("next_payment_attempt")),
            "payment_attempts": invoice.get("attempt_count") or 0,
            # The unpaid invoice's creation is when the member fell behind, however late we hear of it.
            "past_due_since": _iso(invoice.get("created")),
        }
    return SubscriptionSnapshot(
        ref=sub["id"],
        customer_ref=_id(sub.get("customer")) or "",
        checkout_id=(sub.get("metadata") or {}).get("checkout_id"),
        # A plan id (stripe_sync creates plans) doubles as a price id; old API versions only name the plan.
        price_ref=_id(item.get("price")) or _id(item.get("plan")) or _id(sub.get("plan")),
        quantity=item.get("quantity") or sub.get("quantity") or 1,
        state=state,
        # The Billing Portal may schedule the end with cancel_at rather than cancel_at_period_end.
        cancel_at_period_end=bool(sub.get("cancel_at_period_end") or sub.get("cancel_at")),
        # API versions from 2025-03-31 keep the period on the item, earlier ones on the subscription.
        current_period_start=_iso(item.get("current_period_start") or sub.get("current_period_start")),
        current_period_end=_iso(item.get("current_period_end") or sub.get("current_period_end")),
        trial_end=_iso(sub.get("trial_end")),
        canceled_at=_iso(sub.get("canceled_at")),
        ended_at=_iso(sub.get("ended_at")),
        version=version or _read_version(),
        **dunning,
    )


def _read(ref):
    """The subscription as Stripe has it now, and its snapshot stamped with the time of reading."""
    sub = _call(client().v1.subscriptions.retrieve, ref, {"expand": WITH_INVOICE})
    return sub, snapshot(sub)


def _update(ref, params):
    sub = _call(client().v1.subscriptions.update, ref, {**params, "expand": WITH_INVOICE})
    return snapshot(sub)


def _is_ours(snap):
    """Masthead's subscriptions carry our checkout id, or are already in our records. Others (made
    in the Stripe dashboard, or by another product on the same account) are not our business."""
    return (
        bool(snap.checkout_id)
        or Subscription.objects.filter(provider="stripe", provider_ref=snap.ref).exists()
    )


# --- The provider -------------------------------------------------------------------------------


def _one_off(checkout):
    """What a one-off payment is for, and its currency: a gift of a plan, or another app's purchase
    (billing.payments)."""
    if checkout.kind == CheckoutSession.Kind.GIFT:
        return f"Gift: {checkout.gift_months} months of {checkout.price.plan.name}", checkout.price.currency
    return checkout.description, checkout.currency


def _stripe_price(price):
    """The Stripe id of one of our prices; a price staff added since the last stripe_sync has none."""
    if not price.stripe_price_id:
        logger.error("Price %s has no Stripe price: run manage.py stripe_sync", price.pk)
        raise ProviderUnavailable(f"price {price.pk} has no Stripe price (run manage.py stripe_sync)")
    return price.stripe_price_id


def _discounts(offer):
    """A discount offer applies its coupon; a reader without an offer may type a Stripe promotion code."""
    if offer is None:
        return {"allow_promotion_codes": True}
    if offer.kind == Offer.Kind.TRIAL:
        return {}  # the offer is the longer trial (checkout.trial_days): no codes on top of it
    if not offer.stripe_coupon_id:
        logger.error("Offer %s has no Stripe coupon: run manage.py stripe_sync", offer.code)
        raise ProviderUnavailable(f"offer {offer.code} has no Stripe coupon (run manage.py stripe_sync)")
    return {"discounts": [{"coupon": offer.stripe_coupon_id}]}


def _payment_methods(currency):
    """For a one-off payment: the methods staff offer in this currency (billing.methods), named
    explicitly when they go beyond card. WeChat Pay's QR code is shown in the browser (`client:
    web`). Nothing is named for card only, so the account's defaults apply as before."""
    methods = methods_for(currency)
    if methods == ["card"]:
        return {}
    params: dict[str, Any] = {"payment_method_types": methods}
    if "wechat_pay" in methods:
        params["payment_method_options"] = {"wechat_pay": {"client": "web"}}
    return params


class StripeProvider(PaymentProvider):
    name = "stripe"
    label = "Stripe"

    def start_checkout(self, checkout, *, success_url, cancel_url, now):
        """A Stripe Checkout Session for `checkout`: a subscription, or a one-off payment (a gift,
        a prepaid membership period, or another app's purchase). Subscriptions name no payment
        method types, so the account's enabled recurring methods apply; a one-off payment names
        the currency's methods when staff offer more than card (Alipay, WeChat Pay: see
        _payment_methods). Those settle later: checkout.session.completed then says
        payment_status=unpaid and async_payment_succeeded / _failed follows."""
        checkout_id = str(checkout.pk)
        params = {
            "client_reference_id": checkout_id,
            "customer_email": checkout.email,
            "metadata": {"checkout_id": checkout_id},
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        if checkout.kind != CheckoutSession.Kind.SUBSCRIPTION:
            name, currency = _one_off(checkout)
            params.update(
                mode="payment",
                line_items=[
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": currency.lower(),
                            "unit_amount": checkout.amount_due,
                            "product_data": {"name": name},
                        },
                    }
                ],
                payment_intent_data={"metadata": {"checkout_id": checkout_id}},
                **_payment_methods(currency),
            )
        else:
            # The subscription carries our checkout id too: its own events can then create our
            # record even if checkout.session.completed is lost or late.
            subscription_data = {"metadata": {"checkout_id": checkout_id}}
            if checkout.trial_days:
                subscription_data["trial_period_days"] = checkout.trial_days
            params.update(
                mode="subscription",
                line_items=[{"price": _stripe_price(checkout.price), "quantity": checkout.quantity}],
                subscription_data=subscription_data,
                **_discounts(checkout.offer),
            )
        # One checkout, one session: a retried request (double click, network retry) gets the same.
        session = _call(client().v1.checkout.sessions.create, params, {"idempotency_key": checkout_id})
        checkout.provider_ref = session["id"]
        checkout.save(update_fields=["provider_ref"])
        return session["url"]

    def set_cancel_at_period_end(self, subscription, cancel, *, now):
        params = {"cancel_at_period_end": cancel}
        if not cancel:
            current, _snap = _read(subscription.provider_ref)
            if current.get("cancel_at") and not current.get("cancel_at_period_end"):
                params = {"cancel_at": ""}  # scheduled in the Billing Portal: clear the date instead
        return _update(subscription.provider_ref, params)

    def change_price(self, subscription, price, quantity, *, now):
        current, _snap = _read(subscription.provider_ref)
        item = current["items"]["data"][0]
        return _update(
            subscription.provider_ref,
            {
                "items": [{"id": item["id"], "price": _stripe_price(price), "quantity": quantity}],
                "proration_behavior": "create_prorations",
            },
        )

    def card_update_url(self, subscription, *, return_url, now):
        """A Billing Portal session opened on the payment-method page, coming back to `return_url`."""
        customer = subscription.provider_customer_ref or _read(subscription.provider_ref)[1].customer_ref
        session = _call(
            client().v1.billing_portal.sessions.create,
            {
                "customer": customer,
                "return_url": return_url,
                "flow_data": {
                    "type": "payment_method_update",
                    "after_completion": {"type": "redirect", "redirect": {"return_url": return_url}},
                },
            },
        )
        return session["url"]

    def end_now(self, subscription, *, now):
        try:
            sub = _call(client().v1.subscriptions.cancel, subscription.provider_ref)
        except stripe.InvalidRequestError:
            # Stripe may have ended it already (its own dunning): then that is the answer.
            sub, snap = _read(subscription.provider_ref)
            if sub["status"] not in ("canceled", "incomplete_expired"):
                raise
            return snap
        return snapshot(sub)

    def set_paused(self, subscription, paused, *, now):
        # "void": invoices falling due while paused are voided, so nothing is owed on unpausing.
        return _update(
            subscription.provider_ref, {"pause_collection": {"behavior": "void"} if paused else ""}
        )

    def refund(self, payment, *, now):
        target = _refund_target(payment.provider_ref)
        refund = _call(
            client().v1.refunds.create, target, {"idempotency_key": f"refund-{payment.provider_ref}"}
        )
        return Refund(payment_ref=payment.provider_ref, amount=refund["amount"])

    def find_customer(self, email):
        found = _call(client().v1.customers.list, {"email": email, "limit": 2})["data"]
        # Two customers with one address: which one pays is a human decision, not ours.
        return found[0]["id"] if len(found) == 1 else ""

    def customer_subscriptions(self, customer_ref):
        try:
            found = _call(
                client().v1.subscriptions.list, {"customer": customer_ref, "status": "all", "limit": 100}
            )["data"]
        except stripe.InvalidRequestError as error:
            if error.http_status == 404:
                return None
            raise
        return [snapshot(sub) for sub in found if sub["status"] in ADOPTABLE]


def _refund_target(ref):
    """What Stripe refunds for one of our payment refs: an invoice's payment, or a payment intent."""
    if ref.startswith("pi_"):
        return {"payment_intent": ref}
    if ref.startswith("ch_"):
        return {"charge": ref}
    invoice = _call(client().v1.invoices.retrieve, ref)
    # Before API version 2025-03-31 the invoice names its payment itself.
    if invoice.get("payment_intent"):
        return {"payment_intent": _id(invoice["payment_intent"])}
    if invoice.get("charge"):
        return {"charge": _id(invoice["charge"])}
    paid = _call(client().v1.invoice_payments.list, {"invoice": ref, "status": "paid"})["data"]
    for invoice_payment in paid:
        details = invoice_payment["payment"]
        if details.get("payment_intent"):
            return {"payment_intent": _id(details["payment_intent"])}
        if details.get("charge"):
            return {"charge": _id(details["charge"])}
    raise ValueError(f"Stripe invoice {ref} has no payment to refund")


# --- Webhooks -----------------------------------------------------------------------------------


def parse_webhook(payload, signature):
    """Verify a webhook and normalise it: a list of (event id, event type, payload) for
    events.handle_event. Unknown event types give an empty list (acknowledged, ignored).

    Raises InvalidWebhook for a bad or missing signature or a malformed body, and
    ProviderUnavailable when Stripe cannot be reached to re-read what the event is about.
    """
    try:
        event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET).to_dict()
        event_type, obj = event["type"], event["data"]["object"]
        if not event.get("id") or not isinstance(obj, dict):
            raise ValueError("not a Stripe event")
    except (stripe.SignatureVerificationError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise InvalidWebhook(str(error).split("\n")[0][:200] or error.__class__.__name__) from error
    normalise = NORMALISERS.get(event_type)
    return normalise(event, obj) if normalise else []


def _subscription_events(event_id, ref, *, gone=None):
    """A subscription.updated event with the subscription as Stripe has it now ([] if not ours).

    `gone`: the event's own copy, used (as ended) when Stripe no longer has the subscription.
    """
    try:
        _sub, snap = _read(ref)
    except stripe.InvalidRequestError as error:
        if error.http_status != 404 or gone is None:
            raise
        snap = snapshot(gone)
        snap = replace(snap, state="ended", ended_at=snap.ended_at or _iso(time.time()))
    if snap.state in NOT_BOUGHT or not _is_ours(snap):
        return []
    return [(event_id, "subscription.updated", {"subscription": snap.as_payload()})]


def _on_subscription(event, sub):
    return _subscription_events(event["id"], sub["id"], gone=sub)


def _checkout_id(session):
    """Our CheckoutSession id, or None for a Checkout Masthead did not start."""
    value = session.get("client_reference_id") or (session.get("metadata") or {}).get("checkout_id")
    try:
        return str(uuid.UUID(value)) if value else None
    except ValueError:
        return None


def _on_checkout_completed(event, session):
    checkout_id = _checkout_id(session)
    if checkout_id is None or session.get("payment_status") == "unpaid":
        # Not ours, or a delayed payment method still settling: async_payment_succeeded follows.
        return []
    payload = {"checkout_id": checkout_id, "subscription": None, "payment": None}
    if session.get("mode") == "subscription":
        _sub, snap = _read(_id(session["subscription"]))
        if snap.state in NOT_BOUGHT:
            return []  # its first payment is not through; customer.subscription.updated will say when
        payload["subscription"] = snap.as_payload()
    elif session.get("mode") == "payment":
        checkout = CheckoutSession.objects.select_related("price__plan").filter(pk=checkout_id).first()
        payload["payment"] = ProviderPayment(
            ref=_id(session["payment_intent"]),
            amount=session["amount_total"],
            currency=session["currency"].upper(),
            description=_one_off(checkout)[0] if checkout else None,
            at=_iso(event.get("created")),
        ).as_payload()
    else:
        return []
    return [(event["id"], "checkout.completed", payload)]


def _on_checkout_failed(event, session):
    """A delayed payment method (Alipay, WeChat Pay) did not settle: the checkout failed."""
    checkout_id = _checkout_id(session)
    if checkout_id is None or not CheckoutSession.objects.filter(pk=checkout_id).exists():
        return []
    return [(event["id"], "checkout.failed", {"checkout_id": checkout_id, "method": ""})]


def _invoice_subscription(invoice):
    parent = (invoice.get("parent") or {}).get("subscription_details") or {}
    return _id(invoice.get("subscription")) or _id(parent.get("subscription"))


def _line_price(line):
    pricing = (line.get("pricing") or {}).get("price_details") or {}
    return _id(line.get("price")) or _id(line.get("plan")) or _id(pricing.get("price"))


def _invoice_payment(invoice, *, ref, amount, at):
    """The ProviderPayment for an invoice: the period and description of its main (non-proration) line."""
    lines = (invoice.get("lines") or {}).get("data") or []
    regular = [line for line in lines if not line.get("proration")] or lines
    line: dict[str, Any] = max(
        regular, key=lambda line: (line.get("period") or {}).get("end") or 0, default={}
    )
    period = line.get("period") or {}
    price = (
        Price.objects.select_related("plan").filter(stripe_price_id=_line_price(line)).first()
        if line
        else None
    )
    description: str | None
    if price is not None:
        description = f"{price.plan.name} ({price.get_interval_display()})"
        if invoice.get("billing_reason") == "subscription_update":
            description += ", prorated"
    else:
        description = line.get("description") or None
    return ProviderPayment(
        ref=ref,
        subscription_ref=_invoice_subscription(invoice),
        amount=amount,
        currency=invoice["currency"].upper(),
        description=description,
        period_start=_iso(period.get("start")),
        period_end=_iso(period.get("end")),
        at=_iso(at),
    )


def _invoice_events(event, invoice):
    """For an invoice of one of our subscriptions, the subscription's fresh snapshot (first, so that
    the payment finds its subscription); None for any other invoice."""
    ref = _invoice_subscription(invoice)
    if ref is None:
        return None
    events = _subscription_events(f"{event['id']}:snapshot", ref)
    if not events and not Subscription.objects.filter(provider="stripe", provider_ref=ref).exists():
        return None  # not ours, or a first payment failing inside Checkout (the reader sees that there)
    return events


def _on_invoice_paid(event, invoice):
    events = _invoice_events(event, invoice)
    if events is None:
        return []
    if not invoice.get("amount_paid"):
        return events  # a trial's 0.00 invoice is no payment to record
    paid_at = (invoice.get("status_transitions") or {}).get("paid_at") or event.get("created")
    payment = _invoice_payment(invoice, ref=invoice["id"], amount=invoice["amount_paid"], at=paid_at)
    return [*events, (event["id"], "invoice.paid", {"payment": payment.as_payload()})]


def _on_invoice_failed(event, invoice):
    events = _invoice_events(event, invoice)
    if events is None:
        return []
    # One failed payment per attempt: Stripe retries the same invoice.
    ref = f"{invoice['id']}:{invoice.get('attempt_count') or 0}"
    payment = _invoice_payment(invoice, ref=ref, amount=invoice["amount_due"], at=event.get("created"))
    payload = {"payment": payment.as_payload(), "next_attempt_at": _iso(invoice.get("next_payment_attempt"))}
    return [*events, (event["id"], "invoice.payment_failed", payload)]


def _charge_payment_ref(charge):
    """Our ref for the payment a charge belongs to: its invoice, or its payment intent (gifts)."""
    if charge.get("invoice"):
        return _id(charge["invoice"])  # API versions before 2025-03-31
    intent = _id(charge.get("payment_intent"))
    if intent is None:
        return charge["id"]
    if Payment.objects.filter(provider="stripe", provider_ref=intent).exists():
        return intent
    found = _call(
        client().v1.invoice_payments.list, {"payment": {"type": "payment_intent", "payment_intent": intent}}
    )
    return _id(found["data"][0]["invoice"]) if found["data"] else intent


def _on_charge_refunded(event, charge):
    # Even for a payment we have not recorded: its invoice.paid may still be on its way. The event
    # is then parked until it arrives (a refund of someone else's charge stays parked, harmlessly).
    ref = _charge_payment_ref(charge)
    refund = Refund(payment_ref=ref, amount=charge["amount_refunded"])
    return [(event["id"], "charge.refunded", refund.as_payload())]


def _on_refund(event, refund):
    """refund.created / refund.updated: Stripe sends them beside charge.refunded, and an endpoint
    may listen to either. A refund object carries only its own amount; our REFUND payload is the
    total refunded so far, so once the refund has succeeded the charge is read back for it."""
    charge_id = _id(refund.get("charge"))
    if refund.get("status") != "succeeded" or not charge_id:
        return []  # pending or failed: nothing was given back yet
    charge = _find(client().v1.charges.retrieve, charge_id)
    return _on_charge_refunded(event, charge) if charge else []


NORMALISERS = {
    "checkout.session.completed": _on_checkout_completed,
    "checkout.session.async_payment_succeeded": _on_checkout_completed,
    "checkout.session.async_payment_failed": _on_checkout_failed,
    "customer.subscription.created": _on_subscription,
    "customer.subscription.updated": _on_subscription,
    "customer.subscription.deleted": _on_subscription,
    "customer.subscription.paused": _on_subscription,
    "customer.subscription.resumed": _on_subscription,
    # Stripe sends both for a paid invoice and an endpoint may listen to either; the payment is
    # recorded once by invoice id and the second snapshot is no newer than the first.
    "invoice.paid": _on_invoice_paid,
    "invoice.payment_succeeded": _on_invoice_paid,
    "invoice.payment_failed": _on_invoice_failed,
    "charge.refunded": _on_charge_refunded,
    "refund.created": _on_refund,
    "refund.updated": _on_refund,
}


# --- Setting up the account (manage.py stripe_sync) ---------------------------------


def sync_price(price):
    """The id of a Stripe plan for `price`, created if missing. Ids are derived from the terms, so
    an interrupted run adopts what it created instead of duplicating it."""
    plan_id = f"masthead_{price.plan.slug}_{price.interval}_{price.amount}{price.currency.lower()}"
    terms = {"amount": price.amount, "currency": price.currency.lower(), "interval": price.interval}
    v1 = client().v1
    existing = _find(v1.plans.retrieve, plan_id)
    if existing is None:
        product_id = f"masthead_{price.plan.slug}"
        if _find(v1.products.retrieve, product_id) is None:
            _call(v1.products.create, {"id": product_id, "name": price.plan.name})
        existing = _call(v1.plans.create, {"id": plan_id, "product": product_id, **terms})
    if any(existing.get(key) != value for key, value in terms.items()):
        raise ValueError(f"Stripe plan {plan_id} exists with other terms")
    return plan_id


def coupon_terms(offer):
    """Stripe coupon terms for a discount offer, or None (a trial offer, or an incomplete one)."""
    if offer.kind == Offer.Kind.PERCENT and offer.percent_off:
        terms = {"percent_off": float(offer.percent_off)}
    elif offer.kind == Offer.Kind.FIXED and offer.amount_off and offer.currency:
        terms = {"amount_off": offer.amount_off, "currency": offer.currency.lower()}
    else:
        return None
    terms["duration"] = offer.duration
    if offer.duration == Offer.Duration.REPEATING:
        terms["duration_in_months"] = offer.duration_months or 1
    return terms


def sync_coupon(offer):
    """The id of the Stripe coupon for `offer` (its code, which Stripe shows to the reader), created
    if missing; None if the offer needs no coupon."""
    terms = coupon_terms(offer)
    if terms is None:
        return None
    v1 = client().v1
    existing = _find(v1.coupons.retrieve, offer.code) or _call(v1.coupons.create, {"id": offer.code, **terms})
    for key, value in terms.items():
        theirs = existing.get(key)
        if (float(theirs) if key == "percent_off" and theirs is not None else theirs) != value:
            raise ValueError(f"Stripe coupon {offer.code} exists with other terms ({key}: {theirs})")
    return offer.code
