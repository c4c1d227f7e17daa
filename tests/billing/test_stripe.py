"""The Stripe adapter against real servers.

- A localstripe process (a Stripe API fake from PyPI) for what it speaks: plans, coupons,
  customers, cards, subscriptions, invoices, refunds, and webhooks it signs and delivers itself.
- Django's live server, so localstripe's deliveries are real HTTP requests to /webhooks/stripe/.
- A recording HTTP server (stripe_helpers.RecordingStripe) for what localstripe lacks: Checkout,
  the Billing Portal, price changes, pausing and invoice payments. It answers with Stripe-shaped
  JSON and the tests assert exactly what our SDK calls sent.

Nothing here talks to stripe.com and nothing replaces our code with a double: the SDK makes real
HTTP requests and webhooks are signed as Stripe signs them. The suite runs on SQLite and on
PostgreSQL (.ci/run runs it on both), so none of these tests is marked for one database.
"""

import io
import json
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from masthead.access.models import Grant
from masthead.access.readers import load_reader
from masthead.billing import payments, services
from masthead.billing.errors import BillingError
from masthead.billing.gifts import gift_checkout_start
from masthead.billing.models import (
    CheckoutSession,
    GiftMembership,
    Offer,
    Payment,
    Price,
    ProviderEvent,
    Subscription,
)
from masthead.billing.providers.factory import get_provider
from masthead.billing.providers.stripe import snapshot
from tests.helpers import wait_for

from .stripe_helpers import (
    API_KEY,
    WEBHOOK_SECRET,
    LocalStripe,
    RecordingStripe,
    checkout_session,
    completed_session,
    event,
    free_port,
    invoice,
    post_event,
    stripe_signature,
    subscription,
)

pytestmark = pytest.mark.django_db

SITE = "https://news.example"
WEBHOOK = "/webhooks/stripe/"
DAY = 86400


@pytest.fixture(scope="session")
def localstripe():
    server = LocalStripe()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def stripe_account(localstripe, settings):
    """Every test here runs with Stripe configured and pointed at an empty localstripe."""
    localstripe.flush()
    settings.STRIPE_SECRET_KEY = API_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe.url
    return localstripe


@pytest.fixture
def recorder():
    server = RecordingStripe()
    server.respond("POST", "/v1/checkout/sessions", checkout_session)
    yield server
    server.close()


