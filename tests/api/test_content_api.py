"""The Ghost-compatible Content API: Ghost's shapes, parameters and errors, the paywall, caching."""

import json

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from masthead.api.ghost import ids
from masthead.api.ghost.serializers import MEMBERS_ONLY_MARKER
from masthead.api.services import api_key_revoke
from masthead.content.body import plain_text, split_body
from masthead.content.models import ArticlePage
from tests.api.conftest import CONTENT
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def get(content_key):
    client = Client(HTTP_HOST="localhost")

    def fetch(path, expect=200, **params):
        params.setdefault("key", content_key)
        response = client.get(f"{CONTENT}/{path}", params)
        assert response.status_code == expect, response.content[:500]
        return response.json()

    return fetch


POST_KEYS = {
    "id", "uuid", "title", "slug", "html", "comment_id", "feature_image", "feature_image_alt",
    "feature_image_caption", "featured", "visibility", "created_at", "updated_at", "published_at",
    "custom_excerpt", "codeinjection_head", "codeinjection_foot", "custom_template", "canonical_url",
    "url", "excerpt", "reading_time", "access", "og_image", "og_title", "og_description",
    "twitter_image", "twitter_title", "twitter_description", "meta_title", "meta_description",
    "email_subject", "frontmatter",
}  # fmt: skip


