"""The page-view beacon's endpoint, /_hit, answered before Django's middleware runs.

`BeaconMiddleware` wraps the WSGI application (masthead/wsgi.py, outside the page cache): a
beacon costs a body parse and one Redis round trip, not a trip through sessions, CSRF and
the URL resolver, so counting a view costs far less than serving it (measured in
bench/analytics.py). The Django view below answers the same path when the site runs without
the wrapper (tests' live servers). Either way the answer is an empty 204, never an error:
a reader's page must not care whether it was counted.
"""

import logging
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .counting import record_hit

logger = logging.getLogger(__name__)

PATH = "/_hit"
MAX_BODY = 2048
NO_CONTENT = ("204 No Content", [("Cache-Control", "no-store"), ("Content-Length", "0")])


def _fields(body, query):
    text = body.decode("utf-8", "replace") if body else query
    return dict(parse_qsl(text[:MAX_BODY], keep_blank_values=False))


def count(environ, body):
    if not settings.ANALYTICS_BEACON:
        return
    try:
        record_hit(fields=_fields(body, environ.get("QUERY_STRING", "")), environ=environ)
    except Exception:  # a counting store that is down loses a view, never a page
        logger.exception("Could not count a page view")


class BeaconMiddleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH:
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") == "POST":
            try:
                length = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_BODY)
            except ValueError:
                length = 0
            body = environ["wsgi.input"].read(length) if length > 0 else b""
            count(environ, body)
        start_response(*NO_CONTENT)
        return [b""]


@csrf_exempt
def hit(request):
    if request.method == "POST":
        count(request.META, request.body[:MAX_BODY])
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response
