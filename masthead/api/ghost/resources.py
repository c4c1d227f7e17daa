"""The Content API's resources: what each lists, how it filters and orders, and single reads.

Every function returns plain dicts in Ghost's shapes (serializers.py); views.py wraps them.
"""

import math
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.core.cache import cache
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.urls import reverse
from taggit.models import Tag
from wagtail.images import get_image_model

from masthead.access.reading import peek
from masthead.billing.services import available_currencies, pricing_plans
from masthead.content.editions import default_home
from masthead.content.models import ArticleAuthor, ArticlePage, AuthorPage, NewsroomSettings
from masthead.content.selectors import live_articles
from masthead.core.caching import fragment_generation, site_setting
from masthead.core.identity import identity
from masthead.core.origin import site_origin
from masthead.events.models import EventPage

from . import filters, ids, nql, serializers
from .params import BadRequest


@dataclass
class Page:
    records: list
    total: int


def pagination(params, total):
    pages = max(1, math.ceil(total / params.limit))
    return {
        "pagination": {
            "page": params.page,
            "limit": params.limit,
            "pages": pages,
            "total": total,
            "next": params.page + 1 if params.page < pages else None,
            "prev": params.page - 1 if params.page > 1 else None,
        }
    }


def _apply_filter(qs, params, fields):
    if params.filter is None:
        return qs
    try:
        q = nql.compile_tree(params.filter, fields)
    except nql.FilterError as error:
        raise BadRequest(f"Invalid filter: {error}.") from error
    # As a subquery: joins through tags and bylines cannot repeat rows or need DISTINCT.
    return qs.filter(pk__in=qs.model.objects.filter(q).values("pk"))


def _order(qs, params, orders):
    fields = [("-" if desc else "") + orders[name] for name, desc in params.order]
    return qs.order_by(*fields, "-pk")


def _slice(params):
    start = (params.page - 1) * params.limit
    return start, start + params.limit


# --- posts ------------------------------------------------------------------------------------

POST_ORDERS = {
    "published_at": "date",
    "updated_at": "last_published_at",
    "created_at": "first_published_at",
    "title": "title",
    "slug": "slug",
    "featured": "featured",
    "id": "pk",
}
POST_DEFAULT_ORDER = [("published_at", True)]


def post_fields(request):
    by_slug = {}
    for path, tag in serializers.section_index(request).items():
        by_slug.setdefault(tag["slug"], []).append(path)
    return {
        "id": filters.ghost_id("post"),
        "uuid": filters.text("translation_key", "uuid"),
        "slug": filters.text("slug", "slug"),
        "title": filters.text("title", "title"),
        "featured": filters.boolean("featured", "featured"),
        "visibility": filters.visibility(),
        "status": filters.status(),
        "published_at": filters.date("date", "published_at"),
        "updated_at": filters.date("last_published_at", "updated_at"),
        "created_at": filters.date("first_published_at", "created_at"),
        "tag": filters.article_tag(by_slug),
        "tags": filters.article_tag(by_slug, name="tags"),
        "tags.slug": filters.article_tag(by_slug, name="tags.slug"),
        "primary_tag": filters.article_tag(by_slug, primary=True, name="primary_tag"),
        "primary_tag.slug": filters.article_tag(by_slug, primary=True, name="primary_tag.slug"),
        "author": filters.article_author(),
        "authors": filters.article_author(name="authors"),
        "authors.slug": filters.article_author(name="authors.slug"),
        "primary_author": filters.article_author(primary=True, name="primary_author"),
        "primary_author.slug": filters.article_author(primary=True, name="primary_author.slug"),
        "language": filters.text("language", "language"),
    }


def _load_bodies(pks):
    return ArticlePage.objects.filter(pk__in=pks).only("pk", "body", "access_level")


@dataclass(frozen=True)
class ArticleRef:
    """What the access policy needs to decide (pk, level) without loading the article."""

    pk: int
    access_level: str

    @property
    def effective_access_level(self):
        return self.access_level or "public"


def _serialize(request, params, articles, *, full):
    if "tags" in params.include:
        prefetch_related_objects(articles, "tags")
    wants_text = bool({"html", "plaintext"} & params.formats)
    texts = (
        serializers.texts_for(request, articles, full_by_pk=full, body_loader=_load_bodies)
        if wants_text
        else {}
    )
    sections = serializers.section_index(request) if "tags" in params.include else {}
    authors = serializers.author_index(request) if "authors" in params.include else {}
    return {
        a.pk: serializers.post(
            request,
            a,
            full=full[a.pk],
            text=texts.get(a.pk, (None, None)),
            include=params.include,
            formats=params.formats,
            sections=sections,
            authors=authors,
        )
        for a in articles
    }