def test_posts_come_in_ghosts_shape_newest_first_with_pagination(get, demo):
    body = get("posts/", limit=5, include="authors,tags")
    posts, pagination = body["posts"], body["meta"]["pagination"]
    live = ArticlePage.objects.live().filter(date__isnull=False)
    assert pagination == {"page": 1, "limit": 5, "pages": -(-live.count() // 5), "total": live.count(),
                          "next": 2, "prev": None}  # fmt: skip
    assert len(posts) == 5
    assert set(posts[0]) == POST_KEYS | {"authors", "primary_author", "tags", "primary_tag"}
    dates = [p["published_at"] for p in posts]
    assert dates == sorted(dates, reverse=True)
    newest = live.order_by("-date", "-pk").first()
    first = posts[0]
    assert first["id"] == ids.encode("post", newest.pk) and len(first["id"]) == 24
    assert first["slug"] == newest.slug and first["custom_excerpt"] == newest.dek
    assert first["primary_author"]["slug"] == newest.authors[0].slug
    assert first["primary_tag"]["slug"] == newest.get_parent().slug  # the section is the primary tag
    assert first["tags"][0] == first["primary_tag"]
    assert {t["slug"] for t in first["tags"][1:]} == set(newest.tags.values_list("slug", flat=True))
    assert first["url"].endswith(newest.url)


def test_without_include_posts_carry_no_authors_or_tags(get):
    post = get("posts/", limit=1)["posts"][0]
    assert "authors" not in post and "tags" not in post and "primary_author" not in post


def test_fields_and_formats_shape_the_answer(get):
    post = get("posts/", limit=1, fields="title,slug,plaintext", formats="plaintext")["posts"][0]
    assert set(post) == {"title", "slug", "plaintext"}
    assert post["plaintext"] and "<p>" not in post["plaintext"]


def test_paging_through_every_post_sees_each_once(get):
    seen, page = [], 1
    while page:
        body = get("posts/", limit=7, page=page, fields="id")
        seen += [p["id"] for p in body["posts"]]
        page = body["meta"]["pagination"]["next"]
    assert len(seen) == len(set(seen)) == ArticlePage.objects.live().filter(date__isnull=False).count()


def test_a_page_past_the_end_is_empty_with_the_real_totals(get):
    body = get("posts/", page=999)
    assert body["posts"] == [] and body["meta"]["pagination"]["total"] > 0


def test_read_by_slug_and_by_id(get, demo):
    article = demo.article(access_level="public")
    by_slug = get(f"posts/slug/{article.slug}/")
    assert "meta" not in by_slug and [p["slug"] for p in by_slug["posts"]] == [article.slug]
    by_id = get(f"posts/{ids.encode('post', article.pk)}/")
    assert by_id["posts"][0]["id"] == by_slug["posts"][0]["id"]
    missing = get("posts/slug/no-such-post/", expect=404)
    assert missing["errors"][0]["type"] == "NotFoundError"
    get(f"posts/{ids.encode('author', article.pk)}/", expect=404)  # an id of another kind


@pytest.mark.parametrize(
    ("nql", "check"),
    [
        ("featured:true", lambda a: a.featured),
        ("visibility:paid", lambda a: a.access_level == "premium"),
        ("visibility:-public", lambda a: a.access_level in ("members", "premium")),
        ("tag:ai", lambda a: a.get_parent().slug == "ai" or a.tags.filter(slug="ai").exists()),
        ("primary_tag:[ai,fintech]", lambda a: a.get_parent().slug in ("ai", "fintech")),
        ("tag:ai+featured:true", lambda a: a.featured and a.get_parent().slug == "ai"),
        ("tag:ai featured:true", lambda a: a.featured and a.get_parent().slug == "ai"),  # a decoded '+'
        ("(tag:ai,tag:fintech)+visibility:public", lambda a: a.access_level in ("public", "")
         and a.get_parent().slug in ("ai", "fintech")),
        ("published_at:>'2025-01-01 00:00:00'", lambda a: a.date.year >= 2025),
        ("published_at:<now-180d", lambda a: a.date < timezone.now() - timezone.timedelta(days=180)),
        ("title:~'China'", lambda a: "china" in a.title.lower()),
    ],
)  # fmt: skip
def test_filters_select_exactly_the_matching_posts(get, demo, nql, check):
    # Beside the newsroom's recent stories: an old one, and headlines with and without "China".
    old = timezone.now() - timezone.timedelta(days=800)
    ArticlePageFactory(
        parent=demo.sections["policy"], title="How China wrote its data rules", date=old, published_at=old
    )
    ArticlePageFactory(
        parent=demo.sections["ai"], title="Chinas chip makers", access_level="premium", featured=True
    )
    live = list(ArticlePage.objects.live().filter(date__isnull=False))
    expected = {ids.encode("post", a.pk) for a in live if check(a)}
    got = {p["id"] for p in get("posts/", filter=nql, limit="all", fields="id")["posts"]}
    assert expected, f"no post matches {nql}"
    assert len(expected) < len(live), f"every post matches {nql}"
    assert got == expected


def test_author_filter_and_order(get, demo):
    author = next(iter(demo.authors.values()))
    body = get("posts/", filter=f"author:{author.slug}", order="title asc", include="authors", limit="all")
    titles = [p["title"] for p in body["posts"]]
    assert titles and titles == sorted(titles)
    assert all(author.slug in {a["slug"] for a in p["authors"]} for p in body["posts"])


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"filter": "nosuchfield:1"}, "cannot filter by 'nosuchfield'"),
        ({"filter": "tag:"}, "expected a value"),
        ({"filter": "(tag:ai"}, "missing ')'"),
        ({"filter": "published_at:>'yesterday-ish'"}, "needs a date"),
        ({"filter": "featured:maybe"}, "true or false"),
        ({"filter": "visibility:secret"}, "visibility is one of"),
        ({"limit": "0"}, "limit must be"),
        ({"limit": "1000"}, "limit must be"),
        ({"limit": "ten"}, "limit must be"),
        ({"page": "0"}, "page must be"),
        ({"page": "-1"}, "page must be"),
        ({"order": "wordcount desc"}, "cannot order by"),
        ({"order": "title sideways"}, "asc or desc"),
    ],
)
def test_bad_parameters_are_a_400_that_says_what_is_wrong(get, params, words):
    body = get("posts/", expect=400, **params)
    error = body["errors"][0]
    assert error["type"] == "BadRequestError"
    assert words in error["context"]


