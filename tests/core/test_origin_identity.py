"""One public origin and one identity: whatever Host a request came with, every absolute link is on
SITE_URL, and the publication's name (Circuit East in the demo) is what readers see everywhere."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from masthead.core import origin
from masthead.core.identity import publication
from masthead.core.models import PublicationSettings
from tests.core.test_settings import run_check

ORIGIN = "https://news.example.com"
URL = re.compile(r"""https?://[^\s"'<>]+""")


@pytest.fixture
def on_own_domain(settings, demo):
    """The site moved to its own domain: SITE_URL changed, then `manage.py set_site_url`."""
    settings.SITE_URL = ORIGIN
    settings.ALLOWED_HOSTS = ["news.example.com", "127.0.0.1", "internal-app-1"]
    call_command("set_site_url", verbosity=0)
    return ORIGIN


def hosts(text):
    return {re.sub(r"^(https?://[^/]+).*$", r"\1", url) for url in URL.findall(text)}


def test_the_site_record_follows_site_url_and_the_check_says_when_it_does_not(settings, demo, capsys):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.SITE_URL, "migrate put the record on SITE_URL"
    settings.SITE_URL = ORIGIN
    assert "news.example.com" in origin.site_record_mismatch()
    with pytest.raises(SystemExit):
        call_command("set_site_url", "--check")
    call_command("set_site_url")
    assert Site.objects.get(pk=site.pk).root_url == ORIGIN
    assert origin.site_record_mismatch() == ""


def test_every_link_a_reader_or_a_search_engine_sees_is_on_the_public_origin(on_own_domain, demo):
    # The app server is asked under an internal name, as behind a proxy that does not pass Host.
    client = Client(HTTP_HOST="internal-app-1")
    article = demo.articles.first()
    html = client.get(article.url).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    og_url = re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1)
    assert canonical == og_url == ORIGIN + article.url
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["url"] == ORIGIN + article.url and ld["publisher"]["url"] == ORIGIN
    assert ld["publisher"]["name"] == "Circuit East"
    assert ld["publisher"]["logo"]["url"].startswith(ORIGIN + "/media/images/")

    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(loc.startswith(ORIGIN + "/") for loc in locations)
    assert {ORIGIN + a.url for a in demo.articles} <= set(locations), "every live article is listed"

    feed = ET.fromstring(client.get(reverse("content:feed_atom")).content)
    atom = "{http://www.w3.org/2005/Atom}"
    ids = [entry.findtext(f"{atom}id") for entry in feed.findall(f"{atom}entry")]
    links = [link.get("href") for link in feed.iter(f"{atom}link")]
    assert ids and all(i.startswith(ORIGIN + "/") for i in ids)
    assert links and all(link.startswith(ORIGIN + "/") for link in links)
    assert feed.findtext(f"{atom}title") == "Circuit East"
    assert hosts(client.get("/robots.txt").content.decode()) == {ORIGIN}


def test_emails_link_to_the_public_origin_and_come_from_the_publication(on_own_domain, demo):
    Client(HTTP_HOST="internal-app-1").post(
        reverse("account_request_login_code"), {"email": "new@example.org"}
    )
    message = mail.outbox[-1]
    assert message.from_email == publication().from_email
    assert message.from_email.startswith("Circuit East <")
    assert "Masthead" not in message.subject + message.body
    assert hosts(message.body) == {ORIGIN}


def test_the_publications_identity_is_everywhere_a_reader_looks(
    demo, client, django_capture_on_commit_callbacks
):
    pub = publication()
    assert pub.name == "Circuit East" and pub.logo_id and pub.favicon_id and pub.postal_address
    home = client.get("/").content.decode()
    assert "<title>" in home and "Circuit East" in home and "Masthead" not in home
    from masthead.newsletters.models import Newsletter
    from masthead.newsletters.services import signup_request

    letter = Newsletter.objects.filter(audience="everyone").first()
    assert letter.sender_name == "Circuit East"
    with django_capture_on_commit_callbacks(execute=True):
        signup_request(email="fan@example.org", newsletter_ids=[letter.pk])
    confirm = mail.outbox[-1]
    assert confirm.subject == "Confirm your subscription to Circuit East"
    assert confirm.from_email.startswith("Circuit East <")


def test_a_newsletter_footer_carries_the_postal_address(demo):
    from masthead.newsletters.models import Issue, Newsletter
    from masthead.newsletters.render import render_variant

    letter = Newsletter.objects.first()
    issue = Issue.objects.create(newsletter=letter, subject="Footer", intro="<p>Hi</p>")
    html, text = render_variant(issue, [], {})
    address = publication().postal_address
    assert address in html and address in text


def test_changing_the_identity_in_the_admin_shows_at_once_in_pages_and_emails(client, staff_user, demo):
    client.force_login(staff_user)
    pub = PublicationSettings.load()
    url = reverse("wagtailsettings:edit", args=["core", "publicationsettings", pub.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Harbour Ledger",
            "sender_name": "The Ledger desk",
            "sender_email": "desk@ledger.example",
            "reply_to": "letters@ledger.example",
            "postal_address": "1 Quay Street",
            "logo": pub.logo_id or "",
            "favicon": pub.favicon_id or "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert "Harbour Ledger" in Client().get("/").content.decode()
    Client().post(reverse("account_request_login_code"), {"email": "someone@example.org"})
    message = mail.outbox[-1]
    assert message.from_email == "The Ledger desk <desk@ledger.example>"
    assert message.reply_to == ["letters@ledger.example"]
    assert "Harbour Ledger" in message.body
    assert Site.objects.get(is_default_site=True).site_name == "Harbour Ledger"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("news.example.com", "SITE_URL must start with https:// or http://"),
        ("https://news.example.com/news", "without a path"),
        ("ftp://news.example.com", "SITE_URL must start with https:// or http://"),
    ],
)
def test_a_site_url_that_is_not_an_origin_stops_start_up_with_a_message(value, message):
    result = run_check({"SITE_URL": value})
    assert result.returncode != 0 and message in result.stderr
