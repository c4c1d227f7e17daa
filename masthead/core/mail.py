"""Sending mail: the dev mailbox backend, templated messages, and mail through the worker.

Mail written in a reader's request (sign-in codes, confirmations, receipts, notices) is rendered
there and sent by the worker (`send_on_commit`, `send_later`): a slow or hung mail server then
holds up a background job, never a page. Background jobs send directly (`send_templated`).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from .editions import edition_url
from .identity import publication
from .mail_data import message_from_data, message_to_data  # noqa: F401
from .models import DevMail
from .tasks import deliver_email

logger = logging.getLogger(__name__)


class DevMailboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        rows = []
        for message in email_messages:
            html = ""
            for content, mimetype in getattr(message, "alternatives", []) or []:
                if mimetype == "text/html":
                    html = content
            if message.content_subtype == "html":
                html, text = message.body, ""
            else:
                text = message.body
            rows.append(
                DevMail(
                    from_email=message.from_email or "",
                    to="\n".join(message.recipients()),
                    subject=message.subject or "",
                    text_body=text,
                    html_body=html,
                    headers={k: str(v) for k, v in (message.extra_headers or {}).items()},
                )
            )
        DevMail.objects.bulk_create(rows)
        return len(rows)


# --- The recipient's language (issue 20) ---------------------------------------------------------
# The members app tells core how to find the language an address's member chose
# (members.services.language_for_email, registered in members.apps): core cannot import it.
_recipient_language = None


def register_recipient_language(function):
    """`function(address) -> language code or ""`: the language to write to that address in."""
    global _recipient_language
    _recipient_language = function


def language_for(to):
    """The language a message to `to` is written in: the recipient member's saved preference,
    else the language active now (the language of the request that triggered it; a background
    job's is the site's default)."""
    address = to if isinstance(to, str) else (to[0] if len(to) == 1 else "")
    chosen = ""
    if _recipient_language is not None and address:
        try:
            chosen = _recipient_language(address)
        except Exception:  # noqa: BLE001 - the language is a nicety; the message still goes out
            logger.exception("Could not look up the language for %s", address)
    return chosen or translation.get_language() or settings.LANGUAGE_CODE


def _links_in(context, language):
    """Links the caller built before the language was known (`SITE_URL + reverse(...)` in the
    sender's language) point at the recipient's edition: /account/ becomes /zh/account/."""
    origin = settings.SITE_URL.rstrip("/")
    changed = {}
    for key, value in context.items():
        if isinstance(value, str) and value.startswith(origin + "/") and len(value) < 2000:
            path = value[len(origin) :]
            # Only links to the reader's pages outside Wagtail; anything else stays as it is.
            try:
                localised = edition_url(path, language)
            except Exception:  # noqa: BLE001 - a link we cannot place is left as it is
                localised = None
            if localised and localised != path:
                changed[key] = origin + localised
    return {**context, **changed} if changed else context


def bcp47(language):
    """Django's "zh-hans" as mail and HTML write it: "zh-Hans"."""
    head, _sep, script = language.partition("-")
    return f"{head}-{script.title()}" if len(script) == 4 else language


def render_templated(
    template_prefix, *, to, context, from_email=None, headers=None, attachments=None, language=None
):
    """The message `<prefix>_subject.txt`, `<prefix>.txt` and (if present) `<prefix>.html` make
    for `to`, with `attachments` ([(filename, content, mimetype)], e.g. a ticket's QR code).

    Written in `language`, by default the recipient's (`language_for`): the templates, the dates
    and the links (reverse() gives /zh/… URLs in Chinese) all follow it."""
    language = language or language_for(to)
    pub = publication()
    context = {"site_url": settings.SITE_URL, "site_name": pub.name, "publication": pub, **context}
    context = _links_in(context, language)
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}.txt", context)
        try:
            html = render_to_string(f"{template_prefix}.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(
        subject,
        text,
        from_email or pub.from_email,
        [to] if isinstance(to, str) else list(to),
        headers={"Content-Language": bcp47(language), **(headers or {})},
        reply_to=pub.reply_to_list if not (headers or {}).get("Reply-To") else None,
    )
    if html is not None:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    return message


def send_templated(template_prefix, *, to, context, **kwargs):
    """Render and send now — for background jobs. Code that runs in a reader's request uses
    `send_on_commit`, which hands the sending to the worker.

    Email is a notice, never the record: the caller's state change is already committed, so a
    failure here is logged and swallowed rather than undoing anything.
    """
    try:
        render_templated(template_prefix, to=to, context=context, **kwargs).send()
        return True
    except Exception:  # noqa: BLE001 - a notice that fails must not break what it reports
        logger.exception("Could not send %s to %s", template_prefix, to)
        return False


def send_on_commit(template_prefix, *, to, context, **kwargs):
    """Render now, and after the current transaction commits hand the message to the worker
    (a rolled-back change sends nothing; a slow or hung mail server never holds up a reader)."""
    try:
        message = render_templated(template_prefix, to=to, context=context, **kwargs)
    except Exception:  # noqa: BLE001 - as send_templated: a notice never breaks its change
        logger.exception("Could not render %s for %s", template_prefix, to)
        return
    transaction.on_commit(lambda: send_later(message))


# --- Mail through the worker -------------------------------------------------------------------
# How long a message may wait for the mail server when it must be sent inside a request (the
# job queue is unreachable): short, so that a hung server costs a reader seconds, not minutes.
INLINE_SEND_TIMEOUT = 5


def send_later(message):
    """Have the worker send `message` (an EmailMessage). Returns True once it is queued.

    If the job queue cannot be reached the message is sent here and now with a short timeout
    (INLINE_SEND_TIMEOUT); False if that failed too, so a view can tell the reader the truth.
    """
    try:
        deliver_email.enqueue(message_to_data(message))
        return True
    except Exception:  # noqa: BLE001 - the queue is down: fall back to sending now, briefly
        logger.exception("Could not queue an email to %s; sending it now", ", ".join(message.to))
    try:
        message.connection = inline_connection()
        message.send()
        return True
    except Exception:  # noqa: BLE001 - reported to the caller
        logger.exception("Could not send an email to %s", ", ".join(message.to))
        return False


def inline_connection():
    """The configured mail backend, with a short timeout where the backend takes one (SMTP)."""
    backend = get_connection()
    if isinstance(backend, SmtpBackend):
        backend.timeout = min(backend.timeout or INLINE_SEND_TIMEOUT, INLINE_SEND_TIMEOUT)
    return backend
