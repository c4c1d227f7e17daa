"""Masthead's content in Ghost's shapes (Content API v5/v6).

How Masthead's concepts map (docs/api.md has the table for integrators):
- an article is a post; its section is its primary tag (first in `tags`), its keyword tags follow;
- bylines are `authors`, in byline order, the first is `primary_author`;
- the access level is `visibility`: public → public, members → members, premium → paid;
- the premium break is Ghost's paywall card: a reader without access gets the HTML above it only
  (`access: false`); a reader with access gets it all, with Ghost's `<!--members-only-->` marker
  where the break is;
- the dek is `custom_excerpt` and `excerpt` (never body text); the hero image is `feature_image`;
- event pages are `pages` (Masthead has no free-standing pages); plans are `tiers`.

What a reader may read is decided by masthead.access (`peek`: nothing is spent); this module only
renders the blocks it is given.
"""

import re
from html import unescape

from django.core.cache import cache
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import escape, strip_tags
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from masthead.content.body import plain_text, split_body, without_break
from masthead.content.models import AuthorPage, SectionPage
from masthead.core import cachetags
from masthead.core.caching import fragment_generation
from masthead.core.identity import rendition
from masthead.core.origin import absolute_url, site_origin

from . import ids

MEMBERS_ONLY_MARKER = "<!--members-only-->"
VISIBILITY = {"public": "public", "members": "members", "premium": "paid"}
HERO_SPEC = "fill-1280x720|format-jpeg"
PORTRAIT_SPEC = "fill-288x288"
# Relative media and static links made absolute: API clients live on other origins.
RELATIVE_URL = re.compile(r'(?<=["\s,])/(media|static)/')


def iso(value):
    return value.isoformat(timespec="milliseconds") if value else None


def absolute(request, url):
    return absolute_url(url) if url else None


def image_url(request, image, spec):
    if image is None:
        return None
    made = rendition(image, spec)
    return absolute(request, made.url) if made else None


def _absolutise(request, html):
    base = site_origin()
    return RELATIVE_URL.sub(lambda m: f"{base}/{m.group(1)}/", html)


def render_blocks(blocks):
    return "".join(str(block.render()) for block in blocks)


def article_text(article, *, full):
    """(html, plaintext) of what `full` allows, with the paywall marker in a full paywalled text."""
    if article.effective_access_level == "public":
        blocks = without_break(article.body)
        return render_blocks(blocks), plain_text(blocks)
    preview, rest = split_body(article.body)
    if not full:
        return render_blocks(preview), plain_text(preview)
    html = render_blocks(preview) + MEMBERS_ONLY_MARKER + render_blocks(rest)
    return html, plain_text(preview + rest)


def texts_for(request, articles, *, full_by_pk, body_loader):
    """{pk: (html, plaintext)} for each article, cached per published version and access variant.

    One cache round trip for the whole page of results; bodies are read only for misses.
    """
    base = request.get_host()
    keys = {
        a.pk: "api:text:{}:{}:{}:{}".format(
            a.pk,
            a.last_published_at.timestamp() if a.last_published_at else 0,
            "full" if full_by_pk[a.pk] else "preview",
            base,
        )
        for a in articles
    }
    found = cache.get_many(list(keys.values())) if keys else {}
    result = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [a.pk for a in articles if a.pk not in result]
    if missing:
        fresh = {}
        for article in body_loader(missing):
            html, text = article_text(article, full=full_by_pk[article.pk])
            result[article.pk] = (_absolutise(request, html), text)
            fresh[keys[article.pk]] = result[article.pk]
        cache.set_many(fresh, 3600)
    return result


# --- Authors and tags: small, read on almost every request; kept per process and generation ---

_indexes = cachetags.ProcessCache("api.ghost.indexes", 32)


def _per_generation(name, build):
    generation = fragment_generation()
    value = _indexes.get(name, generation)
    if value is None:
        value = build()
        _indexes.set(name, value, generation)
    return value


def author_index(request):
    """{author pk: Ghost author dict} for live authors (one query, then per process)."""

    def build():
        authors = (
            AuthorPage.objects.live()
            .prefetch_related(
                Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(PORTRAIT_SPEC))
            )
            .order_by("title")
        )
        return {a.pk: author(request, a) for a in authors}

    return _per_generation(("authors", request.get_host()), build)


def author(request, page):
    return {
        "id": ids.encode("author", page.pk),
        "name": page.title,
        "slug": page.slug,
        "profile_image": image_url(request, page.photo, PORTRAIT_SPEC),
        "cover_image": None,
        "bio": unescape(strip_tags(expand_db_html(page.bio))).strip() or None,
        "website": None,
        "location": None,
        "facebook": None,
        "twitter": None,
        "meta_title": None,
        "meta_description": None,
        "url": page.get_full_url(request),
    }


