"""Replies by email: django-anymail's `inbound` signal, routed by the token in our Reply-To.

Every email the newsroom sends about a thread carries Reply-To: newsroom+<token>@<domain>. A
provider's inbound route posts the reply to anymail's webhook (mounted under /newsroom/inbound/),
anymail sends `inbound`, and `receive` adds the text to the thread. A provider retrying a webhook
is harmless: the Message-ID is recorded once per thread.
"""

import logging
import re

from django.conf import settings

from .errors import NewsroomRefused
from .models import Message, Thread
from .services import clean_text, html_to_text, sender_address, thread_sender_reply

log = logging.getLogger(__name__)
TOKEN = re.compile(r"^newsroom\+([A-Za-z0-9]{10,40})@(.+)$", re.I)
# Where a mail client's quotation of our message starts.
QUOTE_START = re.compile(r"^(On .{4,200} wrote:|-+ ?Original Message ?-+|>)", re.M)


def token_from(addresses):
    for address in addresses:
        match = TOKEN.match(address.strip())
        if match and match.group(2).lower() == settings.NEWSROOM_REPLY_DOMAIN.lower():
            return match.group(1)
    return None


def strip_quoted(text):
    match = QUOTE_START.search(text)
    return (text[: match.start()] if match else text).strip()


def receive(message):
    """Add an inbound AnymailInboundMessage to its thread. Returns the Message, or None (ignored)."""
    addresses = [a.addr_spec for a in (message.to or [])] + [a.addr_spec for a in (message.cc or [])]
    if message.envelope_recipient:
        addresses.insert(0, message.envelope_recipient)
    token = token_from(addresses)
    if token is None:
        return None
    thread = Thread.objects.select_related("sender").filter(reply_token=token).first()
    if thread is None:
        log.info("Inbound email for an unknown newsroom token")
        return None
    sender = message.from_email.addr_spec.lower() if message.from_email else ""
    if sender != (sender_address(thread) or "").lower():
        # The token alone could be forwarded; the sender must also match the thread's.
        log.info("Inbound email for thread %s from a different address; ignored", thread.pk)
        return None
    text = message.text or html_to_text(message.html or "")
    body = strip_quoted(clean_text(text))
    uploads = [
        (att.get_filename() or "attachment", att.get_content_bytes()) for att in (message.attachments or [])
    ][:3]
    message_id = (message.get("Message-ID") or "").strip()[:250] or None
    try:
        return thread_sender_reply(
            thread=thread, body=body, uploads=uploads, via=Message.Via.EMAIL, email_message_id=message_id
        )
    except NewsroomRefused as refusal:
        if refusal.code.startswith("file."):
            # A bad attachment must not lose the words: keep the text, drop the files.
            note = "\n\n" + refusal.message
            return thread_sender_reply(
                thread=thread, body=body + note, via=Message.Via.EMAIL, email_message_id=message_id
            )
        log.info("Inbound email for thread %s refused: %s", thread.pk, refusal.code)
        return None


def on_inbound(sender, event, esp_name, **kwargs):
    receive(event.message)