def _posts(request, params, refs, *, reader, now):
    """Ghost post dicts for `refs`, in order.

    Each post's dict is cached per page-cache generation (any publication, settings, tag or
    image change starts a new one), access variant, host, include and formats, so a request
    the page cache cannot answer (a member's, another parameter mix) costs one cache round
    trip for the page of results; only misses load articles, bylines, tags and images.
    """
    full = {ref.pk: peek(reader, ref, now) for ref in refs}
    options = ",".join(sorted(params.include & {"authors", "tags"})) + "|" + ",".join(sorted(params.formats))
    generation = fragment_generation()
    host = request.get_host()
    keys = {ref.pk: f"api:post:{generation}:{ref.pk}:{int(full[ref.pk])}:{host}:{options}" for ref in refs}
    found = cache.get_many(list(keys.values())) if keys else {}
    records = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [ref.pk for ref in refs if ref.pk not in records]
    if missing:
        articles = list(_articles().filter(pk__in=missing))
        fresh = _serialize(request, params, articles, full=full)
        records.update(fresh)
        cache.set_many({keys[pk]: record for pk, record in fresh.items()}, 3600)
    return [serializers.restrict(records[ref.pk], params.fields) for ref in refs if ref.pk in records]


def _articles():
    """Live articles without Wagtail view restrictions (a password or login restriction is a
    decision about the page that the API must not bypass)."""
    return live_articles().public()


def _refs(qs):
    return [ArticleRef(pk, level) for pk, level in qs.values_list("pk", "access_level")]


def browse_posts(request, params, *, reader, now):
    qs = _apply_filter(_articles(), params, post_fields(request))
    total = qs.count()
    start, end = _slice(params)
    refs = _refs(_order(qs, params, POST_ORDERS)[start:end]) if start < total else []
    return Page(_posts(request, params, refs, reader=reader, now=now), total)


def read_post(request, params, *, reader, now, id=None, slug=None):
    qs = _articles()
    if id is not None:
        kind, pk = ids.decode(id)
        if kind != "post":
            return None
        qs = qs.filter(pk=pk)
    else:
        qs = qs.filter(slug=slug)
    refs = _refs(qs[:1])
    posts = _posts(request, params, refs, reader=reader, now=now)
    return posts[0] if posts else None


# --- pages (event pages) ------------------------------------------------------------------------

PAGE_ORDERS = {
    "title": "title",
    "slug": "slug",
    "published_at": "first_published_at",
    "updated_at": "last_published_at",
    "created_at": "first_published_at",
    "id": "pk",
}
PAGE_DEFAULT_ORDER = [("title", False)]
PAGE_FIELDS = {
    "id": filters.ghost_id("page"),
    "slug": filters.text("slug", "slug"),
    "title": filters.text("title", "title"),
    "featured": filters.boolean("pk__isnull", "featured"),  # pages are never featured: false matches all
    "visibility": filters.constant("public", "visibility"),
    "status": filters.status(),
    "published_at": filters.date("first_published_at", "published_at"),
    "updated_at": filters.date("last_published_at", "updated_at"),
}


def _event_pages():
    return (
        EventPage.objects.live()
        .public()
        .prefetch_related(
            Prefetch(
                "cover_image", queryset=get_image_model().objects.prefetch_renditions(serializers.HERO_SPEC)
            )
        )
    )


def browse_pages(request, params, **_):
    qs = _apply_filter(_event_pages(), params, PAGE_FIELDS)
    total = qs.count()
    start, end = _slice(params)
    events = list(_order(qs, params, PAGE_ORDERS)[start:end]) if start < total else []
    return Page(
        [
            serializers.restrict(
                serializers.event_page(request, e, include=params.include, formats=params.formats),
                params.fields,
            )
            for e in events
        ],
        total,
    )


def read_page(request, params, *, id=None, slug=None, **_):
    qs = _event_pages()
    if id is not None:
        kind, pk = ids.decode(id)
        if kind != "page":
            return None
        qs = qs.filter(pk=pk)
    else:
        qs = qs.filter(slug=slug)
    event = qs.first()
    if event is None:
        return None
    return serializers.restrict(
        serializers.event_page(request, event, include=params.include, formats=params.formats), params.fields
    )


# --- authors ------------------------------------------------------------------------------------

