from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from wagtail import urls as wagtail_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.analytics import beacon
from masthead.content.sitemaps import SITEMAPS
from masthead.core import caching as core_caching
from masthead.core import (
    converters,  # noqa: F401  (registers <id:…>, used by the apps' URLs)
    lazy_urls,
    wagtail_apps,
)
from masthead.core import editions as core_editions
from masthead.core import health as core_health
from masthead.core import identity as core_identity
from masthead.core import views as core_views

# Wagtail's admin, its REST-framework API imported on the admin's first use of it (issue 15).
wagtailadmin_urls = wagtail_apps.wagtail_admin_urls()

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", cache_page(600)(sitemap_views.sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Answered by core.health.LivenessMiddleware (and masthead.wsgi) before these; kept for reverse().
    path("healthz", core_health.liveness, name="healthz"),
    path("readyz", core_health.readiness, name="readyz"),
    path("favicon.ico", core_identity.favicon_ico, name="favicon"),
    path("brand/icon-<int:size>.png", core_identity.icon_view, name="brand_icon"),
    path("brand/share.png", core_identity.share_image_view, name="brand_share_image"),
    path(beacon.PATH.lstrip("/"), beacon.hit, name="analytics_hit"),
    path("dev/mailbox/", include("masthead.core.mailbox_urls")),
    path("ghost/api/", include("masthead.api.ghost.urls")),
    # The admin API (django-ninja) is imported on its first request or reverse(), not at start-up:
    # a process that only serves readers never loads ninja and pydantic (issue 15).
    lazy_urls.lazy_include(
        "api/v1/", "masthead.api.v1.urlconf", app_name="ninja", namespace="masthead_api_v1"
    ),
]

# The reader's pages outside Wagtail (sign-in, account, membership, gifts, newsletters, write to
# us, community, events, and the archive, tags, search and feeds) are per edition too: English unprefixed as they always were, Chinese
# under /zh/ (issue 20) — the URL decides the language, so the page cache (keyed by path) never
# serves one language's page for the other, and reverse() in a Chinese page or email gives /zh/….
urlpatterns += core_editions.edition_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("masthead.billing.urls")),
    path("account/", include("masthead.members.urls")),
    path("", include("masthead.access.urls")),
    path("newsletters/", include("masthead.newsletters.urls")),
    path("newsroom/", include("masthead.newsroom.urls")),
    path("community/", include("masthead.community.urls")),
    path("", include("masthead.events.urls")),
    # Archive, tags, search and feeds per edition too: /archive/ lists the English edition's
    # articles, /zh/archive/ the Chinese one's (content.editions.edition_locale_id reads the prefix).
    path("", include("masthead.content.urls")),
)

if settings.SERVE_MEDIA:
    # Without nginx in front (development, the demo, small installs) Django serves uploads itself.
    from django.views.static import serve

    urlpatterns += [
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Pages are served per edition: English at the root, Chinese under /zh/ (core.editions); Wagtail
# finds the edition's home as the translation of the site's root page in the active language.
urlpatterns += core_editions.edition_patterns(
    # Wagtail's page serving, with routes remembered per process (core.caching.serve_page); the
    # pattern and name are Wagtail's own, so reversing "wagtail_serve" still works.
    re_path(r"^((?:[\w\-]+/)*)$", core_caching.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)

handler400 = "masthead.core.views.bad_request"
handler404 = "masthead.core.views.page_not_found"
handler500 = "masthead.core.views.server_error"
