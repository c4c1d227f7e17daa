"""Every change the api app makes: keys, webhook targets, events queued for delivery.

Deliveries themselves (the HTTP call, retries, disabling a gone target) are in
webhooks/delivery.py; tasks.py wraps them.
"""

import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.core.audit import audit
from masthead.core.cachetags import invalidate_on_change

from . import keys
from . import scopes as scope_rules
from .errors import ApiRefused
from .models import ApiKey, WebhookDelivery, WebhookTarget
from .tasks import deliver_webhook
from .webhooks import events as webhook_events
from .webhooks.addresses import check_target_url


def api_key_create(*, name, kind, scopes=(), actor=None, now=None):
    """Make a key. Returns (key row, the key itself) — the only time the key is known."""
    now = now or timezone.now()
    name = (name or "").strip()
    if not name:
        raise ApiRefused("name_required")
    if kind not in ApiKey.Kind.values:
        raise ApiRefused("bad_kind")
    wanted = sorted(set(scopes))
    if kind == ApiKey.Kind.CONTENT and wanted:
        raise ApiRefused("scopes_on_content_key")
    if kind == ApiKey.Kind.ADMIN:
        if not wanted:
            raise ApiRefused("no_scopes")
        if unknown := scope_rules.invalid(wanted):
            raise ApiRefused("bad_scope", scopes=", ".join(unknown))
    raw = keys.new_key(kind)
    try:
        with transaction.atomic():
            key = ApiKey.objects.create(
                name=name,
                kind=kind,
                prefix=raw[:8],
                key_hash=keys.hash_key(raw),
                scopes=wanted,
                created_at=now,
                created_by=actor if getattr(actor, "pk", None) else None,
            )
            audit("api.key.created", actor=actor, target=key, now=now, kind=kind, scopes=wanted)
    except IntegrityError as error:
        raise ApiRefused("name_taken") from error
    return key, raw


def api_key_revoke(*, name=None, key=None, actor=None, now=None):
    """Revoke a key at once. Its cached Content API responses go too (the page cache's
    generation is bumped, which also drops every process's remembered key lookups)."""
    now = now or timezone.now()
    with transaction.atomic():
        qs = ApiKey.objects.select_for_update().filter(revoked_at__isnull=True)
        key = qs.filter(pk=key.pk).first() if key is not None else qs.filter(name=name).first()
        if key is None:
            raise ApiRefused("no_such_key", name=name or "")
        key.revoked_at = now
        key.save(update_fields=["revoked_at"])
        audit("api.key.revoked", actor=actor, target=key, now=now)
        invalidate_on_change()
    keys.forget()
    return key


_touched = {}


def api_key_touch(*, key_id, now=None):
    """Record that a key was used, at most once every ten minutes per key: each process asks the
    shared cache at most once a minute per key, so a busy key costs no write per request."""
    now = now or timezone.now()
    seen = _touched.get(key_id)
    if seen is not None and (now - seen).total_seconds() < 60:
        return
    _touched[key_id] = now
    if cache.add(f"api:key-used:{key_id}", 1, 600):
        ApiKey.objects.filter(pk=key_id).update(last_used_at=now)


def _clean_events(events):
    events = sorted(set(events or ()))
    if not events:
        raise ApiRefused("no_events")
    if unknown := sorted(set(events) - set(webhook_events.EVENTS)):
        raise ApiRefused("bad_event", events=", ".join(unknown))
    return events


def webhook_target_create(*, name, url, events, actor=None, now=None):
    now = now or timezone.now()
    events = _clean_events(events)
    check_target_url(url)
    with transaction.atomic():
        target = WebhookTarget.objects.create(
            name=name,
            url=url,
            events=events,
            secret=secrets.token_hex(32),
            created_at=now,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        audit("api.webhook.created", actor=actor, target=target, now=now, url=url, events=events)
    return target


def webhook_target_update(*, target, name, url, events, active, actor=None, now=None):
    """Change a target. Turning it back on clears why it was turned off (e.g. a 410)."""
    now = now or timezone.now()
    events = _clean_events(events)
    check_target_url(url)
    with transaction.atomic():
        target = WebhookTarget.objects.select_for_update().get(pk=target.pk)
        target.name, target.url, target.events = name, url, events
        if active and not target.active:
            target.disabled_reason = ""
        target.active = active
        target.save(update_fields=["name", "url", "events", "active", "disabled_reason"])
        audit("api.webhook.changed", actor=actor, target=target, now=now, url=url, active=active)
    return target


def webhook_target_rotate_secret(*, target, actor=None, now=None):
    with transaction.atomic():
        target = WebhookTarget.objects.select_for_update().get(pk=target.pk)
        target.secret = secrets.token_hex(32)
        target.save(update_fields=["secret"])
        audit("api.webhook.secret_rotated", actor=actor, target=target, now=now)
    return target


def webhook_event_queue(*, event, payload, now=None):
    """Record one delivery per active target that wants `event`, and send them after commit.

    Called from the receivers of other apps' domain signals, which those apps send on commit;
    this opens its own transaction. Returns the deliveries made.
    """
    now = now or timezone.now()
    if event not in webhook_events.EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    targets = [t for t in WebhookTarget.objects.filter(active=True) if event in (t.events or [])]
    if not targets:
        return []
    event_id = webhook_events.new_event_id()
    body = webhook_events.envelope(event=event, event_id=event_id, payload=payload, now=now)
    with transaction.atomic():
        deliveries = [
            WebhookDelivery.objects.create(
                target=target,
                event_id=event_id,
                event=event,
                payload=body,
                next_attempt_at=now,
                created_at=now,
            )
            for target in targets
        ]
        for delivery in deliveries:
            transaction.on_commit(lambda pk=delivery.pk: deliver_webhook.enqueue(pk))
    return deliveries
