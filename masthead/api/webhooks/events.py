"""The events staff can send to webhooks, and the envelope every delivery carries.

Payloads name things (ids, slugs, URLs, statuses, a member's address for CRMs) and never carry
article text beyond the title and dek, message bodies, tokens, secrets or payment details.
"""

import uuid

from django.utils.translation import gettext_lazy as _

EVENTS = {
    "article.published": _("Article published"),
    "article.updated": _("Published article updated"),
    "article.unpublished": _("Article unpublished"),
    "member.created": _("Member created"),
    "member.updated": _("Member updated"),
    "member.deleted": _("Member deleted"),
    "membership.started": _("Membership started"),
    "membership.renewed": _("Membership renewed"),
    "membership.canceled": _("Membership canceled"),
    "membership.ended": _("Membership ended"),
    "payment.failed": _("Payment failed"),
    "newsletter.sent": _("Newsletter sent"),
    "ticket.ordered": _("Tickets ordered"),
    "newsroom.message_received": _("Newsroom message received"),
}
EVENT_CHOICES = list(EVENTS.items())


def new_event_id():
    return uuid.uuid4()


def envelope(*, event, event_id, payload, now):
    return {"id": str(event_id), "event": event, "created_at": now.isoformat(), "data": payload}
