from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from . import selectors


class ArchiveSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return [(year, month) for year, months in selectors.archive_months() for month, _count in months]

    def location(self, item):
        return reverse("content:archive_month", args=item)


class TagSitemap(Sitemap):
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
