# ruff: noqa: F811 - the Stripe fixtures are imported from test_stripe and requested by name
"""CNY memberships paid once with Alipay or WeChat Pay through Stripe Checkout (billing.prepaid).

As in test_stripe.py: Checkout is answered by the recording Stripe stand-in (localstripe has no
Checkout), which keeps exactly what our SDK calls sent; Checkout's events are signed as Stripe
signs them and posted to our real webhook endpoint, so verification, storage once per event id
and the handlers all run. Delayed methods send checkout.session.completed with
payment_status=unpaid first, then checkout.session.async_payment_succeeded or _failed.
"""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.access.models import Grant
from masthead.billing.errors import BillingError
from masthead.billing.methods import methods_for, parse_methods
from masthead.billing.models import (
    BillingSettings,
    CheckoutSession,
    Payment,
    PrepaidMembership,
    Price,
    ProviderEvent,
)
from masthead.billing.prepaid import prepaid_checkout_start

from .conftest import is_paying
from .stripe_helpers import completed_session, event, post_event, stripe_signature
from .test_stripe import (  # noqa: F401 - fixtures
    SITE,
    WEBHOOK,
    localstripe,
    recorder,
    start_checkout,
    stripe_account,
    stripe_api,
    synced,
)

pytestmark = pytest.mark.django_db


def start_prepaid(settings, recorder, user, price, **kwargs):
    with stripe_api(settings, recorder.url):
        return prepaid_checkout_start(user=user, price=price, base_url=SITE, **kwargs)


def session_for(checkout, *, payment_status, status="complete", intent="pi_cny_1"):
    session = completed_session(
        checkout_id=str(checkout.pk),
        mode="payment",
        payment_intent=intent,
        amount_total=checkout.amount_due,
        currency="cny",
    )
    session.update(
        payment_status=payment_status,
        status=status,
        payment_method_types=["card", "alipay", "wechat_pay"],
    )
    return session


def test_a_prepaid_cny_checkout_names_alipay_and_wechat_pay(settings, recorder, member, cny_monthly):
    checkout, url = start_prepaid(settings, recorder, member, cny_monthly)
    (sent,) = recorder.sent("POST", "/v1/checkout/sessions")
    assert sent.form == {
        "mode": "payment",
        "line_items[0][quantity]": "1",
        "line_items[0][price_data][currency]": "cny",
        "line_items[0][price_data][unit_amount]": "6800",
        "line_items[0][price_data][product_data][name]": "Individual (1 month, paid once)",
        "payment_intent_data[metadata][checkout_id]": str(checkout.pk),
        "payment_method_types[0]": "card",
        "payment_method_types[1]": "alipay",
        "payment_method_types[2]": "wechat_pay",
        "payment_method_options[wechat_pay][client]": "web",
        "client_reference_id": str(checkout.pk),
        "customer_email": member.email,
        "metadata[checkout_id]": str(checkout.pk),
        "success_url": SITE + reverse("billing:checkout_return", args=[checkout.pk]),
        "cancel_url": SITE + reverse("billing:pricing"),
    }
    assert url.startswith("https://checkout.stripe.com/")
    assert (checkout.kind, checkout.currency, checkout.amount_due) == ("prepaid", "CNY", 6800)


def test_a_renewing_cny_membership_names_no_wallets(settings, recorder, member, cny_monthly, synced):
    # WeChat Pay has no subscription mode in Checkout: a renewing membership stays on the
    # account's recurring methods (card), exactly as before.
    start_checkout(settings, recorder, member, cny_monthly)
    (sent,) = recorder.sent("POST", "/v1/checkout/sessions")
    assert sent.form["mode"] == "subscription"
    assert not any(key.startswith("payment_method_") for key in sent.form)


def test_access_follows_the_delayed_payment(client, settings, recorder, member, cny_yearly):
    checkout, _url = start_prepaid(settings, recorder, member, cny_yearly, method="wechat_pay")
    now = timezone.now()
    # The reader reached the QR code: Checkout is complete, the money is not.
    unpaid = event("checkout.session.completed", session_for(checkout, payment_status="unpaid"))
    assert post_event(client, unpaid).json() == {"received": 0}
    checkout.refresh_from_db()
    assert checkout.state == "open" and not Payment.objects.exists()
    assert not Grant.objects.filter(user=member).exists() and not is_paying(member, now)

    succeeded = event(
        "checkout.session.async_payment_succeeded", session_for(checkout, payment_status="paid")
    )
    assert post_event(client, succeeded).json() == {"received": 1}
    payment = Payment.objects.get(provider="stripe", provider_ref="pi_cny_1")
    assert (payment.amount, payment.currency, payment.state) == (68000, "CNY", "paid")
    assert payment.description == "Individual (1 year, paid once)" and payment.receipt_number
    period = PrepaidMembership.objects.get(checkout=checkout)
    assert period.payment == payment and period.user == member
    assert (period.ends_at - period.starts_at).days in (365, 366)
    grant = Grant.objects.get(user=member, source="prepaid")
    assert (grant.starts_at, grant.ends_at) == (period.starts_at, period.ends_at)
    assert is_paying(member, timezone.now())
    checkout.refresh_from_db()
    assert checkout.state == "complete"

    # Replays — the same delivery, and a second event id for the same payment — change nothing.
    events_before = ProviderEvent.objects.count()
    assert post_event(client, succeeded).status_code == 200
    assert ProviderEvent.objects.count() == events_before
    again = event("checkout.session.async_payment_succeeded", session_for(checkout, payment_status="paid"))
    assert post_event(client, again).status_code == 200
    assert PrepaidMembership.objects.count() == 1 and Payment.objects.count() == 1
    assert Grant.objects.filter(user=member, source="prepaid").count() == 1
    # A failure arriving after the success does not undo what was paid.
    failed = event("checkout.session.async_payment_failed", session_for(checkout, payment_status="unpaid"))
    assert post_event(client, failed).status_code == 200
    checkout.refresh_from_db()
    assert checkout.state == "complete" and is_paying(member, timezone.now())


