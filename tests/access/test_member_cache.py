"""Signed-in readers served from the page cache by access variant (docs/caching.md).

Through the real WSGI stack (PageCacheMiddleware around Django, as masthead/wsgi.py builds it),
with a cookie jar per reader as a browser keeps one: the session cookie from signing in, and the
entitlement cookie the site issues (core.entitlement, access.entitlements).
"""

import json
import re
from http.cookies import SimpleCookie
from io import BytesIO

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from masthead.access.models import Grant, MeterRead
from masthead.access.services import grant_create, grant_end
from masthead.content.body import plain_text, split_body
from masthead.core import entitlement as signed
from masthead.core.pagecache import PageCacheMiddleware

pytestmark = pytest.mark.django_db

PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ]{38}[A-Za-z0-9]")
CSRF_INPUT = 'name="csrfmiddlewaretoken"'


def secret_of(article):
    _preview, rest = split_body(article.body)
    return PLAIN.search(plain_text(rest)).group(0)


class Response:
    def __init__(self, status, headers, body):
        self.status = int(status.split()[0])
        self.header_list = headers
        self.headers = {name.lower(): value for name, value in headers}
        self.text = body.decode()
        self.set_cookies = SimpleCookie()
        for name, value in headers:
            if name.lower() == "set-cookie":
                self.set_cookies.load(value)


class Reader:
    """One browser: a cookie jar, and GETs through the page cache and Django."""

    def __init__(self, app, user=None):
        self.app = app
        self.jar = {}
        if user is not None:
            client = Client()
            client.force_login(user)
            self.jar["sessionid"] = client.cookies["sessionid"].value

    def get(self, path, **headers):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "localhost",
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(b""),
            "wsgi.errors": BytesIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if self.jar:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
        # Django closes connections around each request; in a test that would end the
        # transaction. (Django's test client reconnects these after each of its requests.)
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"], captured["headers"] = status, response_headers

        body = b"".join(self.app(environ, start_response))
        response = Response(captured["status"], captured["headers"], body)
        for name, morsel in response.set_cookies.items():
            if morsel["max-age"] == "0" or not morsel.value:
                self.jar.pop(name, None)
            else:
                self.jar[name] = morsel.value
        return response

    def settle(self, path):
        """Read `path` until the entitlement is issued and the variant's page is stored."""
        first = self.get(path)
        assert signed.COOKIE_NAME in self.jar, "a signed-in member's page issues an entitlement"
        return first, self.get(path)


@pytest.fixture
def wsgi():
    app = PageCacheMiddleware(WSGIHandler())
    yield lambda user=None: Reader(app, user)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def premium(demo):
    return demo.article(access_level="premium", language="en")


def test_a_paying_members_article_comes_from_the_cache_with_the_full_text_and_nothing_personal(
    wsgi, premium, paying_user, all_queries
):
    secret = secret_of(premium)
    payer = wsgi(paying_user)
    first, second = payer.settle(premium.url)
    # The first page (no entitlement yet) is the per-request one: the member's own, never kept.
    assert escape(secret) in first.text and "x-cache" not in first.headers
    assert '<span class="account-name">Pay</span>' in first.text and CSRF_INPUT in first.text
    assert second.headers["x-cache"] == "MISS"
    all_queries.clear()
    third = payer.get(premium.url)
    assert third.headers["x-cache"] == "HIT" and all_queries == [], "a hit runs no query"
    assert escape(secret) in third.text
    # Private to the browser: no shared cache outside ours may keep it; and no personal part.
    assert "private" in third.headers["cache-control"]
    assert "x-masthead-variant" not in third.headers and "x-masthead-cache-params" not in third.headers
    assert 'class="account-name"' not in third.text and "payer@example.com" not in third.text
    assert CSRF_INPUT not in third.text and "csrftoken" not in third.headers.get("set-cookie", "")
    assert 'data-personal="account"' in third.text and 'data-personal="gift"' in third.text


def test_another_paying_member_is_served_the_same_variant_page(wsgi, premium, paying_user, django_user_model):
    other = django_user_model.objects.create_user("other-payer", "o@example.com", None, first_name="Olga")
    grant_create(
        user=other,
        level="premium",
        source="complimentary",
        ends_at=timezone.now() + timezone.timedelta(days=3),
    )
    wsgi(paying_user).settle(premium.url)
    olga = wsgi(other)
    olga.get(premium.url)
    hit = olga.get(premium.url)
    assert hit.headers["x-cache"] == "HIT" and escape(secret_of(premium)) in hit.text
    assert 'class="account-name"' not in hit.text and "Olga" not in hit.text


