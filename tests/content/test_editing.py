"""The article editor: the access level is chosen on purpose, and a premium break in a public
article never goes out silently."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.content.models import ArticlePage, NewsroomSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


def article_data(demo, *, slug, access_level, with_break=True, **extra):
    body = [("paragraph", rich_text("<p>Above the break: for everyone.</p>"))]
    if with_break:
        body.append(("premium_break", ""))
    body.append(("paragraph", rich_text("<p>Below the break: secret-below-the-break.</p>")))
    return nested_form_data(
        {
            "title": f"Editing test {slug}",
            "slug": slug,
            "dek": "A test article.",
            "access_level": access_level,
            "article_authors": inline_formset([{"author": demo.authors["wang-lei"].pk}]),
            "body": streamfield(body),
            "tags": "",
            "language": "en",
            "date": "",
            "seo_title": "",
            "search_description": "",
            **extra,
        }
    )


def create(client, section, data):
    url = reverse("wagtailadmin_pages:add", args=["content", "articlepage", section.pk])
    return client.post(url, data)


def test_publishing_a_public_article_with_a_premium_break_is_stopped_with_a_clear_error(editor_client, demo):
    response = create(
        editor_client,
        demo.sections["ai"],
        article_data(demo, slug="free-by-accident", access_level="public", **{"action-publish": "1"}),
    )
    assert response.status_code == 200  # the form again, nothing published
    page = response.content.decode()
    assert "would be free for everyone" in page
    assert 'name="publish_free_anyway"' in page  # the way out is offered once warned
    assert not ArticlePage.objects.filter(slug="free-by-accident").exists()


def test_the_editor_may_publish_it_free_on_purpose(editor_client, demo):
    response = create(
        editor_client,
        demo.sections["ai"],
        article_data(
            demo,
            slug="free-on-purpose",
            access_level="public",
            publish_free_anyway="on",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="free-on-purpose")
    assert article.live and article.access_level == "public"


def test_premium_with_a_break_publishes_and_drafts_are_never_stopped(editor_client, demo):
    response = create(
        editor_client,
        demo.sections["ai"],
        article_data(demo, slug="premium-ok", access_level="premium", **{"action-publish": "1"}),
    )
    assert response.status_code == 302 and ArticlePage.objects.get(slug="premium-ok").live
    # Saving a draft of a public article with a break is fine: nothing goes out yet.
    response = create(
        editor_client, demo.sections["ai"], article_data(demo, slug="draft-ok", access_level="public")
    )
    assert response.status_code == 302 and not ArticlePage.objects.get(slug="draft-ok").live


def test_a_writer_submitting_for_approval_is_warned_too(editor_client, demo):
    response = create(
        editor_client,
        demo.sections["ai"],
        article_data(demo, slug="submitted-free", access_level="public", **{"action-submit": "1"}),
    )
    assert response.status_code == 200 and "would be free for everyone" in response.content.decode()


def test_the_access_level_is_on_the_main_tab_and_starts_at_the_sections_default(editor_client, demo):
    section = demo.sections["startups"]
    section.default_access_level = "premium"
    section.save_revision().publish()
    NewsroomSettings.for_site(demo.home.get_site())  # the site default stays "public"
    url = reverse("wagtailadmin_pages:add", args=["content", "articlepage", section.pk])
    page = editor_client.get(url).content.decode()
    content_tab = page.split('id="tab-content"')[1].split('id="tab-promote"')[0]
    assert 'name="access_level"' in content_tab
    assert re.search(r'name="access_level" value="premium"[^>]*\bchecked', content_tab)
    assert "Publish · Premium" in page
    # Another section without its own default falls back to the site's setting.
    other = editor_client.get(
        reverse("wagtailadmin_pages:add", args=["content", "articlepage", demo.sections["ai"].pk])
    ).content.decode()
    assert "Publish · Public" in other


def test_listings_show_the_access_level(editor_client, demo):
    premium = demo.article(access_level="premium")
    listing = editor_client.get(reverse("article_listing:index") + "?access_level=premium").content.decode()
    assert escape(f"{premium.title} · Premium") in listing
    public = demo.article(access_level="public")
    assert escape(public.title) not in listing
    explorer = editor_client.get(reverse("wagtailadmin_explore", args=[premium.get_parent().pk]))
    assert escape(f"{premium.title} · Premium") in explorer.content.decode()


def test_a_slug_held_by_an_unpublished_draft_names_the_draft_and_links_to_it(editor_client, demo):
    first = ArticlePage(
        title="My first attempt",
        slug="starting-over",
        dek="Autosaved, then abandoned.",
        body=[("paragraph", "<p>An old attempt.</p>")],
        access_level="public",
        live=False,
    )
    demo.sections["ai"].add_child(instance=first)
    first.save_revision()
    response = create(
        editor_client,
        demo.sections["ai"],
        article_data(demo, slug="starting-over", access_level="premium"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "An unpublished draft, “My first attempt" in page
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[first.pk])}">Continue that draft</a>' in page
    assert f'href="{reverse("wagtailadmin_pages:delete", args=[first.pk])}">delete it</a>' in page
    # A published page keeps Wagtail's plain message: that address is really taken.
    live = demo.article()
    taken = create(
        editor_client, live.get_parent(), article_data(demo, slug=live.slug, access_level="premium")
    )
    assert (
        "is already in use" in taken.content.decode() and "Continue that draft" not in taken.content.decode()
    )