def test_a_failed_alipay_payment_grants_nothing_and_says_why(client, settings, recorder, member, cny_monthly):
    checkout, _url = start_prepaid(settings, recorder, member, cny_monthly, method="alipay")
    unpaid = event("checkout.session.completed", session_for(checkout, payment_status="unpaid"))
    failed = event("checkout.session.async_payment_failed", session_for(checkout, payment_status="unpaid"))
    assert post_event(client, unpaid).json() == {"received": 0}
    assert post_event(client, failed).json() == {"received": 1}
    checkout.refresh_from_db()
    assert checkout.state == "failed" and checkout.error.startswith("payment_method_failed")
    assert not Payment.objects.exists() and not PrepaidMembership.objects.exists()
    assert not Grant.objects.filter(user=member).exists()

    client.force_login(member)
    response = client.get(reverse("billing:checkout_return", args=[checkout.pk]), follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and "did not go through" in html and "Nothing was charged" in html


def test_tampered_or_foreign_async_events_change_nothing(client, settings, recorder, member, cny_monthly):
    checkout, _url = start_prepaid(settings, recorder, member, cny_monthly)
    succeeded = event(
        "checkout.session.async_payment_succeeded", session_for(checkout, payment_status="paid")
    )
    body = json.dumps(succeeded).encode()
    tampered = client.post(
        WEBHOOK,
        data=body.replace(b'"amount_total": 6800', b'"amount_total": 1'),
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(body),
    )
    assert tampered.status_code == 400
    # Signed, but about a checkout that is not ours (or not an id at all): acknowledged, ignored.
    for reference in ("9b2f0a8e-9d1c-4a8e-8f55-6a1d2c3b4e5f", "not-a-uuid", None):
        session = session_for(checkout, payment_status="unpaid")
        session.update(client_reference_id=reference, metadata={"checkout_id": reference})
        assert post_event(client, event("checkout.session.async_payment_failed", session)).json() == {
            "received": 0
        }
    assert not ProviderEvent.objects.exists() and not Payment.objects.exists()
    checkout.refresh_from_db()
    assert checkout.state == "open"


def test_staff_choose_the_methods_per_currency(settings, recorder, member, cny_monthly, demo):
    config = BillingSettings.objects.get()
    config.payment_methods = "CNY: card, wechat_pay\nUSD: card, alipay"
    config.save()
    assert methods_for("CNY") == ["card", "wechat_pay"] and methods_for("USD") == ["card", "alipay"]
    assert methods_for("CNY", recurring=True) == ["card"] and methods_for("GBP") == ["card"]
    checkout, _url = start_prepaid(settings, recorder, member, cny_monthly)
    (sent,) = recorder.sent("POST", "/v1/checkout/sessions")
    assert [sent.form.get(f"payment_method_types[{i}]") for i in range(3)] == ["card", "wechat_pay", None]
    with pytest.raises(BillingError) as refused:
        start_prepaid(settings, recorder, member, cny_monthly, method="alipay")
    assert refused.value.code == "method_unavailable"

    config.payment_methods = "CNY: card"
    config.save()
    with pytest.raises(BillingError) as refused:
        start_prepaid(settings, recorder, member, cny_monthly)
    assert refused.value.code == "method_unavailable"

    # What staff type is checked: unknown methods and currencies a method does not take.
    for bad in ("CNY card alipay", "CNY: paypal", "BRL: wechat_pay"):
        with pytest.raises(ValueError, match="Line 1"):
            parse_methods(bad, strict=True)
    assert parse_methods("CNY: paypal, alipay\n\nxx") == {"CNY": ["alipay"]}


def test_a_group_plan_cannot_be_prepaid(settings, recorder, member, demo):
    team = Price.objects.get(plan__slug="team", interval="month", currency="CNY")
    with pytest.raises(BillingError) as refused:
        start_prepaid(settings, recorder, member, team)
    assert refused.value.code == "prepaid_not_for_plan"
    assert not recorder.sent("POST", "/v1/checkout/sessions")
    assert not CheckoutSession.objects.exists()