def test_no_key_unknown_key_and_revoked_key_are_401(content_key):
    client = Client(HTTP_HOST="localhost")
    assert client.get(f"{CONTENT}/posts/").status_code == 401
    unknown = client.get(f"{CONTENT}/posts/", {"key": "0" * 26})
    assert unknown.status_code == 401 and unknown.json()["errors"][0]["type"] == "UnauthorizedError"
    assert client.get(f"{CONTENT}/posts/", {"key": content_key}).status_code == 200
    api_key_revoke(name="website")
    assert client.get(f"{CONTENT}/posts/", {"key": content_key}).status_code == 401


def test_an_admin_key_is_not_a_content_key(admin_key):
    assert Client(HTTP_HOST="localhost").get(f"{CONTENT}/posts/", {"key": admin_key}).status_code == 401


def test_writes_are_refused_and_cors_answers_preflight(content_key):
    client = Client(HTTP_HOST="localhost")
    assert client.post(f"{CONTENT}/posts/?key={content_key}").status_code == 405
    preflight = client.options(f"{CONTENT}/posts/", HTTP_ORIGIN="https://frontend.example")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "Accept-Version" in preflight["Access-Control-Allow-Headers"]
    ok = client.get(f"{CONTENT}/posts/", {"key": content_key}, HTTP_ORIGIN="https://frontend.example")
    assert ok["Access-Control-Allow-Origin"] == "*"