def section_index(request):
    """{tree path: Ghost tag dict} for live sections (the primary tags)."""

    def build():
        return {s.path: section_tag(request, s) for s in SectionPage.objects.live().order_by("path")}

    return _per_generation(("sections", request.get_host()), build)


def _tag_base(**fields):
    base = {
        "id": None,
        "name": None,
        "slug": None,
        "description": None,
        "feature_image": None,
        "visibility": "public",
        "og_image": None,
        "og_title": None,
        "og_description": None,
        "twitter_image": None,
        "twitter_title": None,
        "twitter_description": None,
        "meta_title": None,
        "meta_description": None,
        "codeinjection_head": None,
        "codeinjection_foot": None,
        "canonical_url": None,
        "accent_color": None,
        "url": None,
    }
    base.update(fields)
    return base


def section_tag(request, section):
    return _tag_base(
        id=ids.encode("section", section.pk),
        name=section.title,
        slug=section.slug,
        description=section.description or None,
        accent_color=section.color,
        url=section.get_full_url(request),
    )


def keyword_tag(request, tag):
    return _tag_base(
        id=ids.encode("tag", tag.pk),
        name=tag.name,
        slug=tag.slug,
        url=absolute(request, reverse("content:tag", args=[tag.slug])),
    )


def post(request, article, *, full, text, include, formats, sections, authors):
    section = sections.get(article.path[: -article.steplen])
    hero = article.hero_image
    data = {
        "id": ids.encode("post", article.pk),
        "uuid": str(article.translation_key),
        "title": article.title,
        "slug": article.slug,
        "html": text[0] if "html" in formats else None,
        "comment_id": str(article.pk),
        "feature_image": image_url(request, hero, HERO_SPEC),
        "feature_image_alt": (getattr(hero, "default_alt_text", "") or None) if hero else None,
        "feature_image_caption": article.hero_caption or None,
        "featured": article.featured,
        "visibility": VISIBILITY.get(article.effective_access_level, "public"),
        "created_at": iso(article.first_published_at or article.date),
        "updated_at": iso(article.last_published_at or article.date),
        "published_at": iso(article.date),
        "custom_excerpt": article.dek or None,
        "codeinjection_head": None,
        "codeinjection_foot": None,
        "custom_template": None,
        "canonical_url": None,
        "url": article.get_full_url(request),
        "excerpt": article.dek,
        "reading_time": article.reading_minutes,
        "access": full,
        "og_image": None,
        "og_title": None,
        "og_description": None,
        "twitter_image": None,
        "twitter_title": None,
        "twitter_description": None,
        "meta_title": None,
        "meta_description": article.dek or None,
        "email_subject": None,
        "frontmatter": None,
    }
    if "html" not in formats:
        del data["html"]
    if "plaintext" in formats:
        data["plaintext"] = text[1]
    if "authors" in include:
        bylines = [authors.get(link.author_id) for link in article.article_authors.all()]
        data["authors"] = [a for a in bylines if a is not None]
        data["primary_author"] = data["authors"][0] if data["authors"] else None
    if "tags" in include:
        data["tags"] = ([section] if section else []) + [keyword_tag(request, t) for t in article.tags.all()]
        data["primary_tag"] = section
    return data


def event_page(request, event, *, include, formats):
    """An event page as a Ghost page: what the public event page says, never the join link."""
    html = (f"<p>{escape(event.summary)}</p>" if event.summary else "") + expand_db_html(event.description)
    html = _absolutise(request, html)
    data = {
        "id": ids.encode("page", event.pk),
        "uuid": str(event.translation_key),
        "title": event.title,
        "slug": event.slug,
        "html": html,
        "comment_id": str(event.pk),
        "feature_image": image_url(request, event.cover_image, HERO_SPEC),
        "feature_image_alt": None,
        "feature_image_caption": None,
        "featured": False,
        "visibility": "public",
        "created_at": iso(event.first_published_at),
        "updated_at": iso(event.last_published_at),
        "published_at": iso(event.first_published_at),
        "custom_excerpt": event.summary or None,
        "codeinjection_head": None,
        "codeinjection_foot": None,
        "custom_template": None,
        "canonical_url": None,
        "url": event.get_full_url(request),
        "excerpt": event.summary,
        "reading_time": 1,
        "access": True,
        "og_image": None,
        "og_title": None,
        "og_description": None,
        "twitter_image": None,
        "twitter_title": None,
        "twitter_description": None,
        "meta_title": None,
        "meta_description": event.summary or None,
        "frontmatter": None,
    }
    if "html" not in formats:
        del data["html"]
    if "plaintext" in formats:
        data["plaintext"] = strip_tags(html)
    if "authors" in include:
        data["authors"], data["primary_author"] = [], None
    if "tags" in include:
        data["tags"], data["primary_tag"] = [], None
    return data


def restrict(record, fields):
    """Ghost's `fields`: only the named keys (unknown names are ignored)."""
    if not fields:
        return record
    return {key: value for key, value in record.items() if key in fields}
