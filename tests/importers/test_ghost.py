"""Ghost exports (5 and 6): every field the issue names lands where it belongs."""

import json

import pytest
from django.core.management.base import CommandError
from wagtail.images import get_image_model

from masthead.content.models import ArticlePage, AuthorPage, SectionPage
from masthead.content.services import author_find
from masthead.importers.models import ImportedObject

from .conftest import FIXTURES
from .helpers import run_import

pytestmark = pytest.mark.django_db


def imported(source_id):
    record = ImportedObject.objects.get(namespace="ghost:site", source_id=source_id)
    return ArticlePage.objects.get(pk=record.target_id)


def kinds(page):
    return [block.block_type for block in page.body]


def test_a_ghost_5_export_brings_posts_pages_authors_tags_images_and_settings(ghost_export, image_server):
    output = run_import("import_content", "ghost", ghost_export)
    assert "article: 7 created" in output and "page: 1 created" in output and "author: 2 created" in output

    post = imported("p1")
    assert post.live and post.title == "Chips across the strait"
    assert post.get_parent().specific.slug == "archive"
    assert post.dek == "How the chip trade moved in a year."
    assert post.seo_title == "Chips: the year in trade"
    assert post.search_description == "A year of chip trade, told."
    assert post.canonical_url == "https://original.example/chips"
    assert post.featured and post.access_level == "public"
    assert post.date.isoformat().startswith("2023-01-15T08:30")
    assert post.first_published_at.isoformat().startswith("2023-01-15T08:30")
    assert [a.slug for a in post.authors] == ["jane", "li-wei"]
    assert [t.name for t in post.tags.all()] == ["Semiconductors"]  # the internal #newsletter tag is not kept
    assert post.hero_image is not None and post.hero_image.file.storage.exists(post.hero_image.file.name)
    assert kinds(post) == [
        "paragraph",
        "heading",
        "paragraph",
        "quote",
        "image",
        "embed",
        "html",
        "paragraph",
    ]
    assert (
        "<b>first</b>" in post.body[0].value.source
        and 'href="https://example.org/report"' in post.body[0].value.source
    )
    assert post.body[3].value["attribution"] == "A minister"
    assert post.body[4].value["caption"] == "A fab at night"
    assert post.body[4].value["image"].pk == post.hero_image.pk, "the same picture is stored once"
    assert post.body[5].value.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert "<table>" in post.body[6].value

    jane = AuthorPage.objects.get(slug="jane")
    assert jane.title == "Jane Reporter" and "Covers chips" in jane.bio and "<b>" not in jane.bio
    assert jane.photo is not None
    assert not AuthorPage.objects.filter(slug="nobody").exists(), "authors of nothing are left out"

    paid = imported("p2")
    assert paid.access_level == "premium"
    assert kinds(paid) == ["paragraph", "premium_break", "paragraph", "paragraph"], (
        "the paywall card is the break"
    )

    members = imported("p3")  # Lexical only
    assert members.access_level == "members"
    assert kinds(members)[:3] == ["paragraph", "premium_break", "heading"]
    assert "<i>members</i>" in members.body[0].value.source
    assert "/remote.png" in image_server.hits, "an image not in the export is fetched"
    fetched = [b for b in members.body if b.block_type == "image"]
    assert len(fetched) == 1 and fetched[0].value["caption"] == "Fetched from the web"
    assert any("missing.png" in b.value.source for b in members.body if b.block_type == "paragraph"), (
        "an unreachable image stays a link"
    )

    draft = imported("p4")  # Mobiledoc only
    assert not draft.live and draft.has_unpublished_changes
    assert kinds(draft) == ["paragraph", "paragraph", "paragraph"]
    assert (
        "<b>Bold start</b>" in draft.body[0].value.source and "<i>markdown</i>" in draft.body[1].value.source
    )

    scheduled = imported("p5")
    assert not scheduled.live and scheduled.go_live_at.year == 2099
    assert scheduled.latest_revision.approved_go_live_at.year == 2099

    page = imported("p6")
    assert page.get_parent().specific.slug == "pages" and page.live
    assert imported("p8").access_level == "premium", "tiers visibility is premium"


def test_premium_text_of_an_imported_paid_post_is_not_in_the_preview(ghost_export, client):
    run_import("import_content", "ghost", ghost_export)
    paid = imported("p2")
    response = client.get(paid.url)
    assert response.status_code == 200
    assert b"Free opening paragraph" in response.content and b"PAID-SECRET" not in response.content
    members = imported("p3")
    assert b"MEMBERS-SECRET" not in client.get(members.url).content


def test_ghost_6_lexical_export(tmp_path):
    run_import("import_content", "ghost", FIXTURES / "ghost6.json")
    page = imported("s1")
    assert page.access_level == "premium" and kinds(page) == ["paragraph", "premium_break", "paragraph"]
    assert page.authors[0].title == "Ada Desk"


def test_an_unsupported_ghost_version_is_refused_and_nothing_is_written():
    before = ArticlePage.objects.count()
    with pytest.raises(CommandError, match=r"Ghost version 3\.40\.0 is not supported"):
        run_import("import_content", "ghost", FIXTURES / "ghost3.json")
    assert ArticlePage.objects.count() == before


def test_a_truncated_ghost_file_says_where_it_breaks(tmp_path):
    text = (FIXTURES / "ghost6.json").read_text()
    broken = tmp_path / "broken.json"
    broken.write_text(text[:200])
    with pytest.raises(CommandError, match=r"not valid JSON at line \d+, column \d+.*truncated"):
        run_import("import_content", "ghost", broken)
    not_ghost = tmp_path / "other.json"
    not_ghost.write_text(json.dumps({"posts": []}))
    with pytest.raises(CommandError, match="not a Ghost export"):
        run_import("import_content", "ghost", not_ghost)
    assert not ImportedObject.objects.exists()


def test_sections_are_created_once(ghost_export):
    run_import("import_content", "ghost", ghost_export)
    assert SectionPage.objects.filter(slug="archive").count() == 1
    assert get_image_model().objects.filter(title__in=["Chips across the strait"]).count() <= 1


def test_an_imported_author_with_a_journalists_slug_is_the_english_editions_page(
    demo, tmp_path, image_server
):
    """Both editions have a page per journalist with the same slug (issue 20): an import names the
    English edition's (imports write to the English tree), whatever order the tree sorts in."""
    english = demo.authors["zhou-min"]
    chinese = demo.zh.authors["zhou-min"]
    assert author_find("zhou-min").pk == english.pk and author_find("nobody-here") is None
    # Put the Chinese edition first in the tree's order: a lookup by slug alone would find it.
    AuthorPage.objects.filter(pk=chinese.pk).update(path="0000" + chinese.path[4:])
    assert AuthorPage.objects.filter(slug="zhou-min").order_by("path").first().pk == chinese.pk
    export = tmp_path / "ghost.json"
    text = (FIXTURES / "ghost5.json").read_text().replace("{{IMAGE_HOST}}", image_server.url)
    export.write_text(text.replace('"slug": "jane"', '"slug": "zhou-min"'))
    run_import("import_content", "ghost", export)
    post = imported("p1")
    assert post.authors[0].pk == english.pk
    english.refresh_from_db()
    chinese.refresh_from_db()
    assert english.title == "Jane Reporter"
    assert chinese.title != "Jane Reporter" and chinese.locale.language_code == "zh-hans"
