"""Handing a checkout to the payment provider, and the member's live subscription (which every
checkout checks first).

Below services.py, gifts.py, payments.py and prepaid.py, which all start checkouts, and the test
provider, which completes them: none of them imports services for these.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from .errors import BillingError, ProviderUnavailable
from .models import LIVE_STATUSES, CheckoutSession, Subscription
from .providers import get_provider


def live_subscription(user):
    if user is None or not user.is_authenticated:
        return None
    return (
        Subscription.objects.filter(user=user, status__in=LIVE_STATUSES)
        .select_related("plan", "price", "offer")
        .first()
    )


def _send_to_provider(checkout, *, base_url):
    provider = get_provider(checkout.provider)
    success = base_url + reverse("billing:checkout_return", args=[checkout.pk])
    cancel = (
        base_url
        + reverse("billing:pricing")
        + (f"?{urlencode({'next': checkout.next_url})}" if checkout.next_url else "")
    )
    try:
        url = provider.start_checkout(
            checkout, success_url=success, cancel_url=cancel, now=checkout.created_at or timezone.now()
        )
    except ProviderUnavailable as error:
        checkout.state, checkout.error = CheckoutSession.State.FAILED, str(error)[:300]
        checkout.save(update_fields=["state", "error"])
        raise BillingError("provider_unavailable") from error
    return url
