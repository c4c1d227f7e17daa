"""What the issue asks of every import: old addresses redirect, a second run creates nothing,
a dry run writes nothing, and hostile HTML never survives."""

import json

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from masthead.community.models import Post
from masthead.content.blocks import SanitisedHTMLBlock
from masthead.content.models import ArticlePage, AuthorPage, SectionPage
from masthead.importers.html import convert
from masthead.importers.models import ImportedObject

from .conftest import FIXTURES
from .helpers import run_import

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "articles": ArticlePage.objects.count(),
        "authors": AuthorPage.objects.count(),
        "sections": SectionPage.objects.count(),
        "images": get_image_model().objects.count(),
        "redirects": Redirect.objects.count(),
        "comments": Post.objects.count(),
        "imported": ImportedObject.objects.count(),
    }


def test_old_addresses_redirect_permanently_to_the_new_articles(
    ghost_export, wordpress_export, substack_export, client
):
    run_import("import_content", "ghost", ghost_export)
    run_import("import_content", "wordpress", wordpress_export)
    run_import("import_content", "substack", substack_export)
    chips = ArticlePage.objects.get(slug="chips-across-the-strait")
    for old, page_slug in [
        ("/chips-across-the-strait/", "chips-across-the-strait"),
        ("/2021/03/the-grid-is-changing/", "the-grid-is-changing"),
        ("/p/paid-analysis", "paid-analysis"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(ArticlePage.objects.get(slug=page_slug).url), old
    assert client.get(chips.url).status_code == 200
    assert client.get("/an-old-draft/").status_code == 404, "drafts get no redirect"


def test_importing_the_same_export_twice_creates_nothing_and_a_change_updates(
    ghost_export, wordpress_export, tmp_path
):
    run_import("import_content", "ghost", ghost_export)
    run_import("import_content", "wordpress", wordpress_export)
    first = snapshot()
    chips = ArticlePage.objects.get(slug="chips-across-the-strait")
    revisions = chips.revisions.count()

    again = run_import("import_content", "ghost", ghost_export)
    run_import("import_content", "wordpress", wordpress_export)
    assert "article: 7 skipped" in again and "author: 2 skipped" in again
    assert snapshot() == first
    assert chips.revisions.count() == revisions

    # The source changed: one post's title. That post is updated in a new revision; nothing else moves.
    data = json.loads((FIXTURES / "ghost6.json").read_text())
    run_import("import_content", "ghost", FIXTURES / "ghost6.json")
    data["db"][0]["data"]["posts"][0]["title"] = "Six point one"
    changed = tmp_path / "ghost6-changed.json"
    changed.write_text(json.dumps(data))
    before = snapshot()
    output = run_import("import_content", "ghost", changed)
    assert "article: 1 updated" in output
    assert snapshot() == before
    record = ImportedObject.objects.get(namespace="ghost:site", source_id="s1")
    assert ArticlePage.objects.get(pk=record.target_id).title == "Six point one"


def test_a_dry_run_writes_nothing_and_says_what_would_happen(ghost_export, wordpress_export, substack_export):
    before = snapshot()
    output = run_import("import_content", "ghost", ghost_export, "--dry-run")
    assert "Dry run — nothing was written" in output and "article: 7 created" in output
    assert "a <script> element was removed" in output
    output = run_import("import_content", "wordpress", wordpress_export, "--dry-run")
    assert "comment: 3 created" in output
    run_import("import_content", "substack", substack_export, "--dry-run")
    assert snapshot() == before
    run_import("import_content", "ghost", ghost_export)
    assert "article: 7 skipped" in run_import("import_content", "ghost", ghost_export, "--dry-run")


HOSTILE = [
    b"<script",
    b"alert(",
    b"onerror",
    b"onclick",
    b"onload",
    b"onmouseover",
    b"javascript:",
    b"data:text",
    b"evil.example",
    b"<svg",
    b"<style",
    b"<object",
    b"steal()",
]


def test_hostile_html_never_survives_the_import(ghost_export, client):
    run_import("import_content", "ghost", ghost_export)
    page = ArticlePage.objects.get(slug="hostile-markup")
    stored = json.dumps(list(page.body.raw_data)).encode()
    for needle in HOSTILE:
        assert needle not in stored, needle
    response = client.get(page.url)
    body = response.content.split(b'<div class="article-body">', 1)[1].split(b"</article>", 1)[0]
    for needle in HOSTILE:
        assert needle not in body, needle
    assert b'href="https://safe.example/"' in body and b"cell" in body


def test_the_converter_and_the_html_block_refuse_every_kind_of_script():
    result = convert(
        '<p><a href=" JaVaScRiPt:alert(1)">x</a><a href="vbscript:msgbox">y</a></p>'
        '<iframe src="https://www.youtube.com/embed/abc"></iframe><iframe src="//unknown.example/x"></iframe>'
        "<table><tr><td><img src=x onerror=alert(1)><a href='data:text/html,<script>'>d</a></td></tr></table>"
        '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
        resolve_image=lambda url, title: None,
    )
    serialised = json.dumps([(kind, str(value)) for kind, value in result.blocks])
    for needle in ("javascript", "vbscript", "onerror", "data:", "unknown.example", "svg", "<img"):
        assert needle not in serialised.lower(), needle
    assert ("embed", "https://www.youtube.com/watch?v=abc") in result.blocks
    # A stored value that was never cleaned (an old row, a hand-made revision) is cleaned on render.
    rendered = SanitisedHTMLBlock().render(
        '<table><tr><td onclick="x()">a<script>alert(1)</script></td></tr></table>'
    )
    assert "onclick" not in rendered and "<script" not in rendered and "<td>a</td>" in rendered
