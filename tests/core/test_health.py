"""Liveness answers without the database or Redis and tells nobody anything; readiness reports
each service to operators only, and a broken cache is "degraded", not an error."""

import json
import logging
from contextlib import contextmanager
from io import BytesIO, StringIO

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import OperationalError, close_old_connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpResponse
from django.test import RequestFactory

from masthead.core.health import answer_liveness
from masthead.core.pagecache import PageCacheMiddleware
from masthead.core.requestlog import RequestContextFilter, RequestContextMiddleware


@pytest.fixture
def wsgi():
    """Requests through the stack masthead.wsgi builds: liveness, page cache, Django."""
    django_app = WSGIHandler()
    app = answer_liveness(PageCacheMiddleware(django_app), django_app)

    def call(path, **headers):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "REMOTE_ADDR": headers.pop("remote", "127.0.0.1"),
            "HTTP_HOST": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(b""),
            "wsgi.errors": BytesIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
        seen = {}

        def start_response(status, response_headers, exc_info=None):
            seen["status"], seen["headers"] = int(status.split()[0]), dict(response_headers)

        body = b"".join(app(environ, start_response))
        return seen["status"], seen["headers"], body

    return call


CACHE_OPERATIONS = ("get", "set", "add", "incr", "delete", "get_many", "set_many")


@contextmanager
def cache_down():
    """The default cache (Redis in production) refuses every operation, as when Redis is down."""

    def down(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to cache: Connection refused.")

    with pytest.MonkeyPatch.context() as patch:
        for name in CACHE_OPERATIONS:
            patch.setattr(caches["default"], name, down)
        yield


@contextmanager
def database_down():
    def down(self, *args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "cursor", down)
        yield


def test_liveness_touches_neither_database_nor_cache_and_says_nothing_about_the_site(wsgi, demo, all_queries):
    with cache_down():
        status, headers, body = wsgi("/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    assert headers["Cache-Control"] == "no-store"
    assert all_queries == []  # the cache raised on any use, so the 200 also proves it was not asked
    # The same stack does reach the database for a page (the query counter works).
    wsgi("/about-us-does-not-exist/")
    assert all_queries


def test_liveness_answers_with_the_database_down(wsgi):
    with database_down():
        status, _headers, body = wsgi("/healthz")
    assert status == 200 and b"postgres" not in body and b"sqlite" not in body


def test_readiness_reports_each_service_to_this_machine(wsgi, db):
    status, headers, body = wsgi("/readyz")
    report = json.loads(body)
    assert status == 200 and report["status"] == "ok", report
    assert set(report["checks"]) == {"database", "cache", "queue", "storage"}
    assert all(check["status"] == "ok" for check in report["checks"].values())
    assert "no-cache" in headers["Cache-Control"] or "max-age=0" in headers["Cache-Control"]


def test_readiness_is_hidden_from_the_public_unless_they_have_the_token(wsgi, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # Through nginx (it adds X-Forwarded-For), a reader: nothing to see.
    assert wsgi("/readyz", x_forwarded_for="93.184.216.34")[0] == 404
    assert wsgi("/readyz", remote="93.184.216.34")[0] == 404
    settings.READINESS_TOKEN = "s3cret-readiness-token"
    assert wsgi("/readyz", x_forwarded_for="93.184.216.34", authorization="Bearer wrong")[0] == 404
    status, _h, body = wsgi(
        "/readyz", x_forwarded_for="93.184.216.34", authorization="Bearer s3cret-readiness-token"
    )
    assert status == 200 and json.loads(body)["checks"]["database"]["status"] == "ok"


def test_a_broken_cache_makes_the_server_degraded_not_failed(wsgi, db):
    with cache_down():
        status, _headers, body = wsgi("/readyz")
    report = json.loads(body)
    assert status == 200
    assert report["status"] == "degraded"
    assert report["checks"]["cache"]["status"] == "error"
    assert "Connection refused" in report["checks"]["cache"]["error"]
    assert report["checks"]["database"]["status"] == "ok"


def test_a_database_that_is_down_takes_the_server_out_of_rotation(wsgi, db):
    with database_down():
        status, _headers, body = wsgi("/readyz")
    report = json.loads(body)
    assert status == 503 and report["status"] == "unavailable"
    assert "Connection refused" in report["checks"]["database"]["error"]


def test_log_lines_carry_the_request_id_as_json(settings):
    from pythonjsonlogger.json import JsonFormatter

    settings.ACCESS_LOG = True
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(settings.LOGGING["formatters"]["json"]["format"]))
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("masthead.request")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)

    def view(request):
        logging.getLogger("masthead.request").info("inside the view")
        return HttpResponse("ok")

    try:
        response = RequestContextMiddleware(view)(RequestFactory().get("/some/page/"))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 2
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    assert all(line["request_id"] == request_id for line in lines)
    assert lines[1]["status"] == 200 and lines[1]["path"] == "/some/page/" and "duration_ms" in lines[1]
