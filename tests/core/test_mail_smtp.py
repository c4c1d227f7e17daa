"""Real mail leaves through SMTP when EMAIL_URL says so: a sign-in code reaches an SMTP server."""

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.urls import reverse

from masthead.core.email_config import email_settings_from_url
from tests.helpers import free_port

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.mail_from, envelope.rcpt_tos, envelope.content.decode("utf8", "replace"))
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def test_a_sign_in_code_goes_out_through_a_real_smtp_server(settings, smtp_server, django_user_model):
    inbox, port = smtp_server
    for name, value in email_settings_from_url(f"smtp://127.0.0.1:{port}").items():
        setattr(settings, name, value)
    settings.DEV_MAILBOX_ENABLED = False
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("smtp-reader", "smtp-reader@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = Client().post(reverse("account_request_login_code"), {"email": user.email})
    assert response.status_code == 302
    assert len(inbox.messages) == 1
    mail_from, recipients, content = inbox.messages[0]
    assert recipients == ["smtp-reader@example.com"]
    assert "Subject: Your sign-in code" in content
    assert "/accounts/login/code/confirm/?code=" in content
    assert Client().get("/dev/mailbox/").status_code in (302, 404)
