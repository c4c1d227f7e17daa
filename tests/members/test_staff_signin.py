"""Staff password sign-ins are rate limited with a lockout (django-axes), and an emailed sign-in
code alone does not open the admin: staff need their password there."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from .test_accounts import code_from, request_code, signed_in

pytestmark = pytest.mark.django_db
PASSWORD = "pw-staff-test-1"
LOGINS = {"wagtail": "/admin/login/", "django": "/django-admin/login/"}


def attempt(client, which, username, password, ip="10.1.1.1"):
    return client.post(LOGINS[which], {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("which", ["wagtail", "django"])
def test_an_account_is_locked_out_after_five_wrong_passwords_from_anywhere(staff_user, which):
    for n in range(4):
        response = attempt(Client(), which, staff_user.username, "wrong", ip=f"10.0.0.{n}")
        assert response.status_code == 200, "the form again, with its error"
    fifth = attempt(Client(), which, staff_user.username, "wrong", ip="10.0.0.5")
    assert fifth.status_code == 429
    client = Client()
    locked = attempt(client, which, staff_user.username, PASSWORD, ip="10.9.9.9")
    assert locked.status_code == 429 and not signed_in(client)
    html = locked.content.decode()
    assert "Too many failed sign-ins" in html and "Try again in 15 minutes" in html


def test_a_client_is_locked_out_after_five_failures_whatever_the_usernames(staff_user):
    for n in range(5):
        attempt(Client(), "wagtail", f"guess{n}", "wrong", ip="10.2.2.2")
    client = Client()
    assert attempt(client, "wagtail", staff_user.username, PASSWORD, ip="10.2.2.2").status_code == 429
    assert not signed_in(client)
    other = Client()
    response = attempt(other, "wagtail", staff_user.username, PASSWORD, ip="10.3.3.3")
    assert response.status_code == 302 and signed_in(other)


def test_a_success_before_the_limit_resets_the_count(staff_user):
    for _ in range(4):
        attempt(Client(), "wagtail", staff_user.username, "wrong")
    assert attempt(Client(), "wagtail", staff_user.username, PASSWORD).status_code == 302
    for _ in range(4):
        attempt(Client(), "wagtail", staff_user.username, "wrong")
    client = Client()
    assert attempt(client, "wagtail", staff_user.username, PASSWORD).status_code == 302


def test_an_emailed_code_alone_does_not_open_the_admin(staff_user, demo):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=staff_user, email=staff_user.email, verified=True, primary=True)
    client = Client()
    request_code(client, staff_user.email)
    client.post(reverse("account_confirm_login_code"), {"code": code_from(mail.outbox[-1])})
    assert signed_in(client), "staff may sign in to the site by code"
    for url in ("/admin/", "/admin/pages/", "/django-admin/", "/dev/mailbox/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert "Staff sign in to the admin with their password" in client.get("/admin/login/").content.decode()
    assert client.get(reverse("members:account")).status_code == 200, "the site still knows them"
    # With the password, the same browser reaches the admin.
    response = client.post("/admin/login/", {"username": staff_user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_behind_the_proxy_the_lockout_is_per_reader_and_a_spoofed_header_does_not_dodge_it(
    settings, staff_user
):
    """Issue 12 item 8: with the documented nginx in front, every request comes from the proxy's
    address; axes must count the client nginx saw, and a header the client wrote must not help."""
    settings.TRUSTED_PROXY_COUNT = 1
    nginx = "127.0.0.1"

    def via_proxy(client, username, password, *, reader, spoofed=None):
        forwarded = f"{spoofed}, {reader}" if spoofed else reader
        return client.post(
            LOGINS["wagtail"],
            {"username": username, "password": password},
            REMOTE_ADDR=nginx,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    # An attacker guessing usernames, inventing a new "client address" on every try.
    for n in range(5):
        via_proxy(Client(), f"guess{n}", "wrong", reader="203.0.113.7", spoofed=f"198.51.100.{n}")
    assert via_proxy(Client(), staff_user.username, PASSWORD, reader="203.0.113.7").status_code == 429
    # Another reader behind the same proxy is not locked out with them.
    other = Client()
    assert via_proxy(other, staff_user.username, PASSWORD, reader="203.0.113.8").status_code == 302
    assert signed_in(other)
