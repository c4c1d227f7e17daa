"""Operations on content that change state or send something.

Messages to authors moved to the newsroom app (masthead.newsroom.services.author_contact):
they land in the newsroom inbox as a thread assigned to the author.
"""

import hashlib
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model

from masthead.core.audit import audit

from .models import ArticleAuthor, ArticlePage, AuthorIndexPage, AuthorPage, HomePage, SectionPage
from .sanitise import clean_rich_text

# --- Pages made from code (importers, tools) ----------------------------------------------------
# The editor makes pages through Wagtail's own views; these make the same pages from parsed fields,
# so an importer never writes page rows itself. Each returns the specific page.

ARTICLE_FIELDS = (
    "title",
    "dek",
    "body",
    "hero_image",
    "hero_caption",
    "hero_credit",
    "date",
    "access_level",
    "language",
    "featured",
    "seo_title",
    "search_description",
    "canonical_url",
)


class Publication:
    """What should happen to a page's new revision: stay a draft, go live, or be scheduled."""

    DRAFT = "draft"
    LIVE = "live"
    SCHEDULED = "scheduled"


def unique_child_slug(parent, wanted, *, exclude_pk=None):
    base = (slugify(wanted, allow_unicode=True) or "untitled")[:240]
    siblings = parent.get_children().exclude(pk=exclude_pk) if exclude_pk else parent.get_children()
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_article_fields(page, fields, *, authors, tags):
    for name in ARTICLE_FIELDS:
        if name in fields:
            setattr(page, name, fields[name])
    # Paragraph blocks render their stored HTML as it is: clean it here whoever built it.
    page.body = [
        (kind, clean_rich_text(value) if kind == "paragraph" else value) for kind, value in fields["body"]
    ]
    page.title = page.title[:255]
    page.dek = (page.dek or "")[:300]
    page.seo_title = (page.seo_title or "")[:255]
    page.article_authors.set(
        [ArticleAuthor(author=author, sort_order=order) for order, author in enumerate(authors)]
    )
    page.tags.set([tag[:100] for tag in tags])


def _publish(page, *, publication, go_live_at, actor, when):
    """Save a revision and publish, schedule or leave it; a live import keeps its original dates."""
    page.go_live_at = go_live_at if publication == Publication.SCHEDULED else None
    revision = page.save_revision(user=actor, log_action=True)
    if publication in (Publication.LIVE, Publication.SCHEDULED):
        revision.publish(user=actor)
    if publication == Publication.LIVE and when is not None:
        # Backdate: the archive was published over years, not at import time.
        type(page).objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
        type(revision).objects.filter(pk=revision.pk).update(created_at=when)
    elif publication == Publication.DRAFT and page.live:
        page.unpublish(user=actor)
    return type(page).objects.get(pk=page.pk)


def article_create(
    *, section, slug, fields, authors=(), tags=(), publication, go_live_at=None, actor=None, now=None
):
    """A new article under `section` from `fields` (see ARTICLE_FIELDS; `body` is a list of
    (block type, value)), as a draft, live (dated `fields["date"]`) or scheduled for `go_live_at`."""
    now = now or timezone.now()
    with transaction.atomic():
        page = ArticlePage(slug=unique_child_slug(section, slug or fields["title"]), live=False)
        _set_article_fields(page, fields, authors=authors, tags=tags)
        if not page.access_level:
            page.access_level = ""
        section.add_child(instance=page)
        page = _publish(
            page, publication=publication, go_live_at=go_live_at, actor=actor, when=fields.get("date")
        )
        audit("content.article.created", actor=actor, target=page, now=now, publication=publication)
    return page


def article_update(*, page, fields, authors=(), tags=(), publication, go_live_at=None, actor=None, now=None):
    """Replace an article's fields with `fields` in a new revision (the inverse of nothing: the
    history keeps every earlier revision). The page keeps its place and slug."""
    now = now or timezone.now()
    with transaction.atomic():
        page = ArticlePage.objects.select_for_update().get(pk=page.pk)
        _set_article_fields(page, fields, authors=authors, tags=tags)
        page = _publish(
            page, publication=publication, go_live_at=go_live_at, actor=actor, when=fields.get("date")
        )
        audit("content.article.updated", actor=actor, target=page, now=now, publication=publication)
    return page


def home_page():
    """The default edition's home: imports and services write to the English tree (issue 20)."""
    return HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()


def author_find(slug):
    """The default edition's author page with `slug`, or None. Every edition has a page per
    journalist with the same slug (issue 20); imports write to the English edition, so an
    imported author is the English author index's child with that slug."""
    if not slug:
        return None
    index = AuthorIndexPage.objects.child_of(home_page()).first()
    return AuthorPage.objects.child_of(index).filter(slug=slug).first() if index else None


def section_get_or_create(*, slug, title, description="", actor=None, now=None):
    """The section with `slug`, created live under the home page if there is none."""
    now = now or timezone.now()
    slug = (slugify(slug, allow_unicode=True) or slugify(title) or "section")[:240]
    home = home_page()
    section = SectionPage.objects.child_of(home).filter(slug=slug).first()
    if section is not None:
        return section, False
    with transaction.atomic():
        section = SectionPage(
            title=title[:255] or slug, slug=unique_child_slug(home, slug), description=description
        )
        home.add_child(instance=section)
        section.save_revision(user=actor).publish(user=actor)
        audit("content.section.created", actor=actor, target=section, now=now)
    return SectionPage.objects.get(pk=section.pk), True


def author_save(*, author=None, slug, name, bio="", role="", photo=None, email="", actor=None, now=None):
    """Create (author=None) or update an author page, live under the author index."""
    now = now or timezone.now()
    with transaction.atomic():
        if author is None:
            index = AuthorIndexPage.objects.child_of(home_page()).first()
            if index is None:
                index = AuthorIndexPage(title="Authors", slug="authors")
                home_page().add_child(instance=index)
                index.save_revision(user=actor).publish(user=actor)
            author = AuthorPage(slug=unique_child_slug(index, slug or name))
            created = True
        else:
            author = AuthorPage.objects.select_for_update().get(pk=author.pk)
            created = False
        author.title = name[:255] or author.slug
        author.bio = clean_rich_text(bio)
        author.role = role[:120]
        author.photo = photo if photo is not None else author.photo
        author.email = email or author.email
        if created:
            index.add_child(instance=author)
        author.save_revision(user=actor).publish(user=actor)
        audit(
            "content.author.created" if created else "content.author.updated",
            actor=actor,
            target=author,
            now=now,
        )
    return AuthorPage.objects.get(pk=author.pk), created


def image_from_bytes(*, data, filename, title):
    """A Wagtail image stored through the default storage (local or S3), or the existing one with
    the same bytes: importing a picture twice keeps one copy. Raises ValueError for bytes that
    are not a raster image Wagtail can show (SVG is refused: it can carry script)."""
    # Lazy: Pillow is loaded by imports and uploads only, not by every process reading pages.
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with PILImage.open(BytesIO(data)) as probe:
            kind = (probe.format or "").lower()
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValueError(f"not an image ({error.__class__.__name__})") from error
    if kind not in {"jpeg", "png", "gif", "webp"}:
        raise ValueError(f"image format {kind or 'unknown'} is not accepted")
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file_hash is SHA-1
    Image = get_image_model()
    existing = Image.objects.filter(file_hash=digest).first()
    if existing is not None:
        return existing, False
    image = Image(title=title[:255] or filename, file_hash=digest, file_size=len(data))
    image.file = ImageFile(BytesIO(data), name=filename)
    image.save()
    return image, True
