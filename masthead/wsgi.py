import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django_application = get_wsgi_application()


def _build():
    from django.conf import settings

    from masthead.analytics.beacon import BeaconMiddleware

    app = django_application
    if settings.PAGE_CACHE_ENABLED:
        from masthead.core.pagecache import PageCacheMiddleware

        app = PageCacheMiddleware(app)
    # Page-view beacons are answered before the page cache and Django (analytics.beacon).
    return BeaconMiddleware(app) if settings.ANALYTICS_BEACON else app


application = _build()
