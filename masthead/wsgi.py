import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django_application = get_wsgi_application()


def _build():
    from django.conf import settings

    if not settings.PAGE_CACHE_ENABLED:
        return django_application
    from masthead.core.pagecache import PageCacheMiddleware

    return PageCacheMiddleware(django_application)


application = _build()