def test_the_personal_parts_come_in_one_small_private_request(wsgi, client, premium, paying_user):
    client.force_login(paying_user)
    url = reverse("access:personal_parts") + f"?page={premium.pk}&slots=account,gift,comments,newsletter"
    response = client.get(url)
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    parts = json.loads(response.content)
    assert '<span class="account-name">Pay</span>' in parts["account"] and CSRF_INPUT in parts["account"]
    assert "Gift this article" in parts["gift"] and "gift links left this month" in parts["gift"]
    assert set(parts) == {"account", "gift", "comments", "newsletter"}
    # Signed out: nothing.
    assert json.loads(Client().get(url).content) == {}
    # Bad input is a clear answer, never a 500.
    assert client.get(reverse("access:personal_parts") + "?page=zz&slots=" + "x" * 5000).status_code == 200


def test_the_parts_request_never_spends_or_shows_a_metered_read(client, premium, reader_user, paywall):
    client.force_login(reader_user)
    parts = json.loads(
        client.get(reverse("access:personal_parts") + f"?page={premium.pk}&slots=gift,comments").content
    )
    assert parts["gift"].strip() == "" and "comment-form" not in parts["comments"]
    assert not MeterRead.objects.filter(user=reader_user).exists()


def test_variants_never_mix(wsgi, demo, premium, paying_user, reader_user, paywall):
    secret = secret_of(premium)
    wsgi(paying_user).settle(premium.url)
    wsgi(paying_user).settle("/")
    # An anonymous visitor gets the preview (its own key), then a free member whose meter is used up.
    anonymous = wsgi().get(premium.url)
    assert escape(secret) not in anonymous.text and secret not in anonymous.text
    now = timezone.now()
    for article in demo.articles.filter(access_level="premium").exclude(pk=premium.pk)[:2]:
        MeterRead.objects.create(
            user=reader_user, article=article, month=now.date().replace(day=1), created_at=now
        )
    free = wsgi(reader_user)
    free.settle("/")
    for _ in range(3):
        page = free.get(premium.url)
        assert escape(secret) not in page.text and secret not in page.text
        assert page.headers.get("x-cache") != "HIT", "a meter decision is rendered per request, never kept"
    assert free.get("/").headers["x-cache"] == "HIT"  # the member variant's own home page


def test_a_metered_read_from_a_cached_session_is_counted_exactly_once(
    wsgi, demo, premium, reader_user, paywall
):
    free = wsgi(reader_user)
    free.settle("/")
    for _ in range(4):
        page = free.get(premium.url)
        assert escape(secret_of(premium)) in page.text
        assert page.headers.get("x-cache") != "HIT"
    assert MeterRead.objects.filter(user=reader_user, article=premium).count() == 1


def test_a_free_member_reads_a_members_article_from_the_variant_cache(wsgi, demo, reader_user):
    article = demo.article(access_level="members", language="en")
    free = wsgi(reader_user)
    free.settle(article.url)
    hit = free.get(article.url)
    assert hit.headers["x-cache"] == "HIT" and escape(secret_of(article)) in hit.text


@pytest.mark.parametrize("path", ["/", "/ai/", "/search/?q=robots"])
def test_home_sections_and_search_are_cached_for_signed_in_readers(wsgi, demo, paying_user, path):
    payer = wsgi(paying_user)
    payer.settle(path)
    hit = payer.get(path)
    assert hit.headers["x-cache"] == "HIT"
    assert 'class="account-name"' not in hit.text and CSRF_INPUT not in hit.text


def test_membership_ending_mid_session_loses_the_paying_variant_at_once(
    wsgi, premium, paying_user, paywall, django_capture_on_commit_callbacks
):
    paywall.monthly_free_articles = 0  # no meter: without the grant, the article is a preview
    paywall.save()
    secret = secret_of(premium)
    payer = wsgi(paying_user)
    payer.settle(premium.url)
    assert payer.get(premium.url).headers["x-cache"] == "HIT"
    stale = dict(payer.jar)
    with django_capture_on_commit_callbacks(execute=True):  # entitlements go stale when the change commits
        grant_end(grant=Grant.objects.get(user=paying_user))  # a payment failed, a membership ended
    after = payer.get(premium.url)
    assert "x-cache" not in after.headers, "a stale entitlement goes down the per-request path"
    assert escape(secret) not in after.text and secret not in after.text
    assert signed.verify(payer.jar[signed.COOKIE_NAME], payer.jar["sessionid"]).variant == "member"
    # A client that keeps sending the old entitlement gets nothing from the cache either.
    replay = wsgi()
    replay.jar = stale
    assert escape(secret) not in replay.get(premium.url).text


