"""Paying subscribers keep paying where they paid: imported members whose Stripe customer has an
active subscription are linked to it against a real localstripe server — their access starts at
once, nothing is charged, no checkout is opened, and Stripe's later webhooks apply as usual."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from masthead.access.readers import load_reader
from masthead.billing.models import CheckoutSession, Price, Subscription
from tests.billing.stripe_helpers import API_KEY, GOOD_CARD, WEBHOOK_SECRET, LocalStripe, event, post_event

from .conftest import render_fixture
from .helpers import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def localstripe():
    server = LocalStripe()
    yield server
    server.close()


@pytest.fixture
def stripe_account(localstripe, settings, demo):
    localstripe.flush()
    settings.STRIPE_SECRET_KEY = API_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe.url
    call_command("stripe_sync", stdout=io.StringIO(), stderr=io.StringIO())
    return localstripe


def customer_with_subscription(api, email, plan):
    """What the old platform left at Stripe: a customer with a card, paying for `plan`."""
    card = api.payment_methods.create(
        {"type": "card", "card": {"number": GOOD_CARD, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
    )
    customer = api.customers.create(
        {"email": email, "payment_method": card.id, "invoice_settings": {"default_payment_method": card.id}}
    )
    sub = api.subscriptions.create({"customer": customer.id, "items": [{"plan": plan}]})
    return customer.id, sub.to_dict()


def invoices(api):
    return len(api.invoices.list({"limit": 100}).data)


def test_imported_paying_members_are_linked_to_their_subscriptions_without_a_new_charge(
    stripe_account, tmp_path, client
):
    api = stripe_account.client().v1
    monthly = Price.objects.get(plan__slug="individual", interval="month", currency="USD", active=True)
    api.products.create({"id": "old_product", "name": "Old platform plan"})
    api.plans.create(
        {
            "id": "old_platform_yearly",
            "product": "old_product",
            "amount": 9900,
            "currency": "usd",
            "interval": "year",
        }
    )
    erin_customer, erin_sub = customer_with_subscription(api, "erin@example.com", monthly.stripe_price_id)
    frank_customer, frank_sub = customer_with_subscription(api, "frank@example.com", "old_platform_yearly")
    members = render_fixture(
        "ghost_members.csv", tmp_path / "m.csv", CUSTOMER_ERIN=erin_customer, CUSTOMER_FRANK=frank_customer
    )
    charged = invoices(api)
    checkouts = CheckoutSession.objects.count()

    dry = run_import("import_members", "ghost", members, "--dry-run")
    assert "subscription: 1 linked, 2 unmatched" in dry
    assert not Subscription.objects.filter(provider="stripe").exists()

    output = run_import("import_members", "ghost", members)
    assert "subscription: 1 linked, 2 unmatched" in output
    assert (
        f"subscription {frank_sub['id']} on Stripe price old_platform_yearly matches no plan here" in output
    )
    assert "Stripe has no customer cus_doesnotexist" in output

    erin = Subscription.objects.get(provider="stripe", provider_ref=erin_sub["id"])
    assert erin.user.email == "erin@example.com" and erin.status == "active" and erin.price == monthly
    assert erin.provider_customer_ref == erin_customer
    now = timezone.now()
    assert load_reader(erin.user, now).is_paying(now), "access at once"
    assert invoices(api) == charged, "nothing was charged"
    assert CheckoutSession.objects.count() == checkouts, "nobody was sent to a checkout"

    # The same file again: nothing new.
    again = run_import("import_members", "ghost", members)
    assert "subscription: 1 linked" not in again
    assert Subscription.objects.filter(provider="stripe").count() == 1

    # Staff map Frank's old plan to one of ours and run the import again: he is linked now.
    output = run_import(
        "import_members", "ghost", members, "--plan-map", "old_platform_yearly=individual:year:USD"
    )
    assert "subscription: 1 linked" in output
    frank = Subscription.objects.get(provider_ref=frank_sub["id"])
    assert frank.user.email == "frank@example.com" and frank.price.interval == "year"
    assert invoices(api) == charged

    # Stripe's news about a linked subscription is handled like any other's (and only once).
    updated = api.subscriptions.update(erin_sub["id"], {"cancel_at_period_end": True}).to_dict()
    evt = event("customer.subscription.updated", updated)
    assert post_event(client, evt).status_code == 200
    assert post_event(client, evt).status_code == 200
    erin.refresh_from_db()
    assert erin.status == "canceled" and erin.cancel_at_period_end
    assert Subscription.objects.filter(provider="stripe", provider_ref=erin_sub["id"]).count() == 1


def test_a_plan_map_links_subscriptions_on_prices_we_do_not_know(stripe_account, tmp_path):
    api = stripe_account.client().v1
    api.products.create({"id": "old_product2", "name": "Old"})
    api.plans.create(
        {
            "id": "legacy_monthly",
            "product": "old_product2",
            "amount": 500,
            "currency": "usd",
            "interval": "month",
        }
    )
    customer, sub = customer_with_subscription(api, "uma@example.com", "legacy_monthly")
    members = tmp_path / "plain.csv"
    members.write_text(f"email,name,stripe_customer_id\numa@example.com,Uma,{customer}\n")
    output = run_import("import_members", "csv", members, "--plan-map", "legacy_monthly=individual:month:USD")
    assert "subscription: 1 linked" in output
    linked = Subscription.objects.get(provider_ref=sub["id"])
    assert linked.plan.slug == "individual" and linked.price.interval == "month"