@pytest.fixture
def synced(demo):
    """Stripe plans for every price and coupons for the offers, as staff would run it."""
    call_command("stripe_sync", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def no_trial(individual):
    """localstripe cannot run trials: memberships in tests against it start paid."""
    individual.trial_days = 0
    individual.save(update_fields=["trial_days"])


@contextmanager
def stripe_api(settings, url):
    """Send the SDK's requests to `url` for a while (the recorder, or a closed port)."""
    previous = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = url
    try:
        yield
    finally:
        settings.STRIPE_API_BASE = previous


def paying(user, when):
    return load_reader(user, when).is_paying(when)


def at(timestamp):
    return datetime.fromtimestamp(timestamp, UTC)


def start_checkout(settings, recorder, user, price, **kwargs):
    """services.checkout_start, with Stripe Checkout answered by the recorder."""
    price.refresh_from_db()
    with stripe_api(settings, recorder.url):
        return services.checkout_start(user=user, price=price, base_url=SITE, **kwargs)


def subscribe_through_stripe(client, settings, recorder, localstripe, user, price):
    """A reader subscribes: our checkout, the subscription Checkout would make in localstripe, and
    localstripe's own events for it posted to our endpoint signed. Returns (checkout, Stripe's
    subscription, our subscription)."""
    checkout, _url = start_checkout(settings, recorder, user, price)
    stripe_sub = localstripe.subscribe(
        email=user.email, plan=price.stripe_price_id, checkout_id=str(checkout.pk)
    )
    for event_type in ("customer.subscription.created", "invoice.payment_succeeded"):
        for evt in localstripe.events(event_type):
            assert post_event(client, evt).status_code == 200
    return checkout, stripe_sub, Subscription.objects.get(provider="stripe", provider_ref=stripe_sub["id"])


# --- Setting up the account ----------------------------------------------------------------------


def test_stripe_sync_creates_plans_and_coupons_once(localstripe, demo):
    fixed = Offer.objects.create(
        name="5 dollars off", code="FIVEOFF", kind="fixed", amount_off=500, currency="USD"
    )
    call_command("stripe_sync", stdout=io.StringIO())

    api = localstripe.client().v1
    prices = list(Price.objects.filter(active=True).select_related("plan"))
    assert len(prices) == 8
    for price in prices:
        plan = api.plans.retrieve(price.stripe_price_id).to_dict()
        assert (plan["amount"], plan["currency"], plan["interval"]) == (
            price.amount,
            price.currency.lower(),
            price.interval,
        )
        assert api.products.retrieve(plan["product"]).to_dict()["name"] == price.plan.name
    welcome = api.coupons.retrieve(Offer.objects.get(code="WELCOME25").stripe_coupon_id).to_dict()
    assert (welcome["percent_off"], welcome["duration"], welcome["duration_in_months"]) == (
        25,
        "repeating",
        3,
    )
    fixed.refresh_from_db()
    five = api.coupons.retrieve(fixed.stripe_coupon_id).to_dict()
    assert (five["amount_off"], five["currency"], five["duration"]) == (500, "usd", "once")
    assert Offer.objects.get(code="READMORE").stripe_coupon_id == ""  # a longer trial is no coupon

    # Again: nothing new at Stripe, nothing changed here.
    ids = dict(Price.objects.values_list("pk", "stripe_price_id"))
    call_command("stripe_sync", stdout=io.StringIO())
    assert dict(Price.objects.values_list("pk", "stripe_price_id")) == ids
    assert len(api.plans.list({"limit": 100}).data) == 8

    # A run interrupted after Stripe made the plan, before we stored its id, adopts that plan.
    Price.objects.filter(pk=prices[0].pk).update(stripe_price_id="")
    call_command("stripe_sync", stdout=io.StringIO())
    assert Price.objects.get(pk=prices[0].pk).stripe_price_id == ids[prices[0].pk]
    assert len(api.plans.list({"limit": 100}).data) == 8


# --- Real deliveries from localstripe -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_membership_starts_from_real_signed_deliveries(
    live_server, client, localstripe, recorder, settings, member, individual, monthly, synced, no_trial
):
    checkout, url = start_checkout(settings, recorder, member, monthly)
    assert url.startswith("https://checkout.stripe.com/") and checkout.state == "open"
    assert not paying(member, timezone.now())

    localstripe.register_webhook(
        live_server.url + WEBHOOK, events=["customer.subscription.created", "invoice.payment_succeeded"]
    )
    try:
        stripe_sub = localstripe.subscribe(
            email=member.email, plan=monthly.stripe_price_id, checkout_id=str(checkout.pk)
        )
        delivered = [
            e["id"]
            for t in ("customer.subscription.created", "invoice.payment_succeeded")
            for e in localstripe.events(t)
        ]
        assert len(delivered) == 2
        wait_for(
            lambda: (
                ProviderEvent.objects.filter(provider="stripe", event_id__in=delivered).count() == 2
                and Payment.objects.filter(
                    provider_subscription_ref=stripe_sub["id"], subscription__isnull=False
                ).exists()
            ),
            timeout=30,
            message="localstripe's deliveries",
        )
    finally:
        localstripe.silence_webhooks()
    # Deliveries arrive in parallel; on PostgreSQL two may race to create the subscription and the
    # loser answers 500 (its event is stored, unprocessed). Stripe retries such a delivery;
    # localstripe does not, so retry it here.
    for evt in localstripe.events("customer.subscription.created") + localstripe.events(
        "invoice.payment_succeeded"
    ):
        if ProviderEvent.objects.filter(event_id__startswith=evt["id"], processed_at__isnull=True).exists():
            assert post_event(client, evt).status_code == 200
    assert not ProviderEvent.objects.filter(provider="stripe", processed_at__isnull=True).exists()

    sub = Subscription.objects.get(provider="stripe", provider_ref=stripe_sub["id"])
    assert (sub.user, sub.price, sub.status, sub.quantity) == (member, monthly, "active", 1)
    assert sub.provider_customer_ref == stripe_sub["customer"]
    assert sub.current_period_end == at(stripe_sub["current_period_end"])
    checkout.refresh_from_db()
    assert checkout.state == "complete"
    payment = Payment.objects.get(provider_subscription_ref=stripe_sub["id"])
    assert (payment.subscription, payment.user, payment.state) == (sub, member, "paid")
    assert (payment.amount, payment.currency, payment.description) == (900, "USD", "Individual (Monthly)")
    assert payment.provider_ref == stripe_sub["latest_invoice"]
    assert payment.period_end == sub.current_period_end
    assert paying(member, timezone.now())
    assert Grant.objects.filter(user=member, source="subscription").exists()


