"""Bad requests get a 4xx, never a 500 (issue 12: found by attacking the running site)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_host_outside_allowed_hosts_is_a_400_in_production(settings, demo):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["news.example.com"]
    client = Client(raise_request_exception=False)
    for path in ["/", demo.article(access_level="premium").url, "/search/?q=x", "/no-such-page/"]:
        response = client.get(path, HTTP_HOST="evil.example.org")
        assert response.status_code == 400, (path, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/events/99999999999999999999/calendar.ics",
        "/events/9223372036854775808/calendar.ics",
        "/community/t/99999999999999999999999/",
        "/community/posts/99999999999999999999999/report/",
        "/newsroom/conversations/99999999999999999999/",
        "/tickets/buy/99999999999999999999/",
        "/account/receipts/99999999999999999999/",
        "/gift/created/99999999999999999999/",
    ],
)
def test_ids_too_large_for_the_database_are_a_404(client, reader_user, path):
    client.force_login(reader_user)
    client.raise_request_exception = False
    assert client.get(path).status_code == 404