@override_settings(API_CONTENT_RATE_LIMIT=3)
def test_each_key_has_a_rate_limit(content_key):
    client = Client(HTTP_HOST="localhost")
    codes = [client.get(f"{CONTENT}/tags/", {"key": content_key}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    refused = client.get(f"{CONTENT}/tags/", {"key": content_key})
    assert refused["Retry-After"] == "60" and refused.json()["errors"][0]["type"] == "TooManyRequestsError"


def test_authors_tags_tiers_settings_and_pages(get, demo):
    authors = get("authors/", include="count.posts", limit="all")["authors"]
    assert {a["slug"] for a in authors} == {a.slug for a in demo.authors.values() if a.live}
    assert all(a["count"]["posts"] >= 0 for a in authors) and sum(a["count"]["posts"] for a in authors) > 0
    assert "email" not in json.dumps(authors)  # contact addresses are private
    one = get(f"authors/slug/{authors[0]['slug']}/")["authors"][0]
    assert one["id"] == authors[0]["id"]

    tags = get("tags/", limit="all", include="count.posts")["tags"]
    slugs = [t["slug"] for t in tags]
    assert set(demo.sections) <= set(slugs)
    ai = next(t for t in tags if t["slug"] == "ai" and t["id"].startswith("04"))
    assert (
        ai["count"]["posts"]
        == ArticlePage.objects.live().filter(path__startswith=demo.sections["ai"].path).count()
    )
    assert get("tags/", filter="slug:ai")["tags"][0]["name"] == ai["name"]

    tiers = get("tiers/", include="monthly_price,yearly_price,benefits")["tiers"]
    assert tiers[0]["type"] == "free" and all(t["type"] == "paid" for t in tiers[1:])
    assert all(isinstance(t["monthly_price"], int) for t in tiers[1:])
    assert get("tiers/", filter="type:paid")["meta"]["pagination"]["total"] == len(tiers) - 1

    site = get("settings/")["settings"]
    assert site["title"] and {n["label"] for n in site["navigation"]} == {
        s.title for s in demo.sections.values()
    }

    pages = get("pages/", limit="all")["pages"]
    assert pages and all(p["visibility"] == "public" for p in pages)
    assert "join" not in json.dumps(pages).lower() or all("join_url" not in p for p in pages)


def _secret_below_break(article):
    _preview, rest = split_body(article.body)
    text = plain_text(rest)
    return text[len(text) // 2 : len(text) // 2 + 40]


def test_premium_and_members_posts_come_with_the_preview_only(get, demo):
    for level in ("premium", "members"):
        article = demo.article(access_level=level, language="en")
        secret = _secret_below_break(article)
        post = get(f"posts/slug/{article.slug}/", formats="html,plaintext")["posts"][0]
        assert post["access"] is False and post["visibility"] == ("paid" if level == "premium" else "members")
        preview, _rest = split_body(article.body)
        assert plain_text(preview)[:60] in post["plaintext"]
        assert secret not in post["html"] and secret not in post["plaintext"]
        assert MEMBERS_ONLY_MARKER not in post["html"]


def test_a_paying_members_session_unlocks_their_premium_text_privately(content_key, paying_user, demo):
    article = demo.article(access_level="premium", language="en")
    secret = _secret_below_break(article)
    client = Client(HTTP_HOST="localhost")
    client.force_login(paying_user)
    response = client.get(
        f"{CONTENT}/posts/slug/{article.slug}/", {"key": content_key, "formats": "plaintext,html"}
    )
    post = response.json()["posts"][0]
    assert post["access"] is True and secret in post["plaintext"]
    assert MEMBERS_ONLY_MARKER in post["html"]  # where the premium break is, as Ghost marks it
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_content_api_answers_are_served_from_the_page_cache_and_invalidated_by_publishing(
    wsgi, content_key, demo, all_queries
):
    url = f"{CONTENT}/posts/?key={content_key}&limit=15&include=authors,tags"
    first = wsgi(url)
    assert first.status == 200 and first.headers["x-cache"] == "MISS"
    assert "public" in first.headers["cache-control"]
    all_queries.clear()
    second = wsgi(url)
    assert second.headers["x-cache"] == "HIT" and second.text == first.text
    assert second.headers["access-control-allow-origin"] == "*"
    assert all_queries == []  # a hit runs no query at all

    article = demo.article(access_level="public")
    article.title = "A corrected headline for the API cache test"
    article.save_revision().publish()
    third = wsgi(url.replace("limit=15", "limit=100"))
    again = wsgi(url)
    assert again.headers["x-cache"] == "MISS"
    assert "A corrected headline for the API cache test" in third.text + again.text


def test_a_revoked_keys_cached_answers_stop_at_once(wsgi, content_key):
    url = f"{CONTENT}/tags/?key={content_key}"
    assert wsgi(url).status == 200 and wsgi(url).headers["x-cache"] == "HIT"
    api_key_revoke(name="website")
    assert wsgi(url).status == 401


def test_a_member_never_gets_or_fills_the_shared_cache(wsgi, client, content_key, paying_user, demo):
    article = demo.article(access_level="premium", language="en")
    secret = _secret_below_break(article)
    url = f"{CONTENT}/posts/slug/{article.slug}/?key={content_key}&formats=plaintext"
    client.force_login(paying_user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    member = wsgi(url, cookie=cookie)
    assert secret in member.text and "x-cache" not in member.headers
    anonymous = wsgi(url)
    assert anonymous.headers["x-cache"] == "MISS" and secret not in anonymous.text


@given(text=st.text(max_size=80))
@hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_filter_text_is_answered_with_200_or_a_400_never_a_500(content_key, text):
    response = Client(HTTP_HOST="localhost").get(
        f"{CONTENT}/posts/", {"key": content_key, "filter": text, "limit": 1}
    )
    assert response.status_code in (200, 400), (text, response.content[:300])
    if response.status_code == 400:
        assert response.json()["errors"][0]["context"]


def test_a_page_with_a_view_restriction_is_not_served(get, demo):
    from wagtail.models import PageViewRestriction

    article = demo.article(access_level="public")
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    get(f"posts/slug/{article.slug}/", expect=404)
    assert article.slug not in {p["slug"] for p in get("posts/", limit="all", fields="slug")["posts"]}
