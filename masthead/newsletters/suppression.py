"""Addresses we never mail again (bounces, complaints, unsubscribes by the provider).

Below services.py and sending.py, which both suppress addresses: the sender when the server
refuses one for good, services when the provider reports it.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.core.audit import audit

from .models import Suppression


def normalise_email(email):
    return (email or "").strip().lower()


def suppress(*, email, reason, detail="", actor=None, now=None):
    """Never mail `email` again until it confirms anew. Safe to run twice (unique address)."""
    now = now or timezone.now()
    email = normalise_email(email)
    if not email:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                row = Suppression.objects.create(
                    email=email, reason=reason, detail=detail[:300], created_at=now
                )
        except IntegrityError:
            return False
        audit("newsletters.address.suppressed", actor=actor, target=row, now=now, reason=reason)
    return True