# --- Member operations against localstripe ----------------------------------------------------------


def test_cancel_resume_and_end_against_localstripe(
    client, localstripe, recorder, settings, member, individual, monthly, synced, no_trial
):
    _checkout, stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    api = localstripe.client().v1
    now = timezone.now()
    period_end = sub.current_period_end
    assert sub.status == "active" and paying(member, now)

    sub = services.subscription_cancel(subscription=sub, actor=member)
    assert api.subscriptions.retrieve(stripe_sub["id"]).cancel_at_period_end is True
    assert (sub.status, sub.cancel_at_period_end) == ("canceled", True)
    assert paying(member, now) and paying(member, period_end - timedelta(minutes=1))
    assert not paying(member, period_end + timedelta(minutes=1))

    sub = services.subscription_resume(subscription=sub, actor=member)
    assert api.subscriptions.retrieve(stripe_sub["id"]).cancel_at_period_end is False
    assert (sub.status, sub.cancel_at_period_end) == ("active", False)

    # Staff end it at once: Stripe cancels it and access stops.
    sub = services.subscription_end(subscription=sub, reason="test")
    assert api.subscriptions.retrieve(stripe_sub["id"]).status == "canceled"
    assert sub.status == "expired"
    assert not paying(member, timezone.now())
    # localstripe's customer.subscription.deleted, arriving afterwards, changes nothing.
    (deleted,) = localstripe.events("customer.subscription.deleted")
    assert post_event(client, deleted).json() == {"received": 1}
    sub.refresh_from_db()
    assert sub.status == "expired"


def test_a_refund_against_localstripe(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial, staff_user
):
    _checkout, stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    payment = Payment.objects.get(subscription=sub, state="paid")
    api = localstripe.client().v1

    services.refund_payment(payment=payment, actor=staff_user)
    paid_invoice = api.invoices.retrieve(payment.provider_ref).to_dict()
    refunds = api.refunds.list({"payment_intent": paid_invoice["payment_intent"]}).to_dict()["data"]
    assert [r["amount"] for r in refunds] == [900]
    refunded = Payment.objects.get(provider_ref=payment.provider_ref, state="refunded")
    assert (refunded.amount, refunded.subscription) == (900, sub)

    # Stripe's charge.refunded for that refund changes nothing: first as API versions before
    # 2025-03-31 send it (the charge names its invoice)…
    charge = api.charges.retrieve(paid_invoice["charge"]["id"]).to_dict()
    assert charge["amount_refunded"] == 900
    assert post_event(
        client, event("charge.refunded", dict(charge, invoice=payment.provider_ref))
    ).json() == {"received": 1}
    # …then as the current version does, where the invoice is found through its invoice payments.
    recorder.respond(
        "GET",
        "/v1/invoice_payments",
        {
            "object": "list",
            "has_more": False,
            "data": [
                {
                    "id": "inpay_1",
                    "object": "invoice_payment",
                    "invoice": payment.provider_ref,
                    "status": "paid",
                    "payment": {"type": "payment_intent", "payment_intent": charge["payment_intent"]},
                },
            ],
        },
    )
    with stripe_api(settings, recorder.url):
        assert post_event(client, event("charge.refunded", dict(charge, invoice=None))).json() == {
            "received": 1
        }
    (lookup,) = recorder.sent("GET", "/v1/invoice_payments")
    assert lookup.form == {
        "payment[type]": "payment_intent",
        "payment[payment_intent]": charge["payment_intent"],
    }
    assert Payment.objects.filter(provider_ref=payment.provider_ref, state="refunded").count() == 1


# --- Checkout and the Billing Portal at the HTTP boundary ----------------------------------------------


