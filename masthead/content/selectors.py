"""Reads of published content shared by pages, feeds, the archive and the sitemap.

Everything here returns live articles only and fetches what listings render (section, bylines,
hero image) in a fixed number of queries, whatever the number of articles.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

# The reads the pages themselves serve live with the page models (models.py, which cannot import
# this module: it imports the models); they are part of this module's API all the same.
from .models import (  # noqa: F401
    HOME_LATEST,
    HOME_PER_SECTION,
    SECTIONS_CACHE_KEY,
    ArticleAuthor,
    ArticlePage,
    AuthorPage,
    SectionInfo,
    articles_by_author,
    articles_in_section,
    attach_sections,
    home_page_context,
    lead_story,
    live_articles,
    related_articles,
    section_index,
)


def _in_edition(qs, locale_id):
    """One edition's articles (issue 20) when `locale_id` is given; every edition's otherwise
    (the API, reports and imports read across editions)."""
    return qs.filter(locale_id=locale_id) if locale_id else qs


def articles_tagged(tag, locale_id=None):
    return _in_edition(live_articles().filter(tags=tag), locale_id)


def articles_in_month(year, month=None, locale_id=None):
    qs = _in_edition(live_articles().filter(date__year=year), locale_id)
    return qs.filter(date__month=month) if month else qs


def tags_in_use(locale_id=None):
    """Tags on live articles (of one edition with `locale_id`), most used first."""
    filters = {"content_articlepagetag_items__content_object__live": True}
    if locale_id:
        filters["content_articlepagetag_items__content_object__locale_id"] = locale_id
    return (
        Tag.objects.filter(**filters).annotate(n=Count("content_articlepagetag_items")).order_by("-n", "name")
    )


def archive_months(locale_id=None):
    """[(year, [(month, count), …]), …] newest first, for the archive index (of one edition when
    `locale_id` is given)."""
    rows = (
        _in_edition(ArticlePage.objects.live(), locale_id)
        .filter(date__isnull=False)
        .annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
        .values("y", "m")
        .annotate(n=Count("pk"))
        .order_by("-y", "-m")
    )
    years = {}
    for row in rows:
        years.setdefault(row["y"], []).append((row["m"], row["n"]))
    return list(years.items())


def authors():
    return AuthorPage.objects.live().select_related("photo").order_by("title")


def recent_for_feed(limit, *, section=None, author=None, locale_id=None):
    # Feeds carry each item's (preview) body, so read bodies in the listing query.
    qs = _in_edition(live_articles().defer(None).filter(date__lte=timezone.now()), locale_id)
    if section is not None:
        qs = qs.child_of(section)
    if author is not None:
        qs = qs.filter(article_authors__author=author)
    return attach_sections(qs[:limit])


# --- For reports (the analytics app) ------------------------------------------------------------

FACTS_CHUNK = 500


@dataclass(frozen=True)
class PageFacts:
    """What a report says about a page: its title, path, and for articles its section and authors."""

    pk: int
    title: str
    url: str
    is_article: bool
    section_id: int | None = None
    section_title: str = ""
    author_ids: tuple = ()
    author_titles: tuple = ()


def _site_root_prefix():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.url_path if site else "/"


def page_facts(ids):
    """{page id: PageFacts} for the pages among `ids` that exist (live or not), in a few queries per
    500 ids; for articles with their section and bylines."""
    ids = sorted({int(i) for i in ids})
    prefix = _site_root_prefix()
    article_type = ArticlePage._meta.label_lower
    sections = {s.path: s for s in section_index().values()}
    facts = {}
    for start in range(0, len(ids), FACTS_CHUNK):
        chunk = ids[start : start + FACTS_CHUNK]
        bylines = {}
        for article_id, author_id, title in (
            ArticleAuthor.objects.filter(article_id__in=chunk)
            .order_by("sort_order")
            .values_list("article_id", "author_id", "author__title")
        ):
            bylines.setdefault(article_id, []).append((author_id, title))
        pages = Page.objects.filter(pk__in=chunk).values_list(
            "pk", "title", "url_path", "path", "content_type__app_label", "content_type__model"
        )
        for pk, title, url_path, path, app_label, model in pages:
            url = "/" + url_path[len(prefix) :] if url_path.startswith(prefix) else url_path
            is_article = f"{app_label}.{model}" == article_type
            section = sections.get(path[: -ArticlePage.steplen]) if is_article else None
            authors = bylines.get(pk, [])
            facts[pk] = PageFacts(
                pk=pk,
                title=title,
                url=url,
                is_article=is_article,
                section_id=section.pk if section else None,
                section_title=section.title if section else "",
                author_ids=tuple(a for a, _ in authors),
                author_titles=tuple(t for _, t in authors),
            )
    return facts


def page_ids_for_paths(paths):
    """{public path: page id} for the paths that are pages of the default site."""
    prefix = _site_root_prefix()
    wanted = {prefix + p.lstrip("/"): p for p in paths if p.startswith("/")}
    result = {}
    items = list(wanted)
    for start in range(0, len(items), FACTS_CHUNK):
        for pk, url_path in Page.objects.filter(url_path__in=items[start : start + FACTS_CHUNK]).values_list(
            "pk", "url_path"
        ):
            result[wanted[url_path]] = pk
    return result
