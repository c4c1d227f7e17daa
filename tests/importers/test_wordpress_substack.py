"""WordPress WXR and Substack exports."""

import pytest
from django.core.management.base import CommandError

from masthead.community.models import Post
from masthead.content.models import ArticlePage, SectionPage
from masthead.importers.models import ImportedObject

from .conftest import FIXTURES
from .helpers import run_import

pytestmark = pytest.mark.django_db


def page_for(namespace, source_id):
    record = ImportedObject.objects.get(
        namespace=namespace, source_id=source_id, kind__in=["article", "page"]
    )
    return ArticlePage.objects.get(pk=record.target_id)


def kinds(page):
    return [block.block_type for block in page.body]


def test_a_wordpress_export_brings_gutenberg_and_classic_posts_pages_and_comments(
    wordpress_export, image_server, reader_user
):
    reader_user.email = "reader.one@example.com"
    reader_user.save()
    output = run_import("import_content", "wordpress", wordpress_export)
    assert "article: 4 created, 1 skipped" in output  # the trashed post is skipped
    ns = "wordpress:oldpress.example"

    grid = page_for(ns, "100")
    assert grid.title == "The grid is changing & fast" and grid.live and grid.featured  # sticky
    assert grid.get_parent().specific.slug == "energy" and grid.get_parent().title == "Energy"
    assert [t.name for t in grid.tags.all()] == ["Solar"]
    assert grid.dek == "Why the grid matters now." and grid.search_description == "The grid, explained."
    assert kinds(grid) == ["paragraph", "heading", "image", "embed", "quote", "html"]
    assert grid.body[3].value.url == "https://www.youtube.com/watch?v=abc123XYZ"
    assert grid.hero_image is not None and grid.body[2].value["image"].pk == grid.hero_image.pk
    assert grid.body[2].value["caption"] == "The grid at dusk"
    assert grid.authors[0].title == "Maria Santos"

    classic = page_for(ns, "101")
    assert classic.get_parent().specific.slug == "archive", "Uncategorized goes to the default section"
    blocks = kinds(classic)
    # The gallery's third picture is not in the export; the contact form is left out entirely.
    assert blocks == ["paragraph", "image", "image", "image", "embed", "paragraph"]
    assert "[sic]" in classic.body[0].value.source and "<br>" in classic.body[0].value.source
    assert classic.body[1].value["caption"] == "Caption from shortcode"
    assert "contact-form-7" not in "".join(str(b.value) for b in classic.body)
    assert classic.body[4].value.url == "https://vimeo.com/76979871"

    assert not page_for(ns, "102").live
    future = page_for(ns, "103")
    assert not future.live and future.go_live_at.year == 2099
    contact = page_for(ns, "105")
    assert contact.get_parent().specific.slug == "pages"

    comments = {
        c.author.email if c.author else c.imported_author: c for c in Post.objects.filter(article=grid)
    }
    assert set(comments) == {"reader.one@example.com", "Maria Santos", "Waiting"}, "spam is not imported"
    first = comments["reader.one@example.com"]
    assert first.author == reader_user and first.imported_from == "wordpress"
    assert (
        "<script" not in first.body_html
        and "javascript:" not in first.body_html
        and "alert(1)" not in first.body_html
    )
    assert first.body_html.count("<p>") == 2
    assert comments["Maria Santos"].parent == first
    assert comments["Waiting"].status == Post.Status.HELD


def test_wordpress_categories_as_tags(wordpress_export):
    run_import("import_content", "wordpress", wordpress_export, "--categories", "tags", "--section", "news")
    grid = page_for("wordpress:oldpress.example", "100")
    assert grid.get_parent().specific.slug == "news"
    assert sorted(t.name for t in grid.tags.all()) == ["Energy", "Solar"]


def test_a_truncated_or_hostile_wxr_is_refused_with_its_position(tmp_path):
    with pytest.raises(CommandError, match=r"not well-formed XML at line \d+, column \d+"):
        run_import("import_content", "wordpress", FIXTURES / "wordpress_truncated.xml")
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        "<rss><channel><title>&b;</title></channel></rss>"
    )
    with pytest.raises(CommandError, match="entities are not allowed"):
        run_import("import_content", "wordpress", bomb)
    not_wxr = tmp_path / "feed.xml"
    not_wxr.write_text('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>')
    with pytest.raises(CommandError, match="not a WordPress export"):
        run_import("import_content", "wordpress", not_wxr)
    assert not ImportedObject.objects.exists()


def test_a_substack_export_maps_audiences_podcasts_and_drafts(substack_export, image_server):
    run_import("import_content", "substack", substack_export, "--section", "dispatches")
    ns = "substack:site"
    first = page_for(ns, "1001.first-dispatch")
    assert first.access_level == "public" and first.live and first.dek == "Why we started"
    assert first.get_parent().specific.slug == "dispatches"
    assert kinds(first) == ["paragraph", "image", "paragraph"] and "/remote.png" in image_server.hits
    paid = page_for(ns, "1002.paid-analysis")
    assert paid.access_level == "premium" and kinds(paid) == ["paragraph", "premium_break", "paragraph"]
    assert page_for(ns, "1003.founders-note").access_level == "premium"
    episode = page_for(ns, "1004.episode-one")
    assert 'href="https://cdn.substack.example/audio/ep1.mp3"' in episode.body[0].value.source
    draft = page_for(ns, "1005.unsent-draft")
    assert not draft.live and draft.access_level == "members"
    assert SectionPage.objects.filter(slug="dispatches").count() == 1


def test_a_substack_export_without_posts_csv_or_with_missing_columns(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello")
    with pytest.raises(CommandError, match="no posts.csv"):
        run_import("import_content", "substack", folder)
    (folder / "posts.csv").write_text("post_id,title\n1.a,A\n")
    with pytest.raises(
        CommandError, match=r"missing column\(s\) audience, is_published, post_date, type \(line 1\)"
    ):
        run_import("import_content", "substack", folder)
