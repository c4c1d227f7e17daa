"""Every public page is ready to share and to be understood by search engines: OpenGraph and
Twitter cards with an image and a description, valid schema.org JSON-LD, icons — and the paywall's
structured data names an element crawlers really get, with no premium text in any of it."""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from masthead.content.models import ArticleAuthor, ArticlePage
from masthead.events.models import EventPage
from tests.access.test_no_leaks import secret_of

from .schema import problems

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(soup):
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def resolves_to_an_image(client, url):
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code == 200 and (body[:8] == b"\x89PNG\r\n\x1a\n" or body[:3] == b"\xff\xd8\xff")


@pytest.fixture
def bare_article(demo):
    """An article without a hero image: its card falls back to the publication's share image."""
    page = ArticlePage(
        title="No picture for this one",
        slug="no-picture",
        dek="A story told in words only.",
        body=[("paragraph", "<p>Words only.</p>")],
        access_level="public",
    )
    page.article_authors.add(ArticleAuthor(author=demo.authors["wang-lei"], sort_order=0))
    demo.sections["ai"].add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def public_pages(demo, bare_article):
    tag = demo.article(tagged_items__isnull=False).tags.first()
    return {
        "home": "/",
        "section": demo.sections["ai"].url,
        "author": demo.authors["wang-lei"].url,
        "authors": "/authors/",
        "tag": reverse("content:tag", args=[tag.slug]),
        "topics": reverse("content:tag_index"),
        "article": demo.article(access_level="premium").url,
        "article without picture": bare_article.url,
        "event": EventPage.objects.get(slug="ai-summit").url,
        "online event": EventPage.objects.get(slug="chip-policy-briefing").url,
        "events": "/events/",
    }


def test_every_public_page_type_has_a_complete_social_card(client, public_pages):
    for kind, url in public_pages.items():
        soup = get(client, url)
        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:image"):
            assert meta(soup, key), f"{kind} page lacks {key}"
        assert meta(soup, "twitter:card") == "summary_large_image", kind
        assert meta(soup, "og:image").startswith("http"), kind
        assert resolves_to_an_image(client, meta(soup, "og:image")), (kind, meta(soup, "og:image"))


def test_an_article_without_a_picture_shares_the_publications_image(client, bare_article):
    soup = get(client, bare_article.url)
    assert meta(soup, "og:image").endswith(reverse("brand_share_image"))
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    [article] = json_ld(soup)
    assert article["image"] == [meta(soup, "og:image")]


@pytest.mark.parametrize("level", ["public", "members", "premium"])
def test_article_json_ld_is_valid_news_article(client, demo, level):
    article = demo.article(access_level=level, language="en")
    soup = get(client, article.url)
    [data] = json_ld(soup)
    assert data["@type"] == "NewsArticle"
    assert problems(data) == []
    assert data["publisher"]["logo"]["url"].endswith(reverse("brand_icon", args=[512]))
    assert data["isAccessibleForFree"] is (level == "public")


def test_the_paywall_selector_names_an_element_crawlers_get_without_premium_text(client, demo, paying_user):
    article = demo.article(access_level="premium", language="en")
    secret = secret_of(article)
    crawler = get(client, article.url)  # crawlers are anonymous visitors
    [data] = json_ld(crawler)
    selector = data["hasPart"]["cssSelector"]
    parts = crawler.select(selector)
    assert len(parts) == 1 and parts[0].select(".paywall")  # the paywall stands where the text would be
    assert secret not in str(crawler)
    member = Client()
    member.force_login(paying_user)
    [part] = get(member, article.url).select(selector)
    assert secret in part.get_text(" ")  # for a reader with access, it wraps the premium text


def test_event_json_ld_is_a_valid_event_with_place_offers_organizer_and_performers(client):
    event = EventPage.objects.get(slug="ai-summit")
    [data] = json_ld(get(client, event.url))
    assert data["@type"] == "Event" and problems(data) == []
    assert data["location"]["@type"] == "Place" and "Longteng" in data["location"]["address"]["streetAddress"]
    assert data["startDate"].endswith("+08:00")  # the venue's time zone
    assert {o["name"] for o in data["offers"]} == {"General admission"}  # not the members-only type
    assert data["offers"][0]["price"] == "150.00" and data["offers"][0]["priceCurrency"] == "USD"
    assert data["performer"] and data["organizer"]["name"]


def test_an_online_event_is_a_virtual_location_that_never_reveals_the_join_link(client):
    event = EventPage.objects.get(slug="chip-policy-briefing")
    soup = get(client, event.url)
    [data] = json_ld(soup)
    assert problems(data) == []
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    assert event.join_url not in str(soup)


def test_events_are_in_the_sitemap(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for event in EventPage.objects.live():
        assert f"/events/{event.slug}/</loc>" in sitemap


def test_the_home_page_names_the_publisher_with_a_logo_and_every_page_has_icons(client):
    soup = get(client, "/")
    [organization] = json_ld(soup)
    assert problems(organization, {"NewsMediaOrganization"}) == []
    icons = {tuple(link["rel"]): link["href"] for link in soup.find_all("link", rel=True)}
    assert resolves_to_an_image(client, icons[("icon",)])
    assert resolves_to_an_image(client, icons[("apple-touch-icon",)])
    assert resolves_to_an_image(client, organization["logo"]["url"])
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon["Content-Type"] == "image/png"


def test_the_checker_catches_what_it_should():
    """The schema checker is only worth something if it fails: a property schema.org does not
    have, a missing required one, a bad date."""
    bad = {
        "@type": "Event",
        "name": "x",
        "startDate": "tomorrow",
        "location": {"@type": "VirtualLocation"},
        "ticketPrice": 3,
    }
    found = " | ".join(problems(bad))
    assert "ticketPrice is not a property of Event" in found
    assert "Event lacks offers" in found and "VirtualLocation lacks url" in found
    assert "'tomorrow' is not an ISO 8601" in found
