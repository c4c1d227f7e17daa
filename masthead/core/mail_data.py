"""A mail message as JSON-safe data and back: how a message rendered in a request travels to the
worker (mail.send_later → tasks.deliver_email). Its own module so the job needs nothing of
mail.py, which queues the job."""

import base64

from django.core.mail import EmailMultiAlternatives


def message_to_data(message):
    """A message as JSON-safe data for a task's arguments (`message_from_data` is its inverse)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        raw = content if isinstance(content, bytes) else str(content).encode()
        attachments.append([filename, base64.b64encode(raw).decode(), mimetype or ""])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {k: str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def message_from_data(data):
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype or None)
    return message
