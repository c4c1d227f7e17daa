"""RSS 2.0 and Atom feeds: site-wide, per section and per author, per edition.

Each edition has its own feeds (issue 20): /feeds/… carry the English edition's articles,
/zh/feeds/… the Chinese edition's, with its language and its home's title. The edition comes from
the URL's prefix (content.editions.edition_locale_id), not from the active translation.

Feeds carry the dek and the free preview only, with a link to the article: feed readers are
anonymous, so they get what an anonymous reader may read (see masthead.access).
"""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from masthead.core.caching import read_param
from masthead.core.editions import language_of_path, prefix_for
from masthead.core.identity import publication
from masthead.core.origin import absolute_url

from . import selectors
from .editions import edition_home, edition_locale_id, hreflang
from .feed_content import feed_item_html
from .models import AuthorPage, HomePage, SectionPage

DEFAULT_ITEMS = 30
MAX_ITEMS = 100


def feed_limit(request):
    raw = request.GET.get("limit")
    if raw in (None, ""):
        return DEFAULT_ITEMS
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_ITEMS:
        raise BadRequest(_("limit must be a whole number from 1 to %(max)d.") % {"max": MAX_ITEMS})
    read_param(request, "limit", int(raw))
    return int(raw)


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # One instance per URL pattern serves every request, on several threads at once under a
        # threaded server: the per-request state below goes on a copy, never on the shared one.
        return copy.copy(self).respond(request, *args, **kwargs)

    def respond(self, request, *args, **kwargs):
        self.request = request
        self.limit = feed_limit(request)
        self.edition = language_of_path(request.path_info)
        self.locale_id = edition_locale_id(request)
        # Django's Feed writes this as <language> (RSS) and xml:lang (Atom): the edition's, as
        # BCP 47 writes it (zh-Hans), not whatever translation happens to be active.
        self.language = hreflang(self.edition)
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        # Another edition's feeds carry its home's title (东方电路 for the Chinese one).
        if self.edition != settings.LANGUAGE_CODE:
            home = HomePage.objects.filter(pk=edition_home(self.edition)).values_list("title", flat=True)
            if title := home.first():
                return title
        return publication().name

    # Every URL in a feed is absolute on the public origin (SITE_URL), whatever Host the request
    # came with: Django's Feed leaves absolute URLs alone.
    def link(self, obj):
        return absolute_url("/" + prefix_for(self.edition))

    def feed_url(self, obj):
        return absolute_url(self.request.path)

    def description(self, obj):
        return _("The latest journalism from %(site)s") % {"site": self.title(obj)}

    def items(self, obj):
        return selectors.recent_for_feed(self.limit, locale_id=self.locale_id)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return feed_item_html(item, self.request)

    def item_link(self, item):
        return absolute_url(item.get_url(self.request))

    def item_guid(self, item):
        return absolute_url(f"/a/{item.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_author_name(self, item):
        return ", ".join(link.author.title for link in item.article_authors.all())

    def item_categories(self, item):
        section = getattr(item, "section_page", None)
        return [section.title] if section else []


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        # Both editions have a section with this slug: the one of the edition in the URL.
        return get_object_or_404(SectionPage.objects.live(), slug=slug, locale_id=edition_locale_id(request))

    def title(self, obj):
        return f"{obj.title} — {super().title(obj)}"

    def link(self, obj):
        return absolute_url(obj.get_url(self.request))

    def items(self, obj):
        return selectors.recent_for_feed(self.limit, section=obj)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(AuthorPage.objects.live(), slug=slug, locale_id=edition_locale_id(request))

    def title(self, obj):
        return f"{obj.title} — {super().title(obj)}"

    def link(self, obj):
        return absolute_url(obj.get_url(self.request))

    def items(self, obj):
        return selectors.recent_for_feed(self.limit, author=obj)


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