AUTHOR_ORDERS = {"name": "title", "slug": "slug", "id": "pk"}
AUTHOR_DEFAULT_ORDER = [("name", False)]
AUTHOR_FIELDS = {
    "id": filters.ghost_id("author"),
    "slug": filters.text("slug", "slug"),
    "name": filters.text("title", "name"),
}


def _with_post_counts(records, pks, params):
    if "count.posts" not in params.include:
        return records
    counts = dict(
        ArticleAuthor.objects.filter(author_id__in=pks, article__live=True, article__date__isnull=False)
        .values("author_id")
        .annotate(n=Count("pk"))
        .values_list("author_id", "n")
    )
    for record, pk in zip(records, pks, strict=True):
        record["count"] = {"posts": counts.get(pk, 0)}
    return records


def browse_authors(request, params, **_):
    qs = _apply_filter(AuthorPage.objects.live(), params, AUTHOR_FIELDS)
    total = qs.count()
    start, end = _slice(params)
    pks = (
        list(_order(qs, params, AUTHOR_ORDERS).values_list("pk", flat=True)[start:end])
        if start < total
        else []
    )
    index = serializers.author_index(request)
    pks = [pk for pk in pks if pk in index]
    records = _with_post_counts([dict(index[pk]) for pk in pks], pks, params)
    return Page([serializers.restrict(r, params.fields) for r in records], total)


def read_author(request, params, *, id=None, slug=None, **_):
    index = serializers.author_index(request)
    if id is not None:
        kind, pk = ids.decode(id)
        found = index.get(pk) if kind == "author" else None
    else:
        found = next((a for a in index.values() if a["slug"] == slug), None)
    if found is None:
        return None
    pk = ids.decode(found["id"])[1]
    return serializers.restrict(_with_post_counts([dict(found)], [pk], params)[0], params.fields)


# --- tags: sections (primary tags) first, then keyword tags in use --------------------------------

TAG_ORDERS = {"name": "name", "slug": "slug"}
TAG_DEFAULT_ORDER = [("name", False)]
TAG_GETTERS = {
    "id": lambda t: t["id"],
    "slug": lambda t: t["slug"],
    "name": lambda t: t["name"],
    "visibility": lambda t: t["visibility"],
}


def _all_tags(request):
    sections = list(serializers.section_index(request).values())
    in_use = (
        Tag.objects.filter(content_articlepagetag_items__content_object__live=True)
        .distinct()
        .order_by("name")
    )
    return sections + [serializers.keyword_tag(request, t) for t in in_use]


def _tag_counts(request, records):
    counts = {}
    for path, tag in serializers.section_index(request).items():
        counts[tag["id"]] = live_articles().filter(path__startswith=path).count()
    keyword = dict(
        Tag.objects.filter(content_articlepagetag_items__content_object__live=True)
        .annotate(n=Count("content_articlepagetag_items"))
        .values_list("pk", "n")
    )
    for pk, n in keyword.items():
        counts[ids.encode("tag", pk)] = n
    for record in records:
        record["count"] = {"posts": counts.get(record["id"], 0)}
    return records


def _filtered_tags(request, params):
    records = _all_tags(request)
    if params.filter is not None:
        try:
            records = [r for r in records if nql.matches(params.filter, r, TAG_GETTERS)]
        except nql.FilterError as error:
            raise BadRequest(f"Invalid filter: {error}.") from error
    for name, desc in reversed(params.order):
        records.sort(key=lambda r, name=name: (r[name] or "").lower(), reverse=desc)
    return records


def browse_tags(request, params, **_):
    records = _filtered_tags(request, params)
    start, end = _slice(params)
    shown = [dict(r) for r in records[start:end]]
    if "count.posts" in params.include:
        _tag_counts(request, shown)
    return Page([serializers.restrict(r, params.fields) for r in shown], len(records))


def read_tag(request, params, *, id=None, slug=None, **_):
    records = _all_tags(request)
    key, value = ("id", id) if id is not None else ("slug", (slug or "").lower())
    found = next((dict(r) for r in records if r[key] == value), None)
    if found is None:
        return None
    if "count.posts" in params.include:
        _tag_counts(request, [found])
    return serializers.restrict(found, params.fields)


# --- tiers: the free membership and each plan on sale --------------------------------------------

TIER_GETTERS = {
    "id": lambda t: t["id"],
    "slug": lambda t: t["slug"],
    "name": lambda t: t["name"],
    "type": lambda t: t["type"],
    "visibility": lambda t: t["visibility"],
    "active": lambda t: "true" if t["active"] else "false",
}