def test_a_subscription_checkout_asks_stripe_for_exactly_this(settings, recorder, member, monthly, synced):
    checkout, url = start_checkout(settings, recorder, member, monthly, next_url="/news/")
    (sent,) = recorder.sent("POST", "/v1/checkout/sessions")
    checkout.refresh_from_db()
    assert checkout.provider_ref.startswith("cs_test_")
    assert url == f"https://checkout.stripe.com/c/pay/{checkout.provider_ref}"
    # Exactly these parameters: in particular no payment_method_types, so the account's enabled
    # methods (cards, Alipay, WeChat Pay) apply.
    assert sent.form == {
        "mode": "subscription",
        "line_items[0][price]": monthly.stripe_price_id,
        "line_items[0][quantity]": "1",
        "subscription_data[trial_period_days]": "14",
        "subscription_data[metadata][checkout_id]": str(checkout.pk),
        "client_reference_id": str(checkout.pk),
        "customer_email": member.email,
        "metadata[checkout_id]": str(checkout.pk),
        "allow_promotion_codes": "true",
        "success_url": SITE + reverse("billing:checkout_return", args=[checkout.pk]),
        "cancel_url": SITE + reverse("billing:pricing") + "?next=%2Fnews%2F",
    }
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    # A retried request carries the same idempotency key, so Stripe answers with the same session.
    assert sent.headers["idempotency-key"] == str(checkout.pk)
    with stripe_api(settings, recorder.url):
        get_provider("stripe").start_checkout(
            checkout,
            success_url=sent.form["success_url"],
            cancel_url=sent.form["cancel_url"],
            now=checkout.created_at,
        )
    assert recorder.sent("POST", "/v1/checkout/sessions")[1].headers["idempotency-key"] == str(checkout.pk)


def test_offers_and_seats_at_checkout(settings, recorder, make_member, monthly, synced):
    welcome, longer_trial = Offer.objects.get(code="WELCOME25"), Offer.objects.get(code="READMORE")
    start_checkout(settings, recorder, make_member("a@example.com"), monthly, offer=welcome)
    start_checkout(settings, recorder, make_member("b@example.com"), monthly, offer=longer_trial)
    team = Price.objects.get(plan__slug="team", interval="month", currency="USD", active=True)
    start_checkout(settings, recorder, make_member("c@example.com"), team, quantity=5)
    discount, trial, seats = (r.form for r in recorder.sent("POST", "/v1/checkout/sessions"))

    # A discount offer applies its coupon (and then no promotion code may be typed on top).
    assert discount["discounts[0][coupon]"] == welcome.stripe_coupon_id == "WELCOME25"
    assert "allow_promotion_codes" not in discount
    # A trial offer is the longer trial itself: no coupon, no codes.
    assert trial["subscription_data[trial_period_days]"] == "30"
    assert not any(key.startswith(("discounts", "allow_promotion_codes")) for key in trial)
    assert (seats["line_items[0][price]"], seats["line_items[0][quantity]"]) == (team.stripe_price_id, "5")


def test_a_gift_is_a_one_off_payment(client, settings, recorder, member, individual, synced):
    with stripe_api(settings, recorder.url):
        checkout, _url = gift_checkout_start(
            purchaser=member,
            plan=individual,
            months=3,
            currency="USD",
            recipient_email="friend@example.com",
            base_url=SITE,
        )
    (sent,) = recorder.sent("POST", "/v1/checkout/sessions")
    assert sent.form == {
        "mode": "payment",
        "line_items[0][quantity]": "1",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "2700",
        "line_items[0][price_data][product_data][name]": "Gift: 3 months of Individual",
        "payment_intent_data[metadata][checkout_id]": str(checkout.pk),
        "client_reference_id": str(checkout.pk),
        "customer_email": member.email,
        "metadata[checkout_id]": str(checkout.pk),
        "success_url": SITE + reverse("billing:checkout_return", args=[checkout.pk]),
        "cancel_url": SITE + reverse("billing:pricing"),
    }
    assert sent.headers["idempotency-key"] == str(checkout.pk)

    paid = completed_session(
        checkout_id=str(checkout.pk), mode="payment", payment_intent="pi_gift_1", amount_total=2700
    )
    assert post_event(client, event("checkout.session.completed", paid)).json() == {"received": 1}
    payment = Payment.objects.get(provider="stripe", provider_ref="pi_gift_1")
    assert (payment.amount, payment.currency, payment.state) == (2700, "USD", "paid")
    assert payment.description == "Gift: 3 months of Individual"
    gift = GiftMembership.objects.get(checkout=checkout)
    assert (gift.months, gift.recipient_email, gift.payment) == (3, "friend@example.com", payment)


