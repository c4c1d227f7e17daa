"""Sending one delivery: claim it, POST the signed body, record what happened.

At least once: a delivery is claimed with a conditional UPDATE (so two workers never send the
same attempt), and one whose worker died in the middle is taken up again after the lease by the
retry sweep. Receivers drop duplicates by the `Masthead-Delivery` header (the event id).

Retries back off: WEBHOOK_RETRY_BASE_SECONDS × 4^(attempt − 1) — 30 s, 2 min, 8 min, 32 min,
~2 h with the defaults — up to WEBHOOK_MAX_ATTEMPTS attempts. A target answering 410 Gone is
turned off and its waiting deliveries fail (as Ghost does): the receiver said it is gone for good.
"""

import json
import logging
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from masthead.core.audit import audit

from ..errors import ApiRefused
from ..models import WebhookDelivery, WebhookTarget
from . import signing
from .addresses import check_target_url

logger = logging.getLogger(__name__)
Status = WebhookDelivery.Status
USER_AGENT = "Masthead-Webhooks/1"
# A delivery claimed longer ago than this was lost with its worker.
LEASE = timedelta(minutes=5)


def retry_delay(attempts):
    return timedelta(seconds=settings.WEBHOOK_RETRY_BASE_SECONDS * 4 ** max(0, attempts - 1))


def body_bytes(payload):
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def claim(delivery_id, now):
    """Take the delivery for one attempt; False if it is not due or someone else has it."""
    return bool(
        WebhookDelivery.objects.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
            pk=delivery_id,
            status__in=[Status.PENDING, Status.RETRYING],
        ).update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )


def post(target, delivery, *, now):
    """POST the signed body. Returns (status code or None, error text, milliseconds)."""
    body = body_bytes(delivery.payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Masthead-Event": delivery.event,
        "Masthead-Delivery": str(delivery.event_id),
        signing.HEADER: signing.header_value(target.secret, now.timestamp(), body),
    }
    started = time.monotonic()
    try:
        check_target_url(target.url)
        response = requests.post(
            target.url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
        response.close()
        return response.status_code, "", _ms(started)
    except ApiRefused as refusal:
        return None, refusal.message, _ms(started)
    except requests.RequestException as error:
        return None, f"{type(error).__name__}: {error}"[:300], _ms(started)


def _ms(started):
    return int((time.monotonic() - started) * 1000)


def attempt(*, delivery_id, now=None):
    """One attempt at one delivery. Returns the delivery, or None if there was nothing to do."""
    now = now or timezone.now()
    if not claim(delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("target").get(pk=delivery_id)
    target = delivery.target
    if not target.active:
        return _finish(delivery, Status.FAILED, now=now, error="The webhook is turned off.")
    code, error, duration = post(target, delivery, now=now)
    delivery.response_code, delivery.duration_ms = code, duration
    if code is not None and 200 <= code < 300:
        return _finish(delivery, Status.SUCCEEDED, now=now)
    if code == 410:
        target_gone(target=target, now=now)
        return _finish(delivery, Status.FAILED, now=now, error="410 Gone: the webhook was turned off.")
    error = error or f"HTTP {code}"
    if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        return _finish(delivery, Status.FAILED, now=now, error=error)
    delivery.status, delivery.error = Status.RETRYING, error
    delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save(update_fields=["status", "error", "next_attempt_at", "response_code", "duration_ms"])
    return delivery


def _finish(delivery, status, *, now, error=""):
    delivery.status, delivery.error, delivery.finished_at = status, error[:300], now
    delivery.next_attempt_at = None
    delivery.save(
        update_fields=["status", "error", "finished_at", "next_attempt_at", "response_code", "duration_ms"]
    )
    return delivery


def target_gone(*, target, now):
    """The receiver answered 410: turn the target off and fail what was waiting for it."""
    with transaction.atomic():
        target = WebhookTarget.objects.select_for_update().get(pk=target.pk)
        if target.active:
            target.active = False
            target.disabled_reason = "The receiver answered 410 Gone."
            target.save(update_fields=["active", "disabled_reason"])
            audit("api.webhook.disabled_gone", target=target, now=now, url=target.url)
        WebhookDelivery.objects.filter(target=target, status__in=[Status.PENDING, Status.RETRYING]).update(
            status=Status.FAILED, error="The webhook was turned off (410 Gone).", finished_at=now
        )


def due(now):
    """Deliveries to (re)send now: retries that are due, sends lost with their worker, and
    first attempts whose task never ran (e.g. the queue was down when they were recorded)."""
    lost = WebhookDelivery.objects.filter(status=Status.SENDING, claimed_at__lt=now - LEASE)
    lost.update(status=Status.RETRYING, next_attempt_at=now)
    return list(
        WebhookDelivery.objects.filter(
            Q(status=Status.RETRYING, next_attempt_at__lte=now)
            | Q(status=Status.PENDING, created_at__lt=now - timedelta(minutes=1))
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:500]
    )
