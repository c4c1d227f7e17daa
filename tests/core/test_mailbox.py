"""The dev mailbox keeps sent mail for staff when no mail transport is configured."""

import pytest
from django.core import mail
from django.test import override_settings

from masthead.core.models import DevMail

pytestmark = pytest.mark.django_db


@override_settings(EMAIL_BACKEND="masthead.core.mail.DevMailboxBackend", DEV_MAILBOX_ENABLED=True)
def test_sent_mail_lands_in_the_dev_mailbox_and_only_staff_can_read_it(client, staff_user):
    message = mail.EmailMultiAlternatives("Your sign-in code", "Code: 123456", to=["reader@example.com"])
    message.attach_alternative("<p>Code: <b>123456</b></p>", "text/html")
    message.send()
    stored = DevMail.objects.get()
    assert stored.recipients == ["reader@example.com"] and "123456" in stored.text_body
    assert "<b>123456</b>" in stored.html_body

    anonymous = client.get("/dev/mailbox/")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(staff_user)
    inbox = client.get("/dev/mailbox/?to=reader@")
    assert b"Your sign-in code" in inbox.content
    detail = client.get(f"/dev/mailbox/{stored.pk}/")
    assert b"Code: 123456" in detail.content
    html = client.get(f"/dev/mailbox/{stored.pk}/html/")
    assert "sandbox" in html["Content-Security-Policy"]


@override_settings(DEV_MAILBOX_ENABLED=False)
def test_the_dev_mailbox_is_off_when_real_mail_is_configured(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/dev/mailbox/").status_code == 404


@override_settings(EMAIL_BACKEND="masthead.core.mail.DevMailboxBackend", DEV_MAILBOX_ENABLED=True)
def test_only_superusers_read_the_dev_mailbox_it_holds_everyones_sign_in_codes(client, demo):
    from django.contrib.auth import get_user_model

    mail.send_mail("Your sign-in code", "Code: 654321", None, ["admin@masthead.localhost"])
    stored = DevMail.objects.get()
    users = get_user_model().objects
    for username in ("writer", "editor"):
        client.force_login(users.get(username=username))
        for url in ("/dev/mailbox/", f"/dev/mailbox/{stored.pk}/", f"/dev/mailbox/{stored.pk}/html/"):
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (username, url)
        assert b"Dev mailbox" not in client.get("/").content
    client.force_login(users.get(username="admin"))
    assert b"Code: 654321" in client.get(f"/dev/mailbox/{stored.pk}/").content
    assert b"Dev mailbox" in client.get("/").content


@override_settings(
    EMAIL_BACKEND="masthead.core.mail.DevMailboxBackend", DEV_MAILBOX_ENABLED=True, PRODUCTION=True
)
def test_the_dev_mailbox_never_opens_in_production(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/dev/mailbox/").status_code == 404
