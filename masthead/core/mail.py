"""The dev mailbox email backend: stores messages in the database instead of sending them."""

from django.core.mail.backends.base import BaseEmailBackend


class DevMailboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .models import DevMail

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


def send_templated(template_prefix, *, to, context, from_email=None, headers=None, attachments=None):
    """Send `<prefix>_subject.txt`, `<prefix>.txt` and (if present) `<prefix>.html` to `to`,
    with `attachments` ([(filename, content, mimetype)], e.g. a ticket's QR code) if given.

    Email is a notice, never the record: the caller's state change is already committed, so a
    failure here is logged and swallowed rather than undoing anything.
    """
    import logging

    from django.conf import settings
    from django.core.mail import EmailMultiAlternatives
    from django.template import TemplateDoesNotExist
    from django.template.loader import render_to_string

    from .identity import publication

    pub = publication()
    context = {"site_url": settings.SITE_URL, "site_name": pub.name, "publication": pub, **context}
    try:
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}.txt", context)
        message = EmailMultiAlternatives(
            subject,
            text,
            from_email or pub.from_email,
            [to] if isinstance(to, str) else list(to),
            headers=headers or {},
            reply_to=pub.reply_to_list if not (headers or {}).get("Reply-To") else None,
        )
        try:
            message.attach_alternative(render_to_string(f"{template_prefix}.html", context), "text/html")
        except TemplateDoesNotExist:
            pass
        for filename, content, mimetype in attachments or ():
            message.attach(filename, content, mimetype)
        message.send()
        return True
    except Exception:  # noqa: BLE001 - a notice that fails must not break what it reports
        logging.getLogger(__name__).exception("Could not send %s to %s", template_prefix, to)
        return False


def send_on_commit(template_prefix, *, to, context, **kwargs):
    """Send after the current transaction commits (so a rolled-back change sends nothing)."""
    from django.db import transaction

    transaction.on_commit(lambda: send_templated(template_prefix, to=to, context=context, **kwargs))
