"""The public origin: one address for every absolute link the site writes.

`settings.SITE_URL` (checked at start-up: scheme and host, no path) is the source of truth.
Wagtail's site record follows it — hostname and port are set from it by every `manage.py migrate`
and by `manage.py set_site_url`, so `page.full_url` (canonical links, og:url, JSON-LD, the
sitemap) agrees with `absolute_url()` (emails, feeds, robots.txt). A site record that disagrees
(edited in the admin's Sites form, or SITE_URL changed without migrating) is reported by
`manage.py check` (masthead.W010) and fixed by `manage.py set_site_url`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def site_origin():
    return settings.SITE_URL


def absolute_url(path):
    """`path` ("/a/b/") on the public origin; an already absolute URL is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + ("" if path.startswith("/") else "/") + path


def site_record_address(url=None):
    """(hostname, port) of Wagtail's site record for the origin `url` (default SITE_URL)."""
    parts = urlsplit(url or settings.SITE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def representable(url=None):
    """Wagtail's site record derives the scheme from the port (443 https, anything else http), so
    an https origin on another port cannot be expressed; the check below says so."""
    parts = urlsplit(url or settings.SITE_URL)
    return not (parts.scheme == "https" and parts.port not in (None, 443))


def sync_site_record(*, url=None):
    """Point the default Wagtail site at the origin. Returns the site if it changed, else None.

    Only the default site is touched (Masthead serves one publication). Its name follows the
    publication's (core.identity), so the admin shows the same name readers see.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_record_address(url)
    if (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    Site.clear_site_root_paths_cache()
    return site


def site_record_mismatch():
    """A sentence saying how the default site record differs from SITE_URL, or "" if it agrees."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    hostname, port = site_record_address()
    if (site.hostname, site.port) != (hostname, port):
        return (
            f"Wagtail's default site is {site.hostname}:{site.port} ({site.root_url}) but SITE_URL is "
            f"{settings.SITE_URL}: links in pages, sitemaps and feeds would point at the wrong host."
        )
    return ""