def _tiers(request, params):
    currencies = available_currencies()
    currency = params.currency if params.currency in currencies else ("USD" if "USD" in currencies else None)
    currency = currency or (currencies[0] if currencies else None)
    free = {
        "id": ids.encode("tier", 0),
        "name": "Free",
        "slug": "free",
        "active": True,
        "type": "free",
        "welcome_page_url": None,
        "created_at": None,
        "updated_at": None,
        "visibility": "public",
        "description": None,
        "trial_days": 0,
    }
    if {"benefits", "monthly_price", "yearly_price"} & params.include:
        free.update(benefits=[], monthly_price=None, yearly_price=None, currency=None)
    tiers = [free]
    for entry in pricing_plans(currency=currency) if currency else []:
        plan = entry["plan"]
        tier = {
            "id": ids.encode("tier", plan.pk),
            "name": plan.name,
            "slug": plan.slug,
            "active": plan.active,
            "type": "paid",
            "welcome_page_url": None,
            "created_at": None,
            "updated_at": None,
            "visibility": "public",
            "description": plan.description or None,
            "trial_days": plan.trial_days,
        }
        if "benefits" in params.include:
            tier["benefits"] = [line.strip() for line in plan.benefits.splitlines() if line.strip()]
        if "monthly_price" in params.include:
            tier["monthly_price"] = entry["monthly"].amount if entry["monthly"] else None
        if "yearly_price" in params.include:
            tier["yearly_price"] = entry["yearly"].amount if entry["yearly"] else None
        if {"monthly_price", "yearly_price"} & params.include:
            tier["currency"] = currency
        tiers.append(tier)
    return tiers


def browse_tiers(request, params, **_):
    records = _tiers(request, params)
    if params.filter is not None:
        try:
            records = [r for r in records if nql.matches(params.filter, r, TIER_GETTERS)]
        except nql.FilterError as error:
            raise BadRequest(f"Invalid filter: {error}.") from error
    start, end = _slice(params)
    return Page([serializers.restrict(r, params.fields) for r in records[start:end]], len(records))


# --- settings ---------------------------------------------------------------------------------------


def site_settings(request):
    marks = identity(request)
    newsroom = site_setting(request, NewsroomSettings)
    # The site's navigation is the default edition's sections (the settings' `lang`); the Chinese
    # edition's sections are under its own home (issue 20).
    home = default_home()
    sections = [
        tag for path, tag in serializers.section_index(request).items() if home and path.startswith(home.path)
    ]
    return {
        "title": marks.name,
        "description": newsroom.tagline or "",
        "logo": marks.logo_url,
        "icon": marks.icon_192_url,
        "accent_color": None,
        "cover_image": None,
        "facebook": None,
        "twitter": f"@{newsroom.twitter_handle}" if newsroom.twitter_handle else None,
        "lang": django_settings.LANGUAGE_CODE,
        "locale": django_settings.LANGUAGE_CODE,
        "timezone": django_settings.TIME_ZONE,
        "codeinjection_head": None,
        "codeinjection_foot": None,
        "navigation": [{"label": s["name"], "url": s["url"]} for s in sections],
        "secondary_navigation": [
            {"label": "Archive", "url": serializers.absolute(request, reverse("content:archive"))},
            {"label": "Search", "url": serializers.absolute(request, reverse("content:search"))},
        ],
        "meta_title": None,
        "meta_description": newsroom.tagline or None,
        "og_image": marks.share_image_url,
        "og_title": None,
        "og_description": None,
        "twitter_image": None,
        "twitter_title": None,
        "twitter_description": None,
        "members_support_address": None,
        "members_enabled": True,
        "members_invite_only": False,
        "members_signup_access": "all",
        "paid_members_enabled": True,
        "comments_enabled": "all",
        "recommendations_enabled": False,
        "url": site_origin() + "/",
    }


RESOURCES = {
    # name: (browse, read, orders, default order)
    "posts": (browse_posts, read_post, POST_ORDERS, POST_DEFAULT_ORDER),
    "pages": (browse_pages, read_page, PAGE_ORDERS, PAGE_DEFAULT_ORDER),
    "authors": (browse_authors, read_author, AUTHOR_ORDERS, AUTHOR_DEFAULT_ORDER),
    "tags": (browse_tags, read_tag, TAG_ORDERS, TAG_DEFAULT_ORDER),
    "tiers": (browse_tiers, None, {"name": "name"}, []),
}
NOT_FOUND = {"posts": "post", "pages": "page", "authors": "author", "tags": "tag"}
