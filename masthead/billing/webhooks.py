"""Stripe's webhook endpoint: verify, normalise, and hand each event to billing.events.

Nothing unsigned is stored or acted on: a bad signature or a malformed body is answered 400 before
anything is recorded. Each normalised event goes through events.handle_event, which stores it once
by id, so Stripe's duplicate deliveries and retries are harmless. If any event failed we answer 500
and Stripe retries the delivery later; the retry finds the events that succeeded already processed.
A refund for a payment not recorded yet is parked (stored, applied when the payment arrives) and
acknowledged.
"""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .errors import ProviderUnavailable
from .events import handle_event

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    if not (settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET):
        return JsonResponse({"error": "Stripe is not configured"}, status=404)
    # Imported here, not at start-up: the Stripe SDK (and aiohttp, which it loads when installed)
    # is ~7 MB that a web process serving readers never needs (issue 15).
    from .providers.stripe import InvalidWebhook, parse_webhook

    try:
        events = parse_webhook(request.body, request.headers.get("Stripe-Signature", ""))
    except InvalidWebhook as error:
        logger.warning("Rejected a Stripe webhook: %s", error)
        return JsonResponse({"error": f"invalid webhook: {error}"}, status=400)
    except ProviderUnavailable:
        # The event is fine but Stripe cannot be asked what it is about: let Stripe retry.
        return JsonResponse({"error": "Stripe could not be reached; retry later"}, status=503)
    results = [
        handle_event(provider="stripe", event_id=event_id, event_type=event_type, payload=payload)
        for event_id, event_type, payload in events
    ]
    if "failed" in results:
        return JsonResponse({"received": len(results), "failed": results.count("failed")}, status=500)
    return JsonResponse({"received": len(results)})
