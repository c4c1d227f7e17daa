"""Reads of published content shared by pages, feeds, the archive and the sitemap.

Everything here returns live articles only and fetches what listings render (section, bylines,
hero image) in a fixed number of queries, whatever the number of articles.
"""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from .models import ArticleAuthor, ArticlePage, AuthorPage, SectionPage


def live_articles():
    """Live articles, newest first, ready for listings (no per-article queries)."""
    return (
        ArticlePage.objects.live()
        .filter(date__isnull=False)
        .select_related("hero_image")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            )
        )
        .order_by("-date", "-pk")
    )


def attach_sections(articles):
    """Give each article its `section_page` with one query for all of them (listings show the kicker)."""
    articles = list(articles)
    sections = {s.path: s for s in SectionPage.objects.live()}
    for article in articles:
        article.section_page = sections.get(article.path[: -ArticlePage.steplen])
    return articles


def articles_in_section(section):
    return live_articles().child_of(section)


def articles_by_author(author):
    return live_articles().filter(article_authors__author=author)


def articles_tagged(tag):
    return live_articles().filter(tags=tag)


def articles_in_month(year, month=None):
    qs = live_articles().filter(date__year=year)
    return qs.filter(date__month=month) if month else qs


def archive_months():
    """[(year, [(month, count), …]), …] newest first, for the archive index."""
    from django.db.models.functions import ExtractMonth, ExtractYear

    rows = (
        ArticlePage.objects.live()
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


def related_articles(article, limit=4):
    """Articles sharing the most tags with this one, then the same section, newest first."""
    tag_ids = list(article.tags.values_list("pk", flat=True))
    candidates = live_articles().exclude(pk=article.pk)
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
    return live_articles().filter(featured=True).first() or live_articles().first()


def home_page_context(home):
    lead = lead_story(home)
    exclude = [lead.pk] if lead else []
    latest = attach_sections(live_articles().exclude(pk__in=exclude)[:6])
    sections = list(SectionPage.objects.live().child_of(home).order_by("path"))
    shown = set(exclude) | {a.pk for a in latest}
    by_section = []
    for section in sections:
        articles = list(articles_in_section(section).exclude(pk__in=shown)[:4])
        if articles:
            for article in articles:
                article.section_page = section
            by_section.append((section, articles))
    if lead:
        attach_sections([lead])
    return {"lead": lead, "latest": latest, "sections_with_articles": by_section}


def authors():
    return AuthorPage.objects.live().select_related("photo").order_by("title")


def recent_for_feed(limit, *, section=None, author=None):
    qs = live_articles().filter(date__lte=timezone.now())
    if section is not None:
        qs = qs.child_of(section)
    if author is not None:
        qs = qs.filter(article_authors__author=author)
    return attach_sections(qs[:limit])
