"""Handing a checkout to the payment provider.

Below services.py, gifts.py, payments.py and prepaid.py, which all start checkouts: none of them
imports services for it. Above the providers (providers.factory), so nothing the providers reach
(billing.events and what it settles, settlement.py) may import this module.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from .errors import BillingError, ProviderUnavailable
from .models import CheckoutSession
from .providers.factory import get_provider


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