def test_a_one_time_payment_for_another_app(client, settings, recorder, member, monkeypatch, demo):
    paid = []
    monkeypatch.setitem(payments._handlers, "tests.tickets", lambda **kwargs: paid.append(kwargs))
    with stripe_api(settings, recorder.url):
        checkout, _url = payments.checkout_start(
            user=member,
            email=member.email,
            amount=4500,
            currency="CNY",
            description="2 tickets: AI Summit",
            purpose="tests.tickets",
            purpose_ref="42",
            base_url=SITE,
        )
    (sent,) = recorder.sent("POST", "/v1/checkout/sessions")
    assert sent.form["mode"] == "payment"
    assert (
        sent.form["line_items[0][price_data][currency]"],
        sent.form["line_items[0][price_data][unit_amount]"],
    ) == ("cny", "4500")
    assert sent.form["line_items[0][price_data][product_data][name]"] == "2 tickets: AI Summit"

    session = completed_session(
        checkout_id=str(checkout.pk),
        mode="payment",
        payment_intent="pi_tickets_1",
        amount_total=4500,
        currency="cny",
    )
    evt = event("checkout.session.completed", session)
    assert post_event(client, evt).json() == {"received": 1}
    assert post_event(client, evt).json() == {"received": 1}  # again: a duplicate, the app is told once
    payment = Payment.objects.get(provider="stripe", provider_ref="pi_tickets_1")
    assert (payment.amount, payment.currency, payment.description) == (4500, "CNY", "2 tickets: AI Summit")
    assert [(p["checkout"], p["payment"]) for p in paid] == [(checkout, payment)]


def test_the_card_page_and_pausing_at_the_http_boundary(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial, staff_user
):
    _checkout, stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    ref, customer = sub.provider_ref, sub.provider_customer_ref
    period = (stripe_sub["current_period_start"], stripe_sub["current_period_end"])
    recorder.respond(
        "POST",
        "/v1/billing_portal/sessions",
        {
            "id": "bps_1",
            "object": "billing_portal.session",
            "customer": customer,
            "url": "https://billing.stripe.com/p/session/test_1",
        },
    )

    def update(request):
        paused = request.form.get("pause_collection[behavior]") == "void"
        return subscription(
            sub_id=ref,
            customer=customer,
            price=monthly.stripe_price_id,
            checkout_id="",
            period=period,
            pause_collection={"behavior": "void", "resumes_at": None} if paused else None,
        )

    recorder.respond("POST", f"/v1/subscriptions/{ref}", update)

    with stripe_api(settings, recorder.url):
        url = services.card_update_url(subscription=sub, return_url=SITE + "/account/")
        assert url == "https://billing.stripe.com/p/session/test_1"
        sub = services.subscription_pause(subscription=sub, actor=staff_user, reason="test")
        assert sub.status == "paused" and not paying(member, timezone.now())
        sub = services.subscription_unpause(subscription=sub, actor=staff_user)
        assert sub.status == "active" and paying(member, timezone.now())
    (portal,) = recorder.sent("POST", "/v1/billing_portal/sessions")
    assert portal.form == {
        "customer": customer,
        "return_url": SITE + "/account/",
        "flow_data[type]": "payment_method_update",
        "flow_data[after_completion][type]": "redirect",
        "flow_data[after_completion][redirect][return_url]": SITE + "/account/",
    }
    pause, unpause = (r.form for r in recorder.sent("POST", f"/v1/subscriptions/{ref}"))
    assert pause == {"pause_collection[behavior]": "void", "expand[0]": "latest_invoice"}
    assert unpause == {"pause_collection": "", "expand[0]": "latest_invoice"}  # "" clears it


