"""Who is asking, behind the documented nginx: every per-IP limit counts the reader, not the proxy,
and a forwarding header a client writes itself never buys it a fresh limit."""

import itertools

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from masthead.core.audit import audit
from masthead.core.clientip import resolve
from masthead.core.models import AuditEntry
from masthead.core.requestlog import RequestContextMiddleware
from tests.core.test_settings import run_check

NGINX = "127.0.0.1"  # REMOTE_ADDR of every request that came through the proxy on the same machine
_counter = itertools.count()


@pytest.mark.parametrize(
    ("count", "proxies", "remote", "forwarded", "expected"),
    [
        (0, (), "198.51.100.7", "203.0.113.1", "198.51.100.7"),  # no proxy configured: header ignored
        (1, (), NGINX, "203.0.113.5", "203.0.113.5"),  # nginx appended the reader
        (1, (), NGINX, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # client-written part ignored
        (2, (), NGINX, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),  # CDN + nginx
        (1, (), NGINX, "", NGINX),  # no hop recorded: did not come through the proxy
        (1, (), NGINX, "not-an-ip", NGINX),
        (0, ("10.0.0.0/8", "127.0.0.1"), "198.51.100.7", "203.0.113.1", "198.51.100.7"),  # untrusted peer
        (0, ("10.0.0.0/8", "127.0.0.1"), NGINX, "6.6.6.6, 203.0.113.5, 10.1.2.3", "203.0.113.5"),
        (1, (), NGINX, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_reader_is_found_only_as_far_as_proxies_are_trusted(
    settings, count, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = count, list(proxies)
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert resolve(meta) == expected


def test_malformed_proxy_settings_stop_start_up_with_a_message():
    bad_count = run_check({"TRUSTED_PROXY_COUNT": "one"})
    assert bad_count.returncode != 0 and "TRUSTED_PROXY_COUNT must be a whole number" in bad_count.stderr
    bad_network = run_check({"TRUSTED_PROXIES": "10.0.0.0/8,nginx.internal"})
    assert bad_network.returncode != 0 and "'nginx.internal' is not an IP address" in bad_network.stderr
    both = run_check({"TRUSTED_PROXIES": "10.0.0.0/8", "TRUSTED_PROXY_COUNT": "1"})
    assert both.returncode != 0 and "not both" in both.stderr


# --- every per-IP limit ----------------------------------------------------------------------
# Each attempt uses a new address so only the per-IP part of a limit can refuse it.


def _email():
    return f"limit-{next(_counter)}@example.org"


def sign_in_code(client):
    response = client.post(reverse("account_request_login_code"), {"email": _email()})
    return response.status_code == 302  # refused: the form again, "too many attempts"


def newsletter_signup(client, free_letter):
    response = client.post(reverse("newsletters:signup"), {"email": _email(), "newsletter": [free_letter.pk]})
    return response.status_code == 302


def author_contact(client, author):
    response = client.post(
        author.url + "contact/",
        {"name": "Li Na", "email": _email(), "message": "A perfectly reasonable message."},
    )
    return response.status_code == 302


def tip(client):
    response = client.post(
        reverse("newsroom:write"),
        {
            "kind": "tip",
            "email": _email(),
            "subject": "A tip",
            "message": "Something worth a look, honestly.",
        },
    )
    return response.status_code == 302


@pytest.fixture
def free_letter(db):
    from masthead.newsletters.models import Newsletter

    return Newsletter.objects.create(
        name="Limits", slug="limits", audience="everyone", sender_name="Desk", sender_email="desk@example.com"
    )


@pytest.fixture(params=["sign_in_code", "newsletter_signup", "author_contact", "tip"])
def limited(request, demo, free_letter):
    """(attempt(client) -> accepted?, per-IP limit) for each per-IP limit on the site."""
    attempts = {
        "sign_in_code": (sign_in_code, 10),
        "newsletter_signup": (lambda c: newsletter_signup(c, free_letter), 10),
        "author_contact": (lambda c: author_contact(c, demo.authors["wang-lei"]), 5),
        "tip": (tip, 5),
    }
    return attempts[request.param]


def test_a_client_rotating_a_spoofed_header_is_still_limited_by_its_own_address(settings, limited):
    settings.TRUSTED_PROXY_COUNT = 0  # the app is reached directly: no header is believed
    attempt, limit = limited
    results = [
        attempt(Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"))
        for i in range(limit + 1)
    ]
    assert results == [True] * limit + [False]


def test_behind_the_proxy_each_reader_has_their_own_limit_and_spoofing_does_not_reset_it(settings, limited):
    settings.TRUSTED_PROXY_COUNT = 1  # the documented nginx
    attempt, limit = limited

    def via_nginx(reader, spoofed=None):
        forwarded = f"{spoofed}, {reader}" if spoofed else reader
        return Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=forwarded)

    # The reader writes a different address each time; nginx appends the real one.
    results = [attempt(via_nginx("203.0.113.5", spoofed=f"10.9.8.{i}")) for i in range(limit + 1)]
    assert results == [True] * limit + [False]
    # Everyone else comes through the same nginx (same REMOTE_ADDR) and is not locked out.
    assert attempt(via_nginx("203.0.113.6"))


def test_the_audit_log_records_the_readers_address_and_the_request_id(settings, db):
    settings.TRUSTED_PROXY_COUNT = 1

    def view(request):
        audit("core.test.recorded")
        return HttpResponse("ok")

    request = RequestFactory().get(
        "/",
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9",
        HTTP_X_REQUEST_ID="nginx-req-0001",
    )
    response = RequestContextMiddleware(view)(request)
    entry = AuditEntry.objects.get(code="core.test.recorded")
    assert entry.client_ip == "203.0.113.9"
    assert entry.request_id == "nginx-req-0001" == response["X-Request-ID"]
    # Outside a request nothing is made up.
    assert audit("core.test.background").client_ip is None
