# ruff: noqa: F811 - the Stripe fixtures are imported from test_stripe and requested by name
"""A refund through Stripe ends (or shortens) the prepaid period it paid for.

Against localstripe, as test_stripe.py: the prepaid Checkout's payment is a real PaymentIntent in
localstripe (Checkout itself is answered by the recording stand-in, localstripe has none), the
refund is made in localstripe — by our staff action through the SDK, or "in the Stripe
dashboard" straight against its API — and Stripe's events for it (charge.refunded, refund.created,
refund.updated: localstripe sends none of them itself) are built from localstripe's own charge and
refund objects, signed as Stripe signs them, and posted to our real endpoint.
"""

import json
import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.access.models import Grant
from masthead.billing import services
from masthead.billing.models import Payment, PrepaidMembership, ProviderEvent

from .conftest import is_paying
from .stripe_helpers import event, post_event, stripe_signature
from .test_cny_payments import session_for, start_prepaid
from .test_stripe import (  # noqa: F401 - fixtures
    WEBHOOK,
    localstripe,
    recorder,
    stripe_account,
    stripe_api,
)

pytestmark = pytest.mark.django_db


def stripe_payment_intent(localstripe, amount, currency="cny"):
    """The PaymentIntent Checkout makes for a one-off payment, paid (localstripe speaks card only;
    what is refunded and reported is the same for an Alipay or WeChat Pay intent)."""
    api = localstripe.client().v1
    card = api.payment_methods.create(
        {
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034, "cvc": "123"},
        }
    )
    intent = api.payment_intents.create(
        {"amount": amount, "currency": currency, "payment_method": card.id, "confirm": True}
    ).to_dict()
    assert intent["status"] == "succeeded"
    return intent


def prepaid_through_stripe(client, settings, recorder, localstripe, member, price, method="alipay"):
    checkout, _url = start_prepaid(settings, recorder, member, price, method=method)
    intent = stripe_payment_intent(localstripe, checkout.amount_due)
    succeeded = event(
        "checkout.session.async_payment_succeeded",
        session_for(checkout, payment_status="paid", intent=intent["id"]),
    )
    assert post_event(client, succeeded).json() == {"received": 1}
    return PrepaidMembership.objects.select_related("payment").get(checkout=checkout), intent


def charge_of(localstripe, intent):
    api = localstripe.client().v1
    latest = api.payment_intents.retrieve(intent["id"]).to_dict()["latest_charge"]
    return api.charges.retrieve(latest["id"] if isinstance(latest, dict) else latest).to_dict()


