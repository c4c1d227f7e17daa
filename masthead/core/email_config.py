"""Turn EMAIL_URL into Django email settings.

smtp://user:password@host:587?tls=1   SMTP with STARTTLS
smtps://user:password@host:465         SMTP over TLS
smtp://127.0.0.1:1025                  a local SMTP server (tests use aiosmtpd)
anymail://mailgun                      any django-anymail provider; its key comes from
                                       ANYMAIL_<PROVIDER>_API_KEY and friends (anymail's own names)
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

ANYMAIL_BACKENDS = {
    "amazon_ses": "anymail.backends.amazon_ses.EmailBackend",
    "brevo": "anymail.backends.brevo.EmailBackend",
    "mailgun": "anymail.backends.mailgun.EmailBackend",
    "mailjet": "anymail.backends.mailjet.EmailBackend",
    "mandrill": "anymail.backends.mandrill.EmailBackend",
    "postal": "anymail.backends.postal.EmailBackend",
    "postmark": "anymail.backends.postmark.EmailBackend",
    "resend": "anymail.backends.resend.EmailBackend",
    "sendgrid": "anymail.backends.sendgrid.EmailBackend",
    "sparkpost": "anymail.backends.sparkpost.EmailBackend",
}


def email_settings_from_url(url):
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if parts.scheme in {"smtp", "smtps"}:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": query.get("tls", "0") in {"1", "true", "yes"},
            "EMAIL_TIMEOUT": int(query.get("timeout", "20")),
        }
    if parts.scheme == "anymail":
        esp = parts.hostname or ""
        if esp not in ANYMAIL_BACKENDS:
            raise ImproperlyConfigured(
                f"EMAIL_URL names an unknown anymail provider {esp!r}; known: {', '.join(sorted(ANYMAIL_BACKENDS))}"
            )
        anymail = {
            key[len("ANYMAIL_") :]: value
            for key, value in os.environ.items()
            if key.startswith("ANYMAIL_") and value
        }
        return {"EMAIL_BACKEND": ANYMAIL_BACKENDS[esp], "ANYMAIL": anymail, "MASTHEAD_ESP": esp}
    raise ImproperlyConfigured(f"EMAIL_URL must start with smtp://, smtps:// or anymail://, not {url!r}")