def test_switching_monthly_to_yearly_at_the_http_boundary(
    client, localstripe, recorder, settings, member, monthly, yearly, synced, no_trial
):
    _checkout, stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    ref, customer = sub.provider_ref, sub.provider_customer_ref
    item = stripe_sub["items"]["data"][0]["id"]
    now = int(time.time())
    yearly.refresh_from_db()
    before = subscription(
        sub_id=ref,
        customer=customer,
        price=monthly.stripe_price_id,
        checkout_id="",
        item_id=item,
        period=(stripe_sub["current_period_start"], stripe_sub["current_period_end"]),
    )
    after = subscription(
        sub_id=ref,
        customer=customer,
        price=yearly.stripe_price_id,
        checkout_id="",
        item_id=item,
        period=(now, now + 365 * DAY),
    )
    recorder.respond("GET", f"/v1/subscriptions/{ref}", before)
    recorder.respond("POST", f"/v1/subscriptions/{ref}", after)

    with stripe_api(settings, recorder.url):
        sub = services.subscription_switch_interval(subscription=sub, actor=member)
        recorder.respond("GET", f"/v1/subscriptions/{ref}", after)
        # Stripe invoices the change at once (the interval changed), less the unused month.
        proration = invoice(
            invoice_id="in_switch",
            sub_id=ref,
            customer=customer,
            price=yearly.stripe_price_id,
            amount=8100,
            period=(now, now + 365 * DAY),
            billing_reason="subscription_update",
        )
        assert post_event(client, event("invoice.paid", proration)).json() == {"received": 2}
    (update,) = recorder.sent("POST", f"/v1/subscriptions/{ref}")
    assert update.form == {
        "items[0][id]": item,
        "items[0][price]": yearly.stripe_price_id,
        "items[0][quantity]": "1",
        "proration_behavior": "create_prorations",
        "expand[0]": "latest_invoice",
    }
    assert (sub.price, sub.status, sub.current_period_end) == (yearly, "active", at(now + 365 * DAY))
    assert paying(member, timezone.now() + timedelta(days=300))
    payment = Payment.objects.get(provider_ref="in_switch")
    assert (payment.amount, payment.description, payment.subscription) == (
        8100,
        "Individual (Yearly), prorated",
        sub,
    )


# --- Recorded events, signed as Stripe signs them ------------------------------------------------------


def test_recorded_events_drive_the_membership_and_are_rechecked_with_stripe(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial
):
    checkout, _url = start_checkout(settings, recorder, member, monthly)
    stripe_sub = localstripe.subscribe(
        email=member.email, plan=monthly.stripe_price_id, checkout_id=str(checkout.pk)
    )
    customer, period = (
        stripe_sub["customer"],
        (stripe_sub["current_period_start"], stripe_sub["current_period_end"]),
    )

    session = completed_session(
        checkout_id=str(checkout.pk),
        mode="subscription",
        subscription=stripe_sub["id"],
        customer=customer,
        amount_total=900,
    )
    assert post_event(client, event("checkout.session.completed", session)).json() == {"received": 1}
    sub = Subscription.objects.get(provider="stripe", provider_ref=stripe_sub["id"])
    assert (sub.user, sub.status, sub.current_period_end) == (member, "active", at(period[1]))
    checkout.refresh_from_db()
    assert checkout.state == "complete"
    assert paying(member, timezone.now())

    first = invoice(
        invoice_id=stripe_sub["latest_invoice"],
        sub_id=stripe_sub["id"],
        customer=customer,
        price=monthly.stripe_price_id,
        amount=900,
        period=period,
    )
    assert post_event(client, event("invoice.paid", first)).json() == {
        "received": 2
    }  # the payment, and a snapshot
    payment = Payment.objects.get(provider="stripe", provider_ref=first["id"])
    assert (payment.subscription, payment.amount, payment.currency) == (sub, 900, "USD")
    assert (payment.period_start, payment.period_end) == (at(period[0]), at(period[1]))
    assert payment.receipt_number

    # An event's copy of the subscription is not trusted: Stripe is asked, and says it is active.
    stale = dict(stripe_sub, status="canceled", ended_at=int(time.time()))
    assert post_event(client, event("customer.subscription.updated", stale)).json() == {"received": 1}
    sub.refresh_from_db()
    assert sub.status == "active" and paying(member, timezone.now())


