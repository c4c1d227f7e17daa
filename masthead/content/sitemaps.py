from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from masthead.core.origin import site_origin

from . import selectors


class OnSiteOrigin:
    """Sitemap entries on the public origin (SITE_URL), never the request's Host: Django's own
    sitemaps would use the Host, Wagtail's page sitemap the site record (which follows SITE_URL)."""

    def get_protocol(self, protocol=None):
        return site_origin().split("://", 1)[0]

    def get_domain(self, site=None):
        return site_origin().split("://", 1)[1]


class ArchiveSitemap(OnSiteOrigin, Sitemap):
    changefreq = "monthly"

    def items(self):
        return [(year, month) for year, months in selectors.archive_months() for month, _count in months]

    def location(self, item):
        return reverse("content:archive_month", args=item)


class TagSitemap(OnSiteOrigin, Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Tag.objects.filter(content_articlepagetag_items__content_object__live=True)
            .distinct()
            .order_by("slug")
        )

    def location(self, item):
        return reverse("content:tag", args=[item.slug])


SITEMAPS = {"pages": PageSitemap, "archive": ArchiveSitemap, "tags": TagSitemap}
