"""The sitemap: every live page of every edition, with hreflang alternates for translated pairs
(issue 20), plus each edition's archive months and tag pages."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from masthead.core.origin import site_origin

from . import selectors
from .editions import edition_homes, hreflang, locale_ids


class OnSiteOrigin:
    """Sitemap entries on the public origin (SITE_URL), never the request's Host: Django's own
    sitemaps would use the Host, Wagtail's page sitemap the site record (which follows SITE_URL)."""

    def get_protocol(self, protocol=None):
        return site_origin().split("://", 1)[0]

    def get_domain(self, site=None):
        return site_origin().split("://", 1)[1]


class PageSitemap(WagtailSitemap):
    """Wagtail's page sitemap lists the site's root page and its descendants: the English tree
    only, since the Chinese home is a sibling of the English one (a translation of it). This one
    lists every edition's tree, and gives each page that has live translations an
    `<xhtml:link rel="alternate" hreflang=…>` for every version (itself included) and an
    `x-default` (the default edition's version), as search engines ask for language versions."""

    def items(self):
        homes = Page.objects.filter(pk__in=edition_homes().values()).values_list("path", flat=True)
        in_an_edition = Q(pk__in=[])
        for path in homes:
            in_an_edition |= Q(path__startswith=path)
        return (
            Page.objects.live()
            .public()
            .filter(in_an_edition)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = self._versions({p.translation_key for p in pages})
        urls = []
        last_mods = set()
        for item in pages:
            alternates = versions.get(item.translation_key, {})
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates) > 1:
                    url_info["alternates"] = [
                        {"lang_code": hreflang(code), "location": url}
                        for code, url in sorted(alternates.items())
                    ]
                    if settings.LANGUAGE_CODE in alternates:
                        url_info["alternates"].append(
                            {"lang_code": "x-default", "location": alternates[settings.LANGUAGE_CODE]}
                        )
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # As Wagtail's: no lastmod for the sitemap when any entry lacks one.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _versions(self, keys):
        """{translation key: {language code: full URL}} of the live, public versions of `keys`."""
        versions = {}
        found = Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
        for version in found:
            url = version.get_full_url(self.request)
            if url:
                versions.setdefault(version.translation_key, {})[version.locale.language_code] = url
        return versions


def _editions():
    """(language code, Locale id) of the editions that have a live home, default first."""
    codes = sorted(edition_homes(), key=lambda code: code != settings.LANGUAGE_CODE)
    ids = locale_ids()
    return [(code, ids[code]) for code in codes if code in ids]


class ArchiveSitemap(OnSiteOrigin, Sitemap):
    changefreq = "monthly"

    def items(self):
        return [
            (code, year, month)
            for code, locale_id in _editions()
            for year, months in selectors.archive_months(locale_id)
            for month, _count in months
        ]

    def location(self, item):
        code, year, month = item
        with translation.override(code):
            return reverse("content:archive_month", args=[year, month])


class TagSitemap(OnSiteOrigin, Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            (code, slug)
            for code, locale_id in _editions()
            for slug in selectors.tags_in_use(locale_id)
            .order_by("slug")
            .values_list("slug", flat=True)
            .distinct()
        ]

    def location(self, item):
        code, slug = item
        with translation.override(code):
            return reverse("content:tag", args=[slug])


SITEMAPS = {"pages": PageSitemap, "archive": ArchiveSitemap, "tags": TagSitemap}
