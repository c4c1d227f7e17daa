"""Operations on content that change state or send something."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

# A person may write to journalists this often; beyond that they wait (per address and per IP).
CONTACT_LIMIT = 5
CONTACT_WINDOW_SECONDS = 3600


@dataclass(frozen=True)
class ContactResult:
    ok: bool
    error: str = ""


def _within_limit(key, limit, window):
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def author_contact_send(*, author, sender_name, sender_email, message, client_ip="", honeypot=""):
    """Deliver a reader's message to an author without ever showing the author's address.

    The message goes to the author's private address with Reply-To set to the reader, so the
    journalist decides whether to answer from their own mailbox.
    """
    if honeypot:
        # Looks like success to the bot; nothing is sent.
        return ContactResult(ok=True)
    for key in (f"contact:ip:{client_ip}", f"contact:email:{sender_email.lower()}"):
        if not _within_limit(key, CONTACT_LIMIT, CONTACT_WINDOW_SECONDS):
            return ContactResult(
                ok=False, error=_("You have sent several messages recently. Please try again in an hour.")
            )
    body = _(
        "%(name)s <%(email)s> wrote to you through your author page on %(site)s:\n\n%(message)s\n\n"
        "Reply to this email to answer them directly."
    ) % {"name": sender_name, "email": sender_email, "site": settings.WAGTAIL_SITE_NAME, "message": message}
    EmailMessage(
        subject=_("Message from a reader: %(name)s") % {"name": sender_name},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[author.email],
        reply_to=[f"{sender_name} <{sender_email}>"],
    ).send()
    return ContactResult(ok=True)
