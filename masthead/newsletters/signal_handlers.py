"""Connections to apps that do not know about newsletters.

- allauth's `user_signed_up`: a new member gets the newsletters marked "subscribe new members".
- anymail's `tracking`: a bounce or spam complaint reported by the provider's webhook suppresses
  the address (sent for every tracking event the provider posts; we act on three kinds).
- anymail's `tracking` again: an unconfirmed delivery is settled by the provider's report of it.
- Saving a newsletter changes the signup box on cached pages: drop them.
"""

from allauth.account.signals import user_signed_up
from anymail.signals import tracking
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from masthead.core import cachetags
from masthead.members.forms import NEWSLETTER_CHOICES_ATTR

from .models import Newsletter, Suppression
from .services import delivery_reconcile, suppress
from .services import subscribe_new_member as subscribe_to_chosen_newsletters
from .transport import METADATA_KEY

SUPPRESSING_EVENTS = {
    "bounced": Suppression.Reason.BOUNCED,
    "complained": Suppression.Reason.COMPLAINED,
    "rejected": Suppression.Reason.REJECTED,
}


@receiver(user_signed_up)
def subscribe_new_member(sender, request, user, **kwargs):
    """The newsletters the new member ticked on the signup form (members.forms); none if none."""
    subscribe_to_chosen_newsletters(user=user, newsletter_ids=getattr(request, NEWSLETTER_CHOICES_ATTR, []))


@receiver(tracking)
def suppress_on_bounce(sender, event, esp_name, **kwargs):
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason and event.recipient:
        detail = f"{esp_name}: {event.description or event.reject_reason or event.event_type}"
        suppress(email=event.recipient, reason=reason, detail=detail, now=event.timestamp)


@receiver(tracking)
def reconcile_delivery(sender, event, esp_name, **kwargs):
    """A delivery handed over without hearing back (a worker killed mid-send) is settled by the
    provider's own report of it, found through the metadata we sent (transport.METADATA_KEY)."""
    key = (event.metadata or {}).get(METADATA_KEY)
    if key:
        detail = f"{esp_name}: {event.description or event.reject_reason or event.event_type}"
        delivery_reconcile(key=key, event_type=event.event_type, detail=detail, now=event.timestamp)


# The signup box on cached pages: every page (`site`, core.cachetags).
cachetags.on(post_save, cachetags.always(cachetags.SITE), sender=Newsletter)
cachetags.on(post_delete, cachetags.always(cachetags.SITE), sender=Newsletter)
