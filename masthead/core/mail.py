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
