import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django_application = get_wsgi_application()


def _build():
    # After get_wsgi_application() has set Django up: these read settings and models.
    from django.conf import settings

    from masthead.analytics.beacon import BeaconMiddleware
    from masthead.core.health import answer_liveness

    app = django_application
    if settings.PAGE_CACHE_ENABLED:
        from masthead.core.pagecache import PageCacheMiddleware

        app = PageCacheMiddleware(django_application)
    if settings.ANALYTICS_BEACON:
        # Page-view beacons are answered before the page cache and Django (analytics.beacon).
        app = BeaconMiddleware(app)
    # Outermost: /healthz answers before the page cache or Django touch Redis or the database,
    # and /readyz reaches Django without going through the page cache.
    return answer_liveness(app, django_application)


application = _build()