def test_an_entitlement_expires_by_the_end_of_the_grant(wsgi, premium, django_user_model):
    user = django_user_model.objects.create_user("short", "s@example.com", None)
    ends = timezone.now() + timezone.timedelta(seconds=90)
    grant_create(user=user, level="premium", source="trial", ends_at=ends)
    reader = wsgi(user)
    reader.get(premium.url)
    held = signed.verify(reader.jar[signed.COOKIE_NAME], reader.jar["sessionid"])
    assert held.variant == "paying" and held.expires <= ends.timestamp()
    assert (
        signed.verify(reader.jar[signed.COOKIE_NAME], reader.jar["sessionid"], now=ends.timestamp()) is None
    )


def test_a_trial_starting_reissues_the_entitlement(
    wsgi, premium, reader_user, django_capture_on_commit_callbacks
):
    free = wsgi(reader_user)
    free.settle("/")
    with django_capture_on_commit_callbacks(execute=True):
        grant_create(
            user=reader_user,
            level="premium",
            source="trial",
            ends_at=timezone.now() + timezone.timedelta(days=14),
        )
    page = free.get(premium.url)
    assert escape(secret_of(premium)) in page.text
    assert signed.verify(free.jar[signed.COOKIE_NAME], free.jar["sessionid"]).variant == "paying"


def test_forged_and_replayed_entitlements_give_nothing_extra(
    wsgi, premium, paying_user, reader_user, paywall, demo
):
    secret = secret_of(premium)
    payer = wsgi(paying_user)
    payer.settle(premium.url)
    # Spend the free member's meter, so full text could only come from the paying variant.
    now = timezone.now()
    for article in demo.articles.filter(access_level="premium").exclude(pk=premium.pk)[:2]:
        MeterRead.objects.create(
            user=reader_user, article=article, month=now.date().replace(day=1), created_at=now
        )
    free = wsgi(reader_user)
    free.settle("/")
    own = free.jar[signed.COOKIE_NAME]
    forged = own.replace(".member.", ".paying.")
    attempts = {
        "edited variant": forged,
        "another member's entitlement": payer.jar[signed.COOKIE_NAME],
        "signed with another key": signed.sign(
            user_id=reader_user.pk,
            variant="paying",
            version=own.split(".")[2],
            expires=now.timestamp() + 300,
            session_key=free.jar["sessionid"],
        ).replace(own.split(".")[4], "0" * 20),
        "garbage": "x" * 300,
    }
    for name, cookie in attempts.items():
        mallory = wsgi()
        mallory.jar = {"sessionid": free.jar["sessionid"], signed.COOKIE_NAME: cookie}
        page = mallory.get(premium.url)
        assert escape(secret) not in page.text and secret not in page.text, name
        assert page.headers.get("x-cache") is None, name
    # The paying member's own entitlement without their session: the anonymous preview.
    thief = wsgi()
    thief.jar = {signed.COOKIE_NAME: payer.jar[signed.COOKIE_NAME]}
    assert escape(secret) not in thief.get(premium.url).text


def test_signing_out_clears_the_entitlement(wsgi, premium, paying_user):
    secret = secret_of(premium)
    payer = wsgi(paying_user)
    payer.settle(premium.url)
    old = dict(payer.jar)
    client = Client()
    for name, value in payer.jar.items():
        client.cookies[name] = value
    response = client.post(reverse("account_logout"))
    assert response.status_code in (200, 302)
    assert response.cookies[signed.COOKIE_NAME]["max-age"] == 0  # the browser drops it
    # Even a client that kept both old cookies gets the anonymous page.
    stubborn = wsgi()
    stubborn.jar = old
    page = stubborn.get(premium.url)
    assert page.status == 200 and escape(secret) not in page.text and secret not in page.text
    assert signed.COOKIE_NAME not in stubborn.jar


def test_staff_are_never_cached(wsgi, premium, staff_user):
    staff = wsgi(staff_user)
    for _ in range(3):
        page = staff.get(premium.url)
        assert "x-cache" not in page.headers
    assert signed.COOKIE_NAME not in staff.jar


def test_a_flash_message_bypasses_the_variant_cache(wsgi, premium, paying_user):
    payer = wsgi(paying_user)
    payer.settle(premium.url)
    payer.jar["messages"] = "x"
    assert "x-cache" not in payer.get(premium.url).headers


def test_publishing_an_access_change_reaches_every_variant(wsgi, demo, reader_user, paywall):
    paywall.monthly_free_articles = 0  # no meter: a premium article is a preview for free members
    paywall.save()
    article = demo.article(access_level="members", language="en")
    secret = secret_of(article)
    free = wsgi(reader_user)
    free.settle(article.url)
    assert escape(secret) in free.get(article.url).text
    article.access_level = "premium"
    article.save_revision().publish()
    after = free.get(article.url)
    assert after.headers.get("x-cache") != "HIT"
    assert escape(secret) not in after.text and secret not in after.text


