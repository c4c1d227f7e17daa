"""The Content-Security-Policy header: strict for the site, the admin's widgets allowed inline."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def policy(response):
    return dict(
        (part.split()[0], part.split()[1:])
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


def test_public_pages_run_only_the_sites_own_scripts(demo):
    for url in ["/", demo.article(access_level="premium").url, "/events/", "/search/?q=ai"]:
        response = Client().get(url)
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], url  # no inline script, no nonce
        assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'self'"]
        assert "<script>" not in response.content.decode(), url


def test_inline_scripts_on_personal_pages_carry_the_nonce(demo, paying_user):
    from masthead.access.models import PaywallSettings
    from masthead.access.services import gift_link_create

    link = gift_link_create(
        article=demo.article(access_level="premium"),
        user=paying_user,
        settings=PaywallSettings.for_site(demo.home.get_site()),
    )
    client = Client()
    client.force_login(paying_user)
    response = client.get(f"/gift/created/{link.pk}/")
    [nonce] = [v for v in policy(response)["script-src"] if v.startswith("'nonce-")]
    assert f'<script nonce="{nonce[7:-1]}">' in response.content.decode()


def test_the_admin_allows_wagtails_inline_widget_scripts(staff_user):
    client = Client()
    client.force_login(staff_user)
    directives = policy(client.get("/admin/"))
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]


def test_a_response_with_a_nonce_is_never_stored_by_the_page_cache():
    from masthead.core.pagecache import _storable

    headers = [("Cache-Control", "public, max-age=60"), ("Vary", "Cookie")]
    assert _storable("200 OK", headers + [("Content-Security-Policy", "script-src 'self'")])
    assert not _storable("200 OK", headers + [("Content-Security-Policy", "script-src 'self' 'nonce-abc'")])