def test_events_in_any_order_give_the_same_membership(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial
):
    checkout, _url = start_checkout(settings, recorder, member, monthly)
    stripe_sub = localstripe.subscribe(
        email=member.email, plan=monthly.stripe_price_id, checkout_id=str(checkout.pk)
    )
    customer, period = (
        stripe_sub["customer"],
        (stripe_sub["current_period_start"], stripe_sub["current_period_end"]),
    )
    paid = invoice(
        invoice_id=stripe_sub["latest_invoice"],
        sub_id=stripe_sub["id"],
        customer=customer,
        price=monthly.stripe_price_id,
        amount=900,
        period=period,
    )

    # The invoice first: the subscription is made from our checkout (its id is in Stripe's metadata).
    assert post_event(client, event("invoice.paid", paid)).status_code == 200
    sub = Subscription.objects.get(provider="stripe", provider_ref=stripe_sub["id"])
    assert Payment.objects.get(provider_ref=paid["id"]).subscription == sub
    # Checkout's own event, late: nothing new.
    session = completed_session(
        checkout_id=str(checkout.pk),
        mode="subscription",
        subscription=stripe_sub["id"],
        customer=customer,
        amount_total=900,
    )
    assert post_event(client, event("checkout.session.completed", session)).status_code == 200
    assert Subscription.objects.filter(user=member).count() == 1
    sub.refresh_from_db()
    assert sub.status == "active"
    checkout.refresh_from_db()
    assert checkout.state == "complete"


def test_a_subscription_stripe_no_longer_has_ends(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial
):
    _checkout, stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    # The recorder knows no subscriptions: the re-read is Stripe's 404, so the event's copy is used.
    with stripe_api(settings, recorder.url):
        assert post_event(client, event("customer.subscription.deleted", stripe_sub)).json() == {
            "received": 1
        }
    assert recorder.sent("GET", f"/v1/subscriptions/{sub.provider_ref}")
    sub.refresh_from_db()
    assert sub.status == "expired" and sub.ended_at is not None
    assert not paying(member, timezone.now())


def test_a_failed_renewal_makes_the_membership_past_due(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial
):
    _checkout, stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    ref, customer = sub.provider_ref, sub.provider_customer_ref
    renewal = stripe_sub["current_period_end"]
    retry_at = int(time.time()) + 3 * DAY
    failed = invoice(
        invoice_id="in_renewal",
        sub_id=ref,
        customer=customer,
        price=monthly.stripe_price_id,
        amount=900,
        period=(renewal, renewal + 30 * DAY),
        status="open",
        attempt_count=1,
        next_payment_attempt=retry_at,
        billing_reason="subscription_cycle",
    )
    # localstripe cannot fail a renewal; the recorder answers the re-read as Stripe would then.
    recorder.respond(
        "GET",
        f"/v1/subscriptions/{ref}",
        subscription(
            sub_id=ref,
            customer=customer,
            price=monthly.stripe_price_id,
            checkout_id="",
            status="past_due",
            period=(stripe_sub["current_period_start"], renewal),
            latest_invoice=failed,
        ),
    )
    with stripe_api(settings, recorder.url):
        assert post_event(client, event("invoice.payment_failed", failed)).json() == {"received": 2}
    sub.refresh_from_db()
    assert sub.status == "past_due"
    assert (sub.next_payment_attempt, sub.payment_attempts) == (at(retry_at), 1)
    failure = Payment.objects.get(provider_ref="in_renewal:1")
    assert (failure.state, failure.amount, failure.subscription) == ("failed", 900, sub)
    assert paying(member, timezone.now())  # the grace period


# --- Webhook safety -----------------------------------------------------------------------------------


def test_bad_signatures_and_bodies_are_refused_and_nothing_is_recorded(client, settings, demo):
    evt = event(
        "customer.subscription.updated", {"id": "sub_x", "object": "subscription", "status": "active"}
    )
    body = json.dumps(evt).encode()
    before = ProviderEvent.objects.count()
    refused = {
        "no signature": client.post(WEBHOOK, data=body, content_type="application/json"),
        "another secret": post_event(client, evt, secret="whsec_someone_else"),
        "changed after signing": client.post(
            WEBHOOK,
            data=body.replace(b"active", b"paused"),
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=stripe_signature(body),
        ),
        "too old (a replay)": post_event(client, evt, timestamp=int(time.time()) - 3600),
        "not a signature": client.post(
            WEBHOOK, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE="x"
        ),
        "signed, not JSON": post_event(client, b"{not json"),
        "signed, not an event": post_event(client, b"[1, 2]"),
        "signed, not UTF-8": post_event(client, b"\xff\xfe"),
    }
    for case, response in refused.items():
        assert response.status_code == 400, case
        assert "error" in response.json(), case
    assert ProviderEvent.objects.count() == before
    assert client.get(WEBHOOK).status_code == 405

    settings.STRIPE_SECRET_KEY = ""
    assert post_event(client, evt).status_code == 404


