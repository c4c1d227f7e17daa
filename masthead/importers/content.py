"""Importing articles, pages, authors, comments and old addresses, through the content and
community apps' services. Every object is remembered by its source id (ledger.remember)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from masthead.community.services import comment_import
from masthead.content.body import PREVIEW_FALLBACK_BLOCKS
from masthead.content.models import ArticlePage, AuthorPage
from masthead.content.services import (
    Publication,
    article_create,
    article_update,
    author_find,
    author_save,
    section_get_or_create,
)
from masthead.members.services import member_find

from . import html as html_convert
from .images import WouldStore
from .ledger import remember, remembered
from .models import ImportMessage
from .sources.common import plain

INFO, WARNING, ERROR = ImportMessage.Level.INFO, ImportMessage.Level.WARNING, ImportMessage.Level.ERROR


def opening_words(blocks, limit=280):
    """A dek for an article whose source has none: the start of its first paragraph. Only a
    paragraph inside the free preview may be used (above the break, and within the preview's
    first text blocks when there is none, as content.body.split_body cuts it): a dek is shown
    to every reader."""
    text_blocks = 0
    for kind, value in blocks:
        if kind == "premium_break" or text_blocks >= PREVIEW_FALLBACK_BLOCKS:
            return ""
        if kind == "paragraph":
            return plain(value, limit)
        if kind in ("heading", "quote", "html"):
            text_blocks += 1
    return ""


class ContentImporter:
    def __init__(self, *, run, source, resolver, report, now):
        self.run = run
        self.source = source
        self.resolver = resolver
        self.report = report
        self.now = now
        self.dry_run = run.dry_run
        self.options = run.options or {}
        self.namespace = source.namespace
        self.sections = {}
        self.authors = {}

    # --- one object ----------------------------------------------------------------------------
    def import_unit(self, unit):
        record = remembered(self.namespace, unit.kind, unit.source_id)
        target = self._target(unit, record)
        if record is not None and target is not None and record.checksum == unit.checksum:
            self.report.count(unit.kind, "skipped")
            if unit.kind == "author":
                self.authors[unit.source_id] = target
            return
        try:
            with transaction.atomic():
                outcome = self._import(unit, target)
        except Exception as error:  # noqa: BLE001 - one object fails, the import goes on
            self.resolver.drain()
            self.resolver.stored = self.resolver.reused = 0
            self.report.count(unit.kind, "failed")
            self.report.message(
                ERROR, unit.kind, unit.source_id, f"not imported: {error.__class__.__name__}: {error}"
            )
            return
        for warning in self.resolver.drain():
            self.report.message(WARNING, unit.kind, unit.source_id, warning)
        self.report.count(unit.kind, outcome)
        self.report.count("image", "stored", self.resolver.stored)
        self.report.count("image", "reused", self.resolver.reused)
        self.resolver.stored = self.resolver.reused = 0

    def _target(self, unit, record):
        if record is None or not record.target_id:
            return None
        model = AuthorPage if unit.kind == "author" else ArticlePage
        return model.objects.filter(pk=record.target_id).first()

    def _import(self, unit, target):
        if unit.kind == "author":
            page, outcome = self._author(unit.record, target)
        else:
            page, outcome = self._article(unit, target)
        if outcome in ("created", "updated") and not self.dry_run:
            remember(
                namespace=self.namespace,
                kind=unit.kind,
                source_id=unit.source_id,
                target=page,
                checksum=unit.checksum,
                run=self.run,
                now=self.now,
            )
        return outcome

    # --- authors -------------------------------------------------------------------------------
    def _author(self, author, target):
        if self.dry_run:
            self.resolver(author.image_url, author.name) if author.image_url else None
            self.authors[author.source_id] = target
            return target, "updated" if target else "created"
        photo = self.resolver(author.image_url, author.name) if author.image_url else None
        if target is None:
            # An author page from another import, or made by hand, with the same slug is the same person.
            # The English edition's page (the Chinese edition has one with the same slug).
            target = author_find(author.slug)
        page, created = author_save(
            author=target,
            slug=author.slug,
            name=author.name,
            bio=author.bio_html,
            role=author.role,
            photo=photo,
            email=author.email,
            now=self.now,
        )
        self.authors[author.source_id] = page
        return page, "created" if created else "updated"

    # --- articles and pages -----------------------------------------------------------------
    def _section(self, article):
        if article.is_page:
            slug, title = self.options.get("pages_section") or "pages", "Pages"
        elif article.section:
            slug, title = article.section
        else:
            slug = self.options.get("section") or "archive"
            title = self.options.get("section_title") or slug.replace("-", " ").title()
        key = (slug, title)
        if key not in self.sections:
            if self.dry_run:
                self.sections[key] = None
            else:
                self.sections[key], created = section_get_or_create(slug=slug, title=title, now=self.now)
                if created:
                    self.report.count("section", "created")
        return self.sections[key]

    def _article(self, unit, target):
        article = unit.record
        for level, text in article.notes:
            self.report.message(level, unit.kind, unit.source_id, text)
        if article.status == "skip":
            return None, "skipped"
        conversion = html_convert.convert(article.html, resolve_image=self.resolver)
        for warning in conversion.warnings:
            self.report.message(WARNING, unit.kind, unit.source_id, warning)
        hero = self.resolver(article.feature_image_url, article.title) if article.feature_image_url else None
        authors = [self.authors[a] for a in article.author_ids if self.authors.get(a) is not None]
        missing = [a for a in article.author_ids if a not in self.authors]
        if missing:
            self.report.message(
                WARNING, unit.kind, unit.source_id, f"author(s) {', '.join(missing)} not in the export"
            )
        section = self._section(article)
        publication, go_live_at, date = self._publication(article)
        if self.dry_run:
            self._dry_comments(unit, article)
            return None, "updated" if target else "created"
        fields = {
            "title": article.title,
            "dek": article.dek or opening_words(conversion.blocks),
            "body": conversion.blocks,
            "hero_image": hero if hero is not None and not isinstance(hero, WouldStore) else None,
            "hero_caption": article.feature_image_caption,
            "date": date,
            "access_level": article.access_level,
            "featured": article.featured,
            "seo_title": article.seo_title,
            "search_description": article.seo_description,
            "canonical_url": article.canonical_url[:500],
        }
        if target is None:
            page = article_create(
                section=section,
                slug=article.slug,
                fields=fields,
                authors=authors,
                tags=article.tags,
                publication=publication,
                go_live_at=go_live_at,
                now=self.now,
            )
            outcome = "created"
        else:
            page = article_update(
                page=target,
                fields=fields,
                authors=authors,
                tags=article.tags,
                publication=publication,
                go_live_at=go_live_at,
                now=self.now,
            )
            outcome = "updated"
        if publication != Publication.DRAFT:
            self._redirects(unit, article, page)
        self._comments(unit, article, page)
        return page, outcome

    def _publication(self, article):
        when = article.published_at
        if article.status == "scheduled" and when is not None and when > timezone.now():
            return Publication.SCHEDULED, when, when
        if article.status in ("live", "scheduled"):
            return Publication.LIVE, None, when or self.now
        return Publication.DRAFT, None, when

    def _redirects(self, unit, article, page):
        for old in article.old_urls:
            old_path = Redirect.normalise_path(old)
            if not old_path or old_path == "/":
                continue
            if page.get_url() and Redirect.normalise_path(page.get_url()) == old_path:
                continue  # the article lives at its old address: nothing to redirect
            existing = Redirect.objects.filter(old_path=old_path, site=None).first()
            if existing is not None and existing.redirect_page_id == page.pk:
                self.report.count("redirect", "skipped")
                continue
            if existing is not None:
                existing.redirect_page, existing.redirect_link, existing.is_permanent = page, "", True
                existing.save(update_fields=["redirect_page", "redirect_link", "is_permanent"])
                self.report.count("redirect", "updated")
                continue
            try:
                with transaction.atomic():
                    Redirect.add_redirect(old_path, redirect_to=page, is_permanent=True)
            except IntegrityError:
                self.report.message(
                    WARNING, unit.kind, unit.source_id, f"old address {old_path} already redirects elsewhere"
                )
                continue
            self.report.count("redirect", "created")

    def _comment_key(self, unit, comment):
        return f"{unit.source_id}:{comment.source_id}"

    def _dry_comments(self, unit, article):
        for comment in article.comments:
            done = remembered(self.namespace, "comment", self._comment_key(unit, comment))
            self.report.count("comment", "skipped" if done else "created")

    def _comments(self, unit, article, page):
        posts = {}
        for comment in article.comments:
            key = self._comment_key(unit, comment)
            done = remembered(self.namespace, "comment", key)
            if done is not None:
                posts[comment.source_id] = done.target_id
                self.report.count("comment", "skipped")
                continue
            author = member_find(email=comment.author_email) if comment.author_email else None
            post = comment_import(
                article=page,
                body_html=comment.html,
                created_at=comment.created_at,
                source=self.source.name,
                author=author,
                author_name=comment.author_name,
                parent_id=posts.get(comment.parent_id) if comment.parent_id else None,
                held=not comment.approved,
                now=self.now,
            )
            posts[comment.source_id] = post.pk
            remember(
                namespace=self.namespace,
                kind="comment",
                source_id=key,
                target=post,
                checksum="-",
                run=self.run,
                now=self.now,
            )
            self.report.count("comment", "created")

    def finish(self):
        pass
