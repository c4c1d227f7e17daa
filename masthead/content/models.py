"""The newsroom's content: home, sections, articles, authors and the site-wide editorial settings.

Pages are Wagtail pages, so drafts, revisions, previews, scheduling and workflows come from
Wagtail. The reads the pages serve themselves (the section index, listings, the home page's
choice, related articles) are at the end of this module; other reads that views share (tags,
archives, feeds) live in selectors.py, which re-exports these. The views the pages call from
their methods are in page_views.py, which imports no page model.
"""

import uuid
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, Site
from wagtail.search import index

from masthead.core.caching import (
    Lazy,
    RememberedRestrictions,
    cacheable_for,
    offer_variant,
    read_page_number,
    site_setting,
)

from . import body as body_text
from .admin_forms import ArticlePageForm, ConfirmFreePanel
from .blocks import ArticleBodyBlock
from .gate import gate
from .levels import SHORT_LABELS, AccessLevel
from .page_views import article_context, author_contact, paginate, serve_article
from .renditions import HERO_SPECS
from .search_text import index_text
from .seo import organization_json_ld, person_json_ld


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    CHINESE = "zh-hans", _("Simplified Chinese")


@register_setting(icon="site")
class NewsroomSettings(BaseSiteSetting):
    """Editorial settings per site, edited under Settings in the Wagtail admin."""

    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    about = models.TextField(_("about the newsroom"), blank=True, help_text=_("Shown in the footer."))
    default_access_level = models.CharField(
        _("default access level for new articles"),
        max_length=10,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
    )
    twitter_handle = models.CharField(
        _("X/Twitter handle"), max_length=50, blank=True, help_text=_("Without the @, for Twitter cards.")
    )
    articles_per_page = models.PositiveSmallIntegerField(
        _("articles per listing page"), default=12, validators=[MinValueValidator(5), MaxValueValidator(50)]
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("about"),
        FieldPanel("default_access_level"),
        FieldPanel("twitter_handle"),
        FieldPanel("articles_per_page"),
    ]

    class Meta:
        verbose_name = _("newsroom settings")


class CacheablePage(RememberedRestrictions):
    """Wagtail pages whose anonymous responses may be shared (see core.caching)."""

    def serve(self, request, *args, **kwargs):
        return cacheable_for(request, super().serve(request, *args, **kwargs))