def test_the_same_event_twice_is_processed_once(
    client, localstripe, recorder, settings, member, monthly, synced, no_trial
):
    _checkout, _stripe_sub, sub = subscribe_through_stripe(
        client, settings, recorder, localstripe, member, monthly
    )
    events = ProviderEvent.objects.count()
    version = sub.provider_version
    (paid,) = localstripe.events("invoice.payment_succeeded")
    assert post_event(client, paid).json() == {"received": 2}
    assert ProviderEvent.objects.count() == events
    assert Payment.objects.filter(subscription=sub).count() == 1
    sub.refresh_from_db()
    assert sub.provider_version == version


def test_events_that_are_not_ours_are_acknowledged_and_ignored(client, localstripe, demo, synced):
    before = ProviderEvent.objects.count()
    unknown = event("customer.tax_id.created", {"id": "txi_1", "object": "tax_id"})
    assert post_event(client, unknown).json() == {"received": 0}
    # A subscription someone made in the Stripe dashboard (no checkout of ours) is not ours.
    monthly = Price.objects.get(plan__slug="individual", interval="month", currency="USD", active=True)
    api = localstripe.client().v1
    card = api.payment_methods.create(
        {
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 1, "exp_year": 2034, "cvc": "123"},
        }
    )
    customer = api.customers.create(
        {
            "email": "x@example.com",
            "invoice_settings": {"default_payment_method": card.id},
            "payment_method": card.id,
        }
    )
    foreign = api.subscriptions.create(
        {"customer": customer.id, "items": [{"plan": monthly.stripe_price_id}]}
    )
    assert post_event(client, event("customer.subscription.created", foreign.to_dict())).json() == {
        "received": 0
    }
    (paid,) = localstripe.events("invoice.payment_succeeded")
    assert post_event(client, paid).json() == {"received": 0}
    assert ProviderEvent.objects.count() == before


def test_an_outage_during_checkout_leaves_a_failed_checkout_and_nothing_else(
    settings, member, monthly, synced
):
    monthly.refresh_from_db()
    with stripe_api(settings, f"http://127.0.0.1:{free_port()}"), pytest.raises(BillingError) as refused:
        services.checkout_start(user=member, price=monthly, base_url=SITE)
    assert refused.value.code == "provider_unavailable"
    checkout = CheckoutSession.objects.get(user=member)
    assert checkout.state == "failed" and "APIConnectionError" in checkout.error
    assert not Subscription.objects.filter(user=member).exists()
    assert not Grant.objects.filter(user=member).exists()


def test_an_outage_while_rechecking_an_event_asks_stripe_to_retry(client, settings, demo):
    evt = event(
        "customer.subscription.updated", {"id": "sub_x", "object": "subscription", "status": "active"}
    )
    before = ProviderEvent.objects.count()
    with stripe_api(settings, f"http://127.0.0.1:{free_port()}"):
        assert post_event(client, evt).status_code == 503
    assert ProviderEvent.objects.count() == before


# --- The snapshot ---------------------------------------------------------------------------------------


def test_the_snapshot_reads_fields_where_each_api_version_puts_them():
    current = subscription(
        sub_id="sub_1",
        customer="cus_1",
        price="plan_1",
        checkout_id="c1",
        period=(1_790_000_000, 1_792_600_000),
    )
    older = dict(
        current,
        current_period_start=1_790_000_000,
        current_period_end=1_792_600_000,
        items={"object": "list", "data": [{"id": "si_1", "plan": {"id": "plan_1"}, "quantity": 1}]},
    )
    assert snapshot(current, version=1) == snapshot(older, version=1)
    snap = snapshot(current, version=1)
    assert (snap.price_ref, snap.checkout_id, snap.state) == ("plan_1", "c1", "active")
    assert snap.current_period_end == at(1_792_600_000).isoformat()
    assert snapshot(dict(current, pause_collection={"behavior": "void"})).state == "paused"
    assert snapshot(dict(current, cancel_at=1_792_600_000)).cancel_at_period_end is True


def test_prices_without_stripe_ids_are_refused_politely(settings, recorder, member, monthly):
    with pytest.raises(BillingError) as refused:
        start_checkout(settings, recorder, member, monthly)
    assert refused.value.code == "provider_unavailable"
    assert "stripe_sync" in CheckoutSession.objects.get(user=member).error
    assert not recorder.sent("POST", "/v1/checkout/sessions")