def test_ending_a_session_from_another_device_revokes_its_entitlement(wsgi, premium, paying_user):
    from allauth.usersessions.models import UserSession

    payer = wsgi(paying_user)
    payer.settle(premium.url)
    assert payer.get(premium.url).headers["x-cache"] == "HIT"
    for session in UserSession.objects.filter(user=paying_user):
        session.end()  # what "sign out other devices" does, without a signed-out signal
    page = payer.get(premium.url)
    assert page.headers.get("x-cache") != "HIT"
    assert escape(secret_of(premium)) not in page.text


# --- Tags (core.cachetags): what a change makes stale, and what it leaves -----------------------


def _two_public_articles(demo):
    articles = list(demo.articles.filter(access_level="public", language="en")[:2])
    assert len(articles) == 2
    return articles


def _comments_shown_at_once():
    from masthead.community.models import CommunitySettings

    settings = CommunitySettings.load()
    settings.hold_first_posts = False
    settings.save()


def test_a_comment_makes_its_article_stale_and_no_other_page(wsgi, demo, paying_user):
    from masthead.community.services import comment_create

    _comments_shown_at_once()
    article, other = _two_public_articles(demo)
    anonymous = wsgi()
    paths = ["/", other.url, other.section.url, "/archive/", article.url]
    for path in paths:
        anonymous.get(path)
    assert [anonymous.get(path).headers["x-cache"] for path in paths] == ["HIT"] * len(paths)

    comment_create(author=paying_user, article=article, body="A remark only this article shows")

    after = anonymous.get(article.url)
    assert after.headers["x-cache"] == "MISS" and "A remark only this article shows" in after.text
    assert anonymous.get(article.url).headers["x-cache"] == "HIT"
    # The home page, another article, its section and the archive are still the cached pages.
    assert [anonymous.get(path).headers["x-cache"] for path in paths[:-1]] == ["HIT"] * (len(paths) - 1)


def test_a_like_or_a_ban_reaches_the_article_page(wsgi, demo, paying_user, reader_user):
    from masthead.community.services import comment_create, member_ban

    _comments_shown_at_once()
    article, _other = _two_public_articles(demo)
    comment_create(author=paying_user, article=article, body="A remark that will be hidden")
    anonymous = wsgi()
    anonymous.get(article.url)
    cached = anonymous.get(article.url)
    assert cached.headers["x-cache"] == "HIT" and "A remark that will be hidden" in cached.text
    member_ban(user=paying_user, actor=reader_user, reason="test")
    after = anonymous.get(article.url)
    assert after.headers["x-cache"] == "MISS"


def test_publishing_an_article_makes_every_listing_stale(wsgi, demo):
    article, other = _two_public_articles(demo)
    anonymous = wsgi()
    paths = ["/", article.section.url, "/archive/", "/feeds/rss/", other.url, "/search/?q=robots"]
    for path in paths:
        anonymous.get(path)
    assert [anonymous.get(path).headers["x-cache"] for path in paths] == ["HIT"] * len(paths)
    article.title = "A headline no listing has shown"
    article.save_revision().publish()
    after = {path: anonymous.get(path) for path in paths}
    assert [r.headers["x-cache"] for r in after.values()] == ["MISS"] * len(paths)
    assert "A headline no listing has shown" in after[article.section.url].text
    assert "A headline no listing has shown" in after["/feeds/rss/"].text


def test_an_access_change_removes_the_full_text_from_every_cached_variant(
    wsgi, demo, paying_user, reader_user, paywall
):
    paywall.monthly_free_articles = 0  # no meter: a premium article is a preview for free members
    paywall.save()
    article = demo.article(access_level="public", language="en")
    secret = secret_of(article)
    readers = {"anonymous": wsgi(), "member": wsgi(reader_user), "paying": wsgi(paying_user)}
    for name, reader in readers.items():
        if name == "anonymous":
            reader.get(article.url)
        else:
            reader.settle(article.url)
        cached = reader.get(article.url)
        assert cached.headers.get("x-cache") == "HIT", name
        assert escape(secret) in cached.text, name
    # Another process's pages and fragments too: its `site` version is at most a second old.
    from masthead.core import cachetags

    article.access_level = "premium"
    article.save_revision().publish()
    cachetags.generation.read_at -= 1.5  # as another process would see it a second later
    for name in ("anonymous", "member"):
        after = readers[name].get(article.url)
        assert after.headers.get("x-cache") != "HIT", name
        assert escape(secret) not in after.text and secret not in after.text, name
        assert 'class="paywall"' in after.text, name
    assert escape(secret) in readers["paying"].get(article.url).text