def test_a_staff_refund_through_stripe_ends_the_period_and_stripes_events_change_nothing(
    client,
    settings,
    recorder,
    localstripe,
    member,
    cny_monthly,
    staff_user,
    django_capture_on_commit_callbacks,
):
    period, intent = prepaid_through_stripe(client, settings, recorder, localstripe, member, cny_monthly)
    assert period.payment.provider_ref == intent["id"] and is_paying(member, timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        services.refund_payment(payment=period.payment, actor=staff_user)
    api = localstripe.client().v1
    (refund,) = api.refunds.list({"payment_intent": intent["id"]}).to_dict()["data"]
    assert (refund["amount"], refund["status"]) == (6800, "succeeded")
    period.refresh_from_db()
    now = timezone.now()
    assert period.refunded_amount == 6800 and period.ends_at <= now and not is_paying(member, now)
    grant = Grant.objects.get(user=member, source="prepaid")
    assert grant.ends_at == period.ends_at

    # What Stripe then sends about that refund — both kinds, each possibly twice — changes nothing.
    charge = charge_of(localstripe, intent)
    assert charge["amount_refunded"] == 6800
    before = (period.ends_at, grant.ends_at, Payment.objects.count())
    for evt in (event("charge.refunded", charge), event("refund.created", refund)):
        assert post_event(client, evt).json() == {"received": 1}
        assert post_event(client, evt).json() == {"received": 1}  # a duplicate delivery
    period.refresh_from_db()
    grant.refresh_from_db()
    assert (period.ends_at, grant.ends_at, Payment.objects.count()) == before


def test_a_partial_refund_in_the_stripe_dashboard_shortens_the_period(
    client, settings, recorder, localstripe, member, cny_monthly
):
    first, intent = prepaid_through_stripe(client, settings, recorder, localstripe, member, cny_monthly)
    second, _intent = prepaid_through_stripe(
        client, settings, recorder, localstripe, member, cny_monthly, method="wechat_pay"
    )
    assert second.starts_at == first.ends_at
    full, second_length = first.ends_at - first.starts_at, second.ends_at - second.starts_at

    # Half of the first month back, made in Stripe, not by us: we learn it from refund.created.
    refund = (
        localstripe.client().v1.refunds.create({"payment_intent": intent["id"], "amount": 3400}).to_dict()
    )
    assert post_event(client, event("refund.created", refund)).json() == {"received": 1}
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.refunded_amount == 3400
    assert abs(first.ends_at - (first.starts_at + full / 2)) < timedelta(seconds=1)
    assert second.starts_at == first.ends_at and second.ends_at - second.starts_at == second_length
    grant = Grant.objects.get(source_ref=f"prepaid:{second.pk}")
    assert (grant.starts_at, grant.ends_at) == (second.starts_at, second.ends_at)
    assert Payment.objects.get(state="refunded", provider_ref=intent["id"]).amount == 3400
    # charge.refunded for the same refund carries the same total: no news.
    assert post_event(client, event("charge.refunded", charge_of(localstripe, intent))).status_code == 200
    first.refresh_from_db()
    assert first.refunded_amount == 3400
    # A refund still pending gives nothing back yet: acknowledged, not even stored.
    pending = dict(refund, id="re_pending", status="pending")
    assert post_event(client, event("refund.updated", pending)).json() == {"received": 0}


def test_a_refund_of_a_payment_we_do_not_know_is_logged_and_changes_nothing(
    client, settings, recorder, localstripe, member, demo, caplog, django_capture_on_commit_callbacks
):
    intent = stripe_payment_intent(localstripe, 500, "usd")
    localstripe.client().v1.refunds.create({"payment_intent": intent["id"]})
    charge = charge_of(localstripe, intent)
    # We look the intent up among invoice payments (an invoice's charge since 2025-03-31);
    # localstripe has no such endpoint, so the recorder answers as Stripe does: none.
    recorder.respond("GET", "/v1/invoice_payments", {"object": "list", "has_more": False, "data": []})
    with (
        stripe_api(settings, recorder.url),
        caplog.at_level(logging.WARNING, logger="masthead.billing.events"),
        django_capture_on_commit_callbacks(execute=True),  # the log line is written after the commit
    ):
        response = post_event(client, event("charge.refunded", charge))
        # A refund object naming a charge Stripe does not have: acknowledged and ignored.
        ghost = {
            "id": "re_ghost",
            "object": "refund",
            "status": "succeeded",
            "charge": "ch_nope",
            "amount": 1,
        }
        assert post_event(client, event("refund.created", ghost)).json() == {"received": 0}
    assert response.json() == {"received": 1}
    assert f"waits for payment {intent['id']}: parked" in caplog.text
    assert not Payment.objects.exists() and not Grant.objects.exists()
    (parked,) = ProviderEvent.objects.all()  # kept, in case its payment is only late
    assert parked.processed_at is None and parked.waiting_for == intent["id"]


def test_a_refund_that_arrives_before_its_payment_still_ends_the_period(
    client, settings, recorder, localstripe, member, cny_monthly
):
    checkout, _url = start_prepaid(settings, recorder, member, cny_monthly, method="wechat_pay")
    intent = stripe_payment_intent(localstripe, checkout.amount_due)
    localstripe.client().v1.refunds.create({"payment_intent": intent["id"]})
    recorder.respond("GET", "/v1/invoice_payments", {"object": "list", "has_more": False, "data": []})
    with stripe_api(settings, recorder.url):
        assert post_event(client, event("charge.refunded", charge_of(localstripe, intent))).status_code == 200
    succeeded = event(
        "checkout.session.async_payment_succeeded",
        session_for(checkout, payment_status="paid", intent=intent["id"]),
    )
    assert post_event(client, succeeded).json() == {"received": 1}
    period = PrepaidMembership.objects.get(checkout=checkout)
    now = timezone.now()
    assert period.refunded_amount == 6800 and period.ends_at <= now and not is_paying(member, now)
    assert not ProviderEvent.objects.filter(processed_at__isnull=True).exists()


def test_unsigned_or_tampered_refund_events_are_refused(
    client, settings, recorder, localstripe, member, cny_monthly
):
    period, intent = prepaid_through_stripe(client, settings, recorder, localstripe, member, cny_monthly)
    localstripe.client().v1.refunds.create({"payment_intent": intent["id"]})
    body = json.dumps(event("charge.refunded", charge_of(localstripe, intent))).encode()
    unsigned = client.post(WEBHOOK, data=body, content_type="application/json")
    wrong = client.post(
        WEBHOOK,
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(b"x" + body),
    )
    assert (unsigned.status_code, wrong.status_code) == (400, 400)
    assert not Payment.objects.filter(state="refunded").exists()
    period.refresh_from_db()
    assert period.refunded_amount == 0 and is_paying(member, timezone.now())
