"""The route cache (core.caching.remembered_route) and the per-process site cache: what they keep,
and that nothing they keep outlives a change (docs/caching.md, "Routes")."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from masthead.core import cachetags, caching


@pytest.fixture
def walks(monkeypatch):
    """Counts Wagtail's own routing (the tree walk the route cache saves)."""
    calls = []
    original = Page.route_for_request

    def counting(request, path):
        if not hasattr(request, "_wagtail_route_for_request"):  # else answered from the request
            calls.append(path)
        return original(request, path)

    monkeypatch.setattr(Page, "route_for_request", staticmethod(counting))
    return calls


def _other_process():
    """What a second process sees: the shared cache, none of this process's memory."""
    caching._routes.clear()


def _get(url):
    from django.test import RequestFactory

    request = RequestFactory().get(url)
    request.LANGUAGE_CODE = "en"
    request._wagtail_site = Site.objects.get(is_default_site=True)  # as SiteCacheMiddleware sets it
    return request


def test_a_second_request_is_served_without_routing(demo, walks, django_assert_num_queries):
    article = demo.article(access_level="public")
    path = article.url.lstrip("/")
    first = caching.remembered_route(_get(article.url), path)
    assert first.page.pk == article.pk
    assert walks == [path]
    request = _get(article.url)
    with django_assert_num_queries(0):
        second = caching.remembered_route(request, path)
    assert second.page.pk == article.pk
    assert walks == [path]


def test_the_page_is_served_through_the_route_cache(client, demo, walks):
    article = demo.article(access_level="public")
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert len(caching._routes) == 1


def test_another_process_finds_the_route_in_the_shared_cache(
    client, demo, walks, django_assert_max_num_queries
):
    article = demo.article(access_level="public")
    request_path = article.url
    assert client.get(request_path).status_code == 200
    assert len(walks) == 1

    _other_process()
    request = _get(request_path)
    with django_assert_max_num_queries(1):  # the page, by primary key
        route = caching.remembered_route(request, request_path.lstrip("/"))
    assert route is not None and route.page.pk == article.pk
    assert len(walks) == 1, "the shared tier answered: no tree walk"


def test_a_remembered_route_is_forgotten_when_the_page_is_unpublished(client, demo):
    article = demo.article(access_level="public")
    assert client.get(article.url).status_code == 200
    url = article.url
    article.unpublish()
    cache.clear()  # the page cache too: only the route cache is under test here
    assert client.get(url).status_code == 404
    # ...and in another process that still holds the old version in memory: the shared entry is
    # re-read live, so it cannot serve the unpublished page either.
    _other_process()
    assert client.get(url).status_code == 404


def test_a_stale_shared_entry_never_serves_a_page_that_is_not_live(demo, walks):
    from django.test import RequestFactory

    article = demo.article(access_level="public")
    path = article.url.lstrip("/")
    generation = caching.fragment_generation()
    key = (Site.objects.get(is_default_site=True).pk, "en", path)
    draft = demo.article(access_level="premium")
    # An entry written before a change this process has not heard of points at a page that is
    # no longer live: the route cache walks the tree instead.
    Page.objects.filter(pk=draft.pk).update(live=False)
    cache.set(caching._shared_route_key(generation, key), (draft._meta.label, draft.pk), 60)
    request = RequestFactory().get(article.url)
    request.LANGUAGE_CODE = "en"
    route = caching.remembered_route(request, path)
    assert route.page.pk == article.pk
    assert walks == [path]


def test_long_paths_do_not_share_an_entry():
    generation = 1
    long = "a" * 400
    first = caching._shared_route_key(generation, (1, "en", long + "/x/"))
    second = caching._shared_route_key(generation, (1, "en", long + "/y/"))
    assert first != second
    assert len(first) < 250  # within every cache backend's key limit


def test_routes_are_kept_per_edition(client, demo, walks):
    assert client.get("/").status_code == 200
    assert client.get("/zh/").status_code == 200
    _other_process()
    cache_en = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    cache_zh = client.get("/zh/")
    assert cache_en.status_code == cache_zh.status_code == 200
    assert 'lang="zh' in cache_zh.content.decode()
    assert 'lang="en' in cache_en.content.decode()


def test_posts_and_previews_are_not_remembered(demo, walks):
    from django.test import RequestFactory

    article = demo.article(access_level="public")
    path = article.url.lstrip("/")
    post = RequestFactory().post(article.url)
    assert caching.remembered_route(post, path) is None
    preview = RequestFactory().get(article.url)
    preview.is_preview = True
    assert caching.remembered_route(preview, path) is None
    assert len(caching._routes) == 0


def test_a_site_change_reaches_every_process_through_the_site_version(client, demo):
    assert client.get("/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    assert len(cachetags.PROCESS_CACHES["core.sites"]) == 1
    # Another process renames the site's host: its save bumps the `site` version, which this
    # process reads within a second (forgotten here at once, as a new second would).
    site.hostname = "news.example.org"
    site.is_default_site = False
    site.save()
    cachetags.generation.forget()
    response = client.get("/", HTTP_HOST="127.0.0.1")
    # No site matches the old host any more: Wagtail serves no page for it.
    assert response.status_code == 404