class HomePage(CacheablePage, Page):
    """The front page: a lead story, then the latest articles of each section."""

    lead_story = models.ForeignKey(
        "content.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the most recent featured article."),
    )

    content_panels = Page.content_panels + [FieldPanel("lead_story")]
    subpage_types = ["content.SectionPage", "content.AuthorIndexPage", "events.EventIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    # One home per edition (issue 20), not one in all: see can_create_at.

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # Each edition (locale) has one home: the admin may add another home only while some
        # locale has none. A single `max_count = 1` counted every locale's home, so with the
        # Chinese edition the admin saw two homes where each edition has its one.
        return super().can_create_at(parent) and cls.objects.count() < Locale.objects.count()

    def get_context(self, request, *args, **kwargs):
        # The same for every member of a variant once the personal parts are slots.
        offer_variant(request)
        context = super().get_context(request, *args, **kwargs)
        context["organization_json_ld"] = Lazy(lambda: organization_json_ld(request))
        # Lazy: the home page's body is a cached fragment; on a hit none of this runs.
        listing = Lazy(lambda: home_page_context(self))
        context.update(
            {
                key: Lazy(lambda key=key: listing()[key])
                for key in ("lead", "latest", "sections_with_articles")
            }
        )
        return context


class SectionPage(CacheablePage, Page):
    """A desk of the newsroom (Startups, AI, …); articles live under their section."""

    description = models.TextField(_("description"), blank=True)
    color = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#9b1c1c",
        help_text=_("A dark colour; white text sits on it."),
    )
    default_access_level = models.CharField(
        _("default access level for new articles"),
        max_length=10,
        choices=AccessLevel.choices,
        blank=True,
        help_text=_("What new articles in this section start as. Empty: the site's default (Settings)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("color"),
        FieldPanel("default_access_level"),
    ]
    subpage_types = ["content.ArticlePage"]
    parent_page_types = ["content.HomePage"]
    search_fields = Page.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        offer_variant(request)
        context = super().get_context(request, *args, **kwargs)
        # Read now, not in the Lazy: on a fragment hit the listing never runs, and the page cache
        # must still learn that this page reads ?page=.
        read_page_number(request)
        context["articles"] = Lazy(lambda: listing_page(request, articles_in_section(self)))
        return context


class AuthorIndexPage(CacheablePage, Page):
    subpage_types = ["content.AuthorPage"]
    parent_page_types = ["content.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("author index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = (
            AuthorPage.objects.live().child_of(self).select_related("photo").order_by("title")
        )
        return context


class AuthorPage(CacheablePage, RoutablePageMixin, Page):
    """A journalist. The contact address is never rendered: readers write through a form."""

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_('e.g. "Social media manager based in Beijing"')
    )
    bio = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])
    email = models.EmailField(
        _("contact address"),
        blank=True,
        help_text=_(
            "Private. Messages from the contact form are delivered here; the address is never shown."
        ),
    )
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_page",
    )

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("user")], heading=_("Private")),
    ]
    search_fields = Page.search_fields + [index.SearchField("role"), index.SearchField("bio")]
    subpage_types = []
    parent_page_types = ["content.AuthorIndexPage"]
    # One staff account has one author page: a translation of the page leaves it unlinked.
    exclude_fields_in_copy = ["user"]

    class Meta:
        verbose_name = _("author")

    @property
    def name(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["person_json_ld"] = person_json_ld(request, self)
        return context

    @path("")
    def profile(self, request):
        return self.render(
            request, context_overrides={"articles": listing_page(request, articles_by_author(self))}
        )

    @path("contact/", name="contact")
    def contact(self, request):
        if not self.email:
            raise Http404
        return author_contact(request, self)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("content.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(RememberedRestrictions, Page):
    """A piece of journalism. Its access level says who may read past the premium break."""

    dek = models.TextField(_("dek"), max_length=300, help_text=_("One or two sentences under the headline."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=120, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Shown on the article and used by the archive. Empty: the time it is first published."),
    )
    access_level = models.CharField(
        _("access level"),
        max_length=10,
        choices=AccessLevel.choices,
        blank=True,
        help_text=_("Who may read past the premium break. Empty: the site's default access level."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.ENGLISH
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Candidates for the home page lead.")
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)
    canonical_url = models.URLField(
        _("canonical URL"),
        max_length=500,
        blank=True,
        help_text=_("Only when the article first appeared elsewhere: search engines credit that address."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)

    base_form_class = ArticlePageForm
    content_panels = Page.content_panels + [
        FieldPanel("dek"),
        MultiFieldPanel(
            [
                FieldPanel("access_level", widget=forms.RadioSelect),
                ConfirmFreePanel("publish_free_anyway"),
            ],
            heading=_("Who may read it"),
            help_text=_(
                "Readers without access see only what is above the premium break "
                "(or the first two paragraphs when there is none)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")]),
            ],
            heading=_("Hero image"),
        ),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("date"),
        FieldPanel("language"),
        FieldPanel("featured"),
        FieldPanel("canonical_url"),
    ]
    # Wagtail's index serves the admin's page search; the public search has its own (search.py).
    search_fields = Page.search_fields + [
        index.SearchField("dek", boost=2),
        index.SearchField("search_body"),
        index.FilterField("date"),
        index.FilterField("access_level"),
        index.FilterField("featured"),
    ]
    parent_page_types = ["content.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        indexes = [models.Index(fields=["-date"], name="article_date_desc")]

    def save(self, *args, **kwargs):
        # The archive and feeds order by `date`; an article that goes live without one takes
        # its first publication time (set by Wagtail's publish action before it saves).
        if self.live and self.date is None:
            self.date = self.first_published_at or timezone.now()
        self.word_count = body_text.count_words(self.plain_text())
        # An article in a second edition (a Chinese-locale page) is in that language, whatever the
        # English original it was translated from said; default-locale articles keep their field
        # (older Chinese articles live in the English tree).
        if self.locale_id and self.locale.language_code != settings.LANGUAGE_CODE:
            self.language = self.locale.language_code
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | {"date", "word_count", "language"}
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        if not self.access_level:
            self.access_level = default_access_level(self)
        return super().full_clean(*args, **kwargs)

    def default_access_level_under(self, parent):
        """The level a new article under `parent` starts at: its section's, else the site's."""
        return default_access_level_for_parent(parent)

    def get_admin_display_title(self):
        # Listings, choosers and the editor's header say who may read it (the saved level).
        label = SHORT_LABELS.get(self.effective_access_level)
        return f"{super().get_admin_display_title()} · {label}"

    @cached_property
    def authors(self):
        links = self.article_authors.all()
        if not getattr(self, "_prefetched_objects_cache", {}).get("article_authors"):
            # A fresh page (not from a listing query): one query for bylines, authors and photos.
            links = links.select_related("author", "author__photo")
        return [link.author for link in links if link.author_id]

    @cached_property
    def section(self):
        """The article's section (its parent page), from the cached section index when live."""
        return section_index().get(self.path[: -self.steplen]) or self.get_parent().specific

    @property
    def display_date(self):
        return self.date or self.first_published_at or self.latest_revision_created_at

    @property
    def effective_access_level(self):
        return self.access_level or AccessLevel.PUBLIC

    @property
    def access_key(self):
        """What access is granted for (access.policy.access_key): the translation group, so a
        story's English and Chinese versions share the meter, gifts and previews' spent reads."""
        return self.translation_key

    @property
    def reading_minutes(self):
        return body_text.reading_minutes(self.word_count)

    def plain_text(self):
        return body_text.plain_text(self.body)

    def search_body(self):
        """Body text for the search index, with Chinese segmented into bigrams (see search_text)."""
        return index_text(self.plain_text())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        return serve_article(self, request, super().serve, *args, **kwargs)

    def related_listing(self, *, shared_cache=True):
        """Related articles (related_articles), ready for a listing (with their sections)."""
        return attach_sections(related_articles(self, shared_cache=shared_cache))

    # The editor's preview shows the article as each kind of reader gets it: the same access
    # policy and paywall as the live page, with a stand-in reader (access.reading.preview_as).
    preview_modes = [
        ("paying", _("Paying member: everything")),
        ("anonymous", _("Anonymous visitor")),
        ("member", _("Signed-in free member")),
        ("member_meter_spent", _("Free member, free articles used up")),
    ]
    default_preview_mode = "paying"

    def serve_preview(self, request, mode_name):
        gate().preview_as(request, self, mode_name if mode_name in dict(self.preview_modes) else "paying")
        return super().serve_preview(request, mode_name)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        # Unpublished text must never be read from or written to the shared fragment cache:
        # a generation of its own makes every {% cache %} in the preview miss and go unread.
        context["cache_gen"] = f"preview-{uuid.uuid4().hex}"
        context["fragment_seconds"] = 1
        context["preview_mode_label"] = dict(self.preview_modes).get(mode_name)
        return context


def default_access_level(page):
    if page.pk or page.path:
        return default_access_level_for_parent(page.get_parent())
    return default_access_level_for_parent(None)


def default_access_level_for_parent(parent):
    """A new article's level: the section's default if it sets one, else the site's setting."""
    parent = parent.specific if parent is not None else None
    section_level = getattr(parent, "default_access_level", "")
    if section_level:
        return section_level
    site = (parent.get_site() if parent is not None else None) or Site.objects.filter(
        is_default_site=True
    ).first()
    if site is None:
        return AccessLevel.PUBLIC
    return NewsroomSettings.for_site(site).default_access_level


class SearchEntry(models.Model):
    """An article as the public search sees it: segmented text, kept in step by search_index.

    The full-text structure lives beside this table and is database-specific: an FTS5 table
    (content_search_fts) on SQLite, a weighted tsvector column with a GIN index on PostgreSQL.
    Only live articles have an entry.
    """

    page = models.OneToOneField(
        ArticlePage, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    title = models.TextField()
    dek = models.TextField(blank=True)
    body = models.TextField(blank=True)
    date = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The edition (issue 20), copied from the page when it is indexed: searching one edition is
    # then a filter on the rows the full-text index found, not a join to the page table per match
    # (on 100,000 articles the join took English searches from 31 to 786 ms p50; see
    # docs/notes/issue-15.md, stop 25). No index of its own: the text index narrows first.
    locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = _("search entry")

    def __str__(self):
        return self.title


class ArticleAuthor(Orderable):
    """A byline entry: bylines are ordered, so this is an orderable link, not a plain M2M."""

    article = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        AuthorPage, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="byline_once_per_author")]


# --- The reads the pages serve --------------------------------------------------------------
# Here, with the page models, because the pages call them (get_context, routes) and they query
# the pages: the selectors module, which other apps and views read through, re-exports them.


def listing_page(request, articles):
    """One page of a listing of articles, as many per page as the site's settings say."""
    return paginate(
        request,
        articles,
        site_setting(request, NewsroomSettings).articles_per_page,
        prepare=attach_sections,
    )


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
    for pk, page_path in recent[: wanted * 4]:
        if len(latest_ids) < HOME_LATEST:
            latest_ids.append(pk)
            continue
        bucket = per_section.get(page_path[: -ArticlePage.steplen])
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
