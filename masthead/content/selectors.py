"""Reads of published content shared by pages, feeds, the archive and the sitemap.

Everything here returns live articles only and fetches what listings render (section, bylines,
hero image) in a fixed number of queries, whatever the number of articles.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .models import ArticleAuthor, ArticlePage, AuthorPage, SectionPage
from .renditions import HERO_SPECS

SECTIONS_CACHE_KEY = "content:sections:v1"


def live_articles():
    """Live articles, newest first, ready for listings.

    Listing queries fetch bylines and hero images with their renditions in a fixed number of
    queries, and leave the body (the largest column) unread.
    """
    return (
        ArticlePage.objects.live()
        .filter(date__isnull=False)
        .defer_streamfields()
        .prefetch_related(
            Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(*HERO_SPECS)),
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
        )
        .order_by("-date", "-pk")
    )


@dataclass(frozen=True)
class SectionInfo:
    """What a listing shows of an article's section (the kicker), cached for every request."""

    pk: int
    title: str
    slug: str
    url: str
    color: str
    path: str


def section_index():
    """{tree path: SectionInfo} for live sections. Cleared by the content signal handlers."""
    sections = cache.get(SECTIONS_CACHE_KEY)
    if sections is None:
        sections = {
            s.path: SectionInfo(s.pk, s.title, s.slug, s.url, s.color, s.path)
            for s in SectionPage.objects.live().order_by("path")
        }
        cache.set(SECTIONS_CACHE_KEY, sections, 3600)
    return sections


def attach_sections(articles):
    """Give each article its `section_page` (listings show the kicker) without a query."""
    articles = list(articles)
    sections = section_index()
    for article in articles:
        article.section_page = sections.get(article.path[: -ArticlePage.steplen])
    return articles


def articles_in_section(section):
    return live_articles().child_of(section)


def articles_by_author(author):
    return live_articles().filter(article_authors__author=author)


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


def related_articles(article, limit=4, *, shared_cache=True):
    """Articles sharing the most tags with this one, then the same section, newest first.

    The choice is cached per published revision of the article for a while; the articles
    themselves are always loaded live, so an unpublished one never shows. A preview
    (`shared_cache=False`) chooses from its unsaved tags and leaves the cache alone.
    """
    key = f"content:related:{article.pk}:{article.live_revision_id}"
    ids = cache.get(key) if shared_cache else None
    if ids is None:
        ids = [a.pk for a in _choose_related(article, limit)]
        if shared_cache:
            cache.set(key, ids, 600)
    by_id = {a.pk: a for a in live_articles().filter(pk__in=ids)} if ids else {}
    return [by_id[pk] for pk in ids if pk in by_id]


def _choose_related(article, limit):
    # .all(), not .values_list(): a preview's tags are modelcluster's in-memory copies, which
    # support neither values_list nor unsaved (new) tags' primary keys.
    tag_ids = [tag.pk for tag in article.tags.all() if tag.pk is not None]
    candidates = (
        ArticlePage.objects.live()
        .filter(date__isnull=False, locale_id=article.locale_id)  # the reader's edition only
        .exclude(pk=article.pk)
        .order_by("-date", "-pk")
    )
    related = []
    if tag_ids:
        related = list(
            candidates.filter(tags__in=tag_ids)
            .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True))
            .order_by("-shared", "-date")[:limit]
        )
    if len(related) < limit:
        parent_path = article.path[: -ArticlePage.steplen]
        more = candidates.filter(path__startswith=parent_path).exclude(pk__in=[a.pk for a in related])
        related += list(more[: limit - len(related)])
    return related


def lead_story(home):
    if home.lead_story_id:
        lead = live_articles().filter(pk=home.lead_story_id).first()
        if lead:
            return lead
    # Only this edition's articles: each edition's home is the root of its own tree.
    mine = live_articles().filter(path__startswith=home.path)
    return mine.filter(featured=True).first() or mine.first()


HOME_LATEST = 6
HOME_PER_SECTION = 4


def home_page_context(home):
    """The lead, the latest few, and the newest few of each section, none shown twice.

    Chooses with a light query over (pk, path) of recent articles, then loads only the ~30
    articles shown, with their bylines and images, in one listing query.
    """
    lead = lead_story(home)
    sections = [info for info in section_index().values() if info.path.startswith(home.path)]
    recent = (
        ArticlePage.objects.live()
        .filter(date__isnull=False, path__startswith=home.path)
        .exclude(pk=lead.pk if lead else None)
        .order_by("-date", "-pk")
        .values_list("pk", "path")
    )
    latest_ids, per_section = [], {s.path: [] for s in sections}
    wanted = HOME_LATEST + HOME_PER_SECTION * len(sections)
    for pk, path in recent[: wanted * 4]:
        if len(latest_ids) < HOME_LATEST:
            latest_ids.append(pk)
            continue
        bucket = per_section.get(path[: -ArticlePage.steplen])
        if bucket is not None and len(bucket) < HOME_PER_SECTION:
            bucket.append(pk)
    for section in sections:  # a quiet section missing from the recent window
        bucket = per_section[section.path]
        if len(bucket) < HOME_PER_SECTION:
            more = recent.filter(path__startswith=section.path).exclude(pk__in=latest_ids + bucket)
            bucket.extend(pk for pk, _ in more[: HOME_PER_SECTION - len(bucket)])
    shown = {
        a.pk: a
        for a in attach_sections(live_articles().filter(pk__in=latest_ids + sum(per_section.values(), [])))
    }
    latest = [shown[pk] for pk in latest_ids if pk in shown]
    by_section = [
        (section, [shown[pk] for pk in per_section[section.path] if pk in shown])
        for section in sections
        if per_section[section.path]
    ]
    if lead:
        attach_sections([lead])
    return {"lead": lead, "latest": latest, "sections_with_articles": by_section}


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
